import { Weighted, type Rng } from './rng';

export interface Product {
  sku: string;
  name: string;
  /** List price in VND. */
  price: number;
  /** Cheap consumables are bought several at a time. */
  maxQty: number;
}

/** A slice of a Vietnamese marketplace's catalogue with street prices (VND). */
const PRODUCTS: readonly (readonly [Product, number])[] = [
  // Điện thoại, điện tử
  [{ sku: 'DT-SS-A55', name: 'Điện thoại Samsung Galaxy A55 5G 8GB/128GB', price: 9_490_000, maxQty: 1 }, 2],
  [{ sku: 'DT-IP15-128', name: 'iPhone 15 128GB', price: 19_990_000, maxQty: 1 }, 1.5],
  [{ sku: 'DT-XM-RN13', name: 'Điện thoại Xiaomi Redmi Note 13 6GB/128GB', price: 4_690_000, maxQty: 1 }, 2],
  [{ sku: 'DT-OP-A79', name: 'Điện thoại OPPO A79 5G', price: 6_490_000, maxQty: 1 }, 1],
  [{ sku: 'PK-CAP-TYPEC', name: 'Cáp sạc nhanh Type-C Baseus 1m', price: 119_000, maxQty: 3 }, 6],
  [{ sku: 'PK-SDP-20W', name: 'Sạc dự phòng Xiaomi 20000mAh 22.5W', price: 459_000, maxQty: 2 }, 4],
  [{ sku: 'PK-TN-BUDS5', name: 'Tai nghe Bluetooth Xiaomi Redmi Buds 5', price: 790_000, maxQty: 1 }, 4],
  [{ sku: 'PK-OP-IP15', name: 'Ốp lưng iPhone 15 silicon', price: 89_000, maxQty: 3 }, 5],
  [{ sku: 'DT-LT-ASUS', name: 'Laptop ASUS Vivobook 15 i5/16GB/512GB', price: 15_990_000, maxQty: 1 }, 1],
  [{ sku: 'DT-CHUOT-LG', name: 'Chuột không dây Logitech M331', price: 349_000, maxQty: 2 }, 3],
  [{ sku: 'DT-SW-MIBAND', name: 'Vòng đeo tay thông minh Xiaomi Smart Band 8', price: 890_000, maxQty: 1 }, 2],
  [{ sku: 'DT-TV-SS55', name: 'Smart Tivi Samsung 4K 55 inch', price: 11_490_000, maxQty: 1 }, 0.6],
  // Gia dụng
  [{ sku: 'GD-NCD-SHARP', name: 'Nồi cơm điện Sharp 1.8L', price: 1_290_000, maxQty: 1 }, 3],
  [{ sku: 'GD-NCK-LOCK', name: 'Nồi chiên không dầu Lock&Lock 5.2L', price: 1_890_000, maxQty: 1 }, 3],
  [{ sku: 'GD-QD-SENKO', name: 'Quạt đứng Senko DH1600', price: 450_000, maxQty: 1 }, 2],
  [{ sku: 'GD-MXST-PHI', name: 'Máy xay sinh tố Philips HR2221', price: 990_000, maxQty: 1 }, 2],
  [{ sku: 'GD-BHN-SUN', name: 'Bộ nồi inox Sunhouse 5 đáy 3 chiếc', price: 759_000, maxQty: 1 }, 2],
  [{ sku: 'GD-HUT-XM', name: 'Robot hút bụi lau nhà Xiaomi X10', price: 7_990_000, maxQty: 1 }, 0.8],
  [{ sku: 'GD-BINH-LL', name: 'Bình giữ nhiệt Lock&Lock 500ml', price: 329_000, maxQty: 2 }, 4],
  // Thời trang
  [{ sku: 'TT-AT-NAM', name: 'Áo thun nam cotton cổ tròn', price: 159_000, maxQty: 4 }, 8],
  [{ sku: 'TT-AK-NU', name: 'Áo khoác gió nữ chống nắng', price: 249_000, maxQty: 2 }, 5],
  [{ sku: 'TT-QJ-NAM', name: 'Quần jean nam dáng slim', price: 399_000, maxQty: 2 }, 5],
  [{ sku: 'TT-VAY-HOA', name: 'Váy hoa nhí dáng xòe', price: 289_000, maxQty: 2 }, 4],
  [{ sku: 'TT-GIAY-BITIS', name: "Giày thể thao Biti's Hunter", price: 890_000, maxQty: 1 }, 3],
  [{ sku: 'TT-DEP-TO', name: 'Dép tổ ong Thái Lan', price: 65_000, maxQty: 3 }, 3],
  [{ sku: 'TT-BALO-LAP', name: 'Balo laptop chống nước 15.6 inch', price: 359_000, maxQty: 1 }, 3],
  [{ sku: 'TT-NON-BH', name: 'Nón bảo hiểm nửa đầu Sơn', price: 285_000, maxQty: 2 }, 2],
  // Mỹ phẩm
  [{ sku: 'MP-SRM-CETA', name: 'Sữa rửa mặt Cetaphil 500ml', price: 385_000, maxQty: 2 }, 5],
  [{ sku: 'MP-KCN-LRP', name: 'Kem chống nắng La Roche-Posay Anthelios 50ml', price: 495_000, maxQty: 2 }, 5],
  [{ sku: 'MP-NTT-BIO', name: 'Nước tẩy trang Bioderma 500ml', price: 435_000, maxQty: 2 }, 4],
  [{ sku: 'MP-SON-3CE', name: 'Son kem lì 3CE Velvet Lip Tint', price: 329_000, maxQty: 3 }, 4],
  [{ sku: 'MP-DG-DOVE', name: 'Dầu gội Dove phục hồi hư tổn 640g', price: 179_000, maxQty: 3 }, 4],
  // Mẹ & bé
  [{ sku: 'MB-TA-BOBBY', name: 'Tã quần Bobby size L 68 miếng', price: 359_000, maxQty: 4 }, 5],
  [{ sku: 'MB-SUA-MEIJI', name: 'Sữa Meiji Infant Formula 800g', price: 565_000, maxQty: 3 }, 3],
  [{ sku: 'MB-KHAN-UOT', name: 'Khăn ướt Mamamy 100 tờ (lốc 3 gói)', price: 99_000, maxQty: 5 }, 4],
  // Thực phẩm, tiêu dùng
  [{ sku: 'TP-NM-NAMNGU', name: 'Nước mắm Nam Ngư 750ml', price: 38_000, maxQty: 6 }, 5],
  [{ sku: 'TP-CF-TRUNGNGUYEN', name: 'Cà phê Trung Nguyên Sáng Tạo 4 340g', price: 129_000, maxQty: 4 }, 5],
  [{ sku: 'TP-MI-HAOHAO', name: 'Thùng mì Hảo Hảo tôm chua cay 30 gói', price: 118_000, maxQty: 3 }, 5],
  [{ sku: 'TP-GAO-ST25', name: 'Gạo ST25 túi 5kg', price: 185_000, maxQty: 3 }, 4],
  [{ sku: 'TP-BG-OMO', name: 'Nước giặt OMO Matic 3.6kg', price: 215_000, maxQty: 3 }, 5],
  [{ sku: 'TP-TRA-LIPTON', name: 'Trà Lipton nhãn vàng 100 gói', price: 89_000, maxQty: 4 }, 3],
  // Sách, thể thao
  [{ sku: 'SA-NHAGIAKIM', name: 'Sách "Nhà Giả Kim" (Paulo Coelho)', price: 79_000, maxQty: 2 }, 3],
  [{ sku: 'SA-DACNHANTAM', name: 'Sách "Đắc Nhân Tâm"', price: 86_000, maxQty: 2 }, 3],
  [{ sku: 'TT-THAM-YOGA', name: 'Thảm tập yoga TPE 6mm', price: 199_000, maxQty: 2 }, 3],
  [{ sku: 'TT-VOT-CAULONG', name: 'Vợt cầu lông Yonex Astrox 01', price: 590_000, maxQty: 2 }, 2],
];

