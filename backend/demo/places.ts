import { Weighted } from './rng';

/** Where customers live, weighted roughly by e-commerce orders (the two metropolises dominate). */
export const CITIES = new Weighted<string>([
  ['TP. Hồ Chí Minh', 30],
  ['Hà Nội', 26],
  ['Đà Nẵng', 6],
  ['Hải Phòng', 5],
  ['Cần Thơ', 4],
  ['Biên Hòa', 3.5],
  ['Thủ Dầu Một', 3],
  ['Nha Trang', 2.5],
  ['Huế', 2.5],
  ['Bắc Ninh', 2],
  ['Vũng Tàu', 2],
  ['Quy Nhơn', 1.5],
  ['Buôn Ma Thuột', 1.5],
  ['Thái Nguyên', 1.5],
  ['Vinh', 1.5],
  ['Hạ Long', 1.5],
  ['Thanh Hóa', 1.5],
  ['Nam Định', 1.2],
  ['Đà Lạt', 1.2],
  ['Hải Dương', 1.2],
  ['Long Xuyên', 1],
  ['Rạch Giá', 1],
  ['Cà Mau', 0.8],
]);

export const EMAIL_DOMAINS = new Weighted<string>([
  ['gmail.com', 60],
  ['yahoo.com.vn', 9],
  ['yahoo.com', 4],
  ['outlook.com', 7],
  ['hotmail.com', 4],
  ['icloud.com', 5],
  ['fpt.vn', 3],
  ['vnn.vn', 2],
  ['fpt.edu.vn', 2],
  ['hcmut.edu.vn', 1],
  ['vnu.edu.vn', 1],
]);

/** Mobile prefixes (with the trunk 0) of the three big networks, weighted by market share. */
const VIETTEL = ['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039'];
const MOBIFONE = ['089', '090', '093', '070', '076', '077', '078', '079'];
const VINAPHONE = ['088', '091', '094', '081', '082', '083', '084', '085'];
export const MOBILE_PREFIXES = new Weighted<string>([
  ...VIETTEL.map((p) => [p, 50 / VIETTEL.length] as const),
  ...MOBIFONE.map((p) => [p, 22 / MOBIFONE.length] as const),
  ...VINAPHONE.map((p) => [p, 28 / VINAPHONE.length] as const),
]);

/**
 * How people type one number (9 national digits, e.g. "912345678") into forms, CSV exports and
 * chats: the reason the profile needs normalising at all.
 */
export const PHONE_FORMATS: readonly ((d: string) => string)[] = [
  (d) => `0${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`, // 0912 345 678
  (d) => `+84${d}`, // +84912345678
  (d) => `84-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`, // 84-912-345-678
  (d) => `(+84) ${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`, // (+84) 912.345.678
  (d) => `0${d}`, // 0912345678
  (d) => `0${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`, // 0912.345.678
  (d) => `0084 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`, // 0084 912 345 678
];