const CATALOG = new Weighted(PRODUCTS);
/** Free shipping is common (vouchers); otherwise a flat fee by region and weight. */
const SHIPPING_FEES = new Weighted<number>([
  [0, 40],
  [15_000, 20],
  [22_000, 18],
  [30_000, 14],
  [38_000, 8],
]);
const VOUCHERS = new Weighted<number>([
  [0, 70],
  [10_000, 10],
  [20_000, 8],
  [50_000, 7],
  [100_000, 5],
]);

export interface OrderLine {
  sku: string;
  name: string;
  qty: number;
  price_vnd: number;
}

export interface Basket {
  lines: OrderLine[];
  itemCount: number;
  /** Σ lines + shipping − voucher, whole thousands of VND. */
  total: number;
}

const roundThousand = (v: number) => Math.max(1_000, Math.round(v / 1_000) * 1_000);

/** A plausible basket; a reseller buys more lines and larger quantities. */
export function basket(rng: Rng, reseller = false): Basket {
  const lines: OrderLine[] = [];
  const n = reseller ? rng.int(2, 6) : rng.chance(0.6) ? 1 : rng.int(2, 4);
  let sum = 0;
  let itemCount = 0;
  for (let i = 0; i < n; i++) {
    const p = CATALOG.pick(rng);
    if (lines.some((l) => l.sku === p.sku)) continue;
    const qty = reseller ? rng.int(2, 10) * Math.max(1, p.maxQty) : rng.int(1, p.maxQty);
    // Street prices move with flash sales: ±8%, rounded to 1,000₫.
    const price = roundThousand(p.price * rng.real(0.92, 1.08));
    lines.push({ sku: p.sku, name: p.name, qty, price_vnd: price });
    sum += price * qty;
    itemCount += qty;
  }
  const fee = sum >= 500_000 ? 0 : SHIPPING_FEES.pick(rng);
  const voucher = Math.min(VOUCHERS.pick(rng), Math.floor(sum / 4 / 1_000) * 1_000);
  return { lines, itemCount, total: roundThousand(sum + fee - voucher) };
}

export const CARRIERS = new Weighted<string>([
  ['GHN', 25],
  ['GHTK', 25],
  ['Viettel Post', 15],
  ['J&T Express', 15],
  ['Ninja Van', 8],
  ['VNPost', 6],
  ['BEST Express', 6],
]);

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const alnum = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[rng.int(0, ALNUM.length - 1)];
  return s;
};

/** Tracking numbers in each carrier's own shape (VNPost follows the UPU S10 format). */
export function trackingNumber(rng: Rng, carrier: string): string {
  switch (carrier) {
    case 'GHN':
      return `GY${alnum(rng, 6)}`;
    case 'GHTK':
      return `S${digits(rng, 8)}.${rng.pick(['SG01', 'HN02', 'DN01', 'HP01', 'CT01'])}.${alnum(rng, 2)}`;
    case 'Viettel Post':
      return digits(rng, 12);
    case 'J&T Express':
      return `84${digits(rng, 10)}`;
    case 'Ninja Van':
      return `NVVN${digits(rng, 9)}`;
    case 'VNPost':
      return `E${rng.pick(['B', 'C', 'E'])}${digits(rng, 9)}VN`;
    default:
      return `BEVN${digits(rng, 10)}`;
  }
}

export const PAYMENT_METHODS = new Weighted<string>([
  ['COD', 38],
  ['MOMO', 16],
  ['BANK_TRANSFER', 15],
  ['VNPAY', 12],
  ['CARD', 10],
  ['ZALOPAY', 9],
]);
