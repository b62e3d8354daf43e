import type { TicketRecord } from '../ports/ticketStore';
import { Weighted } from './rng';

/** What a support text can mention. */
export interface TextContext {
  order: string;
  carrier: string;
  tracking: string;
  product: string;
  amount: string;
}

type Text = (c: TextContext) => string;
export type Sentiment = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';
export interface CustomerLine {
  text: Text;
  sentiment: Sentiment;
}

/** Where in an order's life a ticket of this kind is raised; NONE needs no order. */
export type ScenarioStage = 'SHIPPING' | 'DELIVERED' | 'PAID' | 'NONE';
/** What the resolution does to the order (a follow-up the story builder adds). */
export type ScenarioOutcome = 'REFUND_FULL' | 'REFUND_PARTIAL' | 'RETURN' | 'CANCEL' | null;

export interface Scenario {
  subject: string;
  stage: ScenarioStage;
  priority: TicketRecord['priority'];
  opening: readonly CustomerLine[];
  followUps: readonly CustomerLine[];
  replies: readonly Text[];
  closings: readonly Text[];
  notes: readonly Text[];
  escalationReasons: readonly Text[];
  escalateP: number;
  outcome: ScenarioOutcome;
  /** Customers attach photos of what they received. */
  attachmentP: number;
}

/** "1290000" → "1.290.000₫", as Vietnamese write it. */
export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}₫`;
}

const neg = (text: Text): CustomerLine => ({ text, sentiment: 'NEGATIVE' });
const neu = (text: Text): CustomerLine => ({ text, sentiment: 'NEUTRAL' });

const SCENARIOS: readonly (readonly [Scenario, number])[] = [
  [
    {
      subject: 'Chưa nhận được hàng',
      stage: 'SHIPPING',
      priority: 'NORMAL',
      opening: [
        neg((c) => `Đơn ${c.order} của mình đặt mấy ngày rồi mà vẫn chưa nhận được hàng, shop kiểm tra giúp với.`),
        neg((c) => `Sao đơn ${c.order} lâu vậy shop? Tra mã ${c.tracking} thì thấy vẫn nằm ở kho.`),
        neu((c) => `Cho mình hỏi đơn ${c.order} khi nào giao tới ạ?`),
      ],
      followUps: [neu(() => 'Vậy mai mình có ở nhà, nhờ shop báo shipper gọi trước nhé.'), neg(() => 'Lần trước cũng trễ, lần này mong shop hối giúp.')],
      replies: [
        (c) => `Dạ em chào anh/chị, em đã kiểm tra đơn ${c.order}, hiện đơn đang được ${c.carrier} vận chuyển, dự kiến giao trong 1–2 ngày tới ạ.`,
        (c) => `Dạ em xin lỗi vì đơn giao chậm, em đã báo ${c.carrier} ưu tiên giao đơn ${c.order} cho mình ạ.`,
      ],
      closings: [() => 'Dạ đơn đã được giao thành công, cảm ơn anh/chị đã kiên nhẫn chờ ạ.', () => 'Em đã hối bên vận chuyển, anh/chị chú ý điện thoại giúp em nhé.'],
      notes: [(c) => `Đã liên hệ ${c.carrier} hối giao đơn ${c.order}`, (c) => `Mã vận đơn ${c.tracking} kẹt ở kho trung chuyển, đã báo hãng vận chuyển`],
      escalationReasons: [(c) => `Đơn ${c.order} giao trễ quá 7 ngày, cần làm việc trực tiếp với ${c.carrier}`, () => 'Khách phàn nàn lần 2 về giao hàng chậm'],
      escalateP: 0.1,
      outcome: null,
      attachmentP: 0,
    },
    26,
  ],
  [
    {
      subject: 'Yêu cầu hoàn tiền',
      stage: 'PAID',
      priority: 'HIGH',
      opening: [
        neg((c) => `Mình đã hủy đơn ${c.order} nhưng chưa được hoàn ${c.amount}, shop xử lý giúp mình.`),
        neg((c) => `Tài khoản mình bị trừ ${c.amount} hai lần cho đơn ${c.order}, nhờ shop hoàn lại một lần.`),
      ],
      followUps: [neg(() => 'Khoảng bao lâu thì tiền về vậy shop?'), neu(() => 'Mình gửi ảnh chụp sao kê rồi nhé.')],
      replies: [
        () => 'Dạ yêu cầu hoàn tiền của anh/chị đã được ghi nhận, tiền sẽ về tài khoản trong 3–5 ngày làm việc ạ.',
        (c) => `Dạ em đã chuyển yêu cầu hoàn ${c.amount} sang bộ phận kế toán, em sẽ cập nhật ngay khi có kết quả ạ.`,
      ],
      closings: [(c) => `Dạ ${c.amount} đã được hoàn về phương thức thanh toán ban đầu, anh/chị kiểm tra giúp em ạ.`],
      notes: [(c) => `Đã tạo lệnh hoàn ${c.amount} cho đơn ${c.order}`, () => 'Kế toán xác nhận giao dịch bị trừ trùng, đã duyệt hoàn'],
      escalationReasons: [() => 'Hoàn tiền quá hạn 7 ngày làm việc, cần kế toán xử lý gấp', (c) => `Khách bị trừ tiền 2 lần cho đơn ${c.order}, cần đối soát với cổng thanh toán`],
      escalateP: 0.25,
      outcome: 'REFUND_FULL',
      attachmentP: 0.3,
    },
    14,
  ],
  [
    {
      subject: 'Sản phẩm bị lỗi',
      stage: 'DELIVERED',
      priority: 'NORMAL',
      opening: [
        neg((c) => `${c.product} mình nhận được bị lỗi, không dùng được. Shop đổi giúp mình.`),
        neg((c) => `Hàng giao tới bị móp méo, ${c.product} bị trầy xước nhiều.`),
      ],
      followUps: [neu(() => 'Mình gửi ảnh và video mở hộp rồi ạ.'), neg(() => 'Mình cần gấp, shop xử lý nhanh giúp.')],
      replies: [
        () => 'Dạ em rất tiếc về trải nghiệm này, anh/chị gửi giúp em ảnh hoặc video sản phẩm để em xử lý đổi mới ạ.',
        (c) => `Dạ em đã ghi nhận lỗi của ${c.product}, shop sẽ hỗ trợ đổi sản phẩm mới cho anh/chị ạ.`,
      ],
      closings: [() => 'Dạ shop đã hoàn một phần tiền do sản phẩm lỗi, mong anh/chị thông cảm ạ.', () => 'Em đã tạo đơn đổi hàng, shipper sẽ lấy hàng lỗi khi giao hàng mới ạ.'],
      notes: [(c) => `KH gửi ảnh ${c.product} bị lỗi, đã xác nhận lỗi nhà sản xuất`, () => 'Đã tặng voucher 50.000₫ xin lỗi KH'],
      escalationReasons: [(c) => `Lỗi hàng loạt ${c.product}, cần bộ phận kho kiểm tra lô hàng`],
      escalateP: 0.12,
      outcome: 'REFUND_PARTIAL',
      attachmentP: 0.6,
    },
    14,
  ],
  [
    {
      subject: 'Giao sai sản phẩm',
      stage: 'DELIVERED',
      priority: 'NORMAL',
      opening: [neg((c) => `Mình đặt ${c.product} mà shop giao sản phẩm khác, đơn ${c.order}.`), neg(() => 'Hàng nhận được sai màu và sai size so với đơn đặt.')],
      followUps: [neu(() => 'Mình giữ nguyên tem mác, chưa sử dụng ạ.')],
      replies: [() => 'Dạ em xin lỗi anh/chị, em sẽ tạo đơn đổi hàng miễn phí ngay ạ.', (c) => `Dạ em kiểm tra thấy kho đóng nhầm đơn ${c.order}, shop sẽ đổi lại cho mình ạ.`],
      closings: [() => 'Đơn đổi hàng đã được tạo, anh/chị vui lòng gửi lại sản phẩm giao nhầm cho shipper ạ.'],
      notes: [(c) => `Kho đóng nhầm đơn ${c.order}, đã báo trưởng kho`],
      escalationReasons: [() => 'Giao nhầm lần 2 trong tháng cho cùng khách hàng'],
      escalateP: 0.1,
      outcome: 'RETURN',
      attachmentP: 0.5,
    },
    8,
  ],
  [
    {
      subject: 'Muốn đổi trả hàng',
      stage: 'DELIVERED',
      priority: 'LOW',
      opening: [neu((c) => `Mình muốn trả lại ${c.product} vì không vừa, thủ tục thế nào shop?`), neu((c) => `Cho mình đổi trả đơn ${c.order} được không ạ?`)],
      followUps: [neu(() => 'Ok shop, mình đóng gói lại rồi.')],
      replies: [() => 'Dạ shop hỗ trợ đổi trả trong 7 ngày, anh/chị giữ nguyên tem mác giúp em ạ.'],
      closings: [(c) => `Shop đã nhận lại hàng và hoàn ${c.amount} cho anh/chị ạ.`],
      notes: [(c) => `KH trả hàng đơn ${c.order}, lý do: không vừa size`],
      escalationReasons: [() => 'Khách đòi hoàn tiền khi đã quá hạn đổi trả'],
      escalateP: 0.05,
      outcome: 'RETURN',
      attachmentP: 0.1,
    },
    8,
  ],
  [
    {
      subject: 'Thanh toán bị trừ tiền nhưng đơn chưa xác nhận',
      stage: 'PAID',
      priority: 'HIGH',
      opening: [neg((c) => `Ví MoMo của mình bị trừ ${c.amount} mà đơn ${c.order} vẫn báo chờ thanh toán.`), neg(() => 'Mình chuyển khoản rồi nhưng đơn chưa được xác nhận.')],
      followUps: [neg(() => 'Mình cần hàng trước cuối tuần, shop kiểm tra nhanh giúp.')],
      replies: [() => 'Dạ em đang đối soát giao dịch với cổng thanh toán, anh/chị chờ em khoảng 15 phút ạ.'],
      closings: [(c) => `Dạ giao dịch đã được xác nhận, đơn ${c.order} đã chuyển sang đóng gói ạ.`],
      notes: [() => 'Cổng thanh toán trả kết quả chậm, đã xác nhận thủ công'],
      escalationReasons: [() => 'Cổng thanh toán không trả kết quả giao dịch, cần đội kỹ thuật kiểm tra'],
      escalateP: 0.2,
      outcome: null,
      attachmentP: 0.4,
    },
    6,
  ],
  [
    {
      subject: 'Đổi địa chỉ giao hàng',
      stage: 'SHIPPING',
      priority: 'NORMAL',
      opening: [neu((c) => `Shop ơi cho mình đổi địa chỉ nhận đơn ${c.order} sang chỗ làm được không ạ?`)],
      followUps: [neu(() => 'Địa chỉ mới: tầng 5, tòa nhà văn phòng, gần ngã tư ạ.')],
      replies: [() => 'Dạ em đã ghi nhận, anh/chị gửi giúp em địa chỉ mới và số điện thoại người nhận ạ.'],
      closings: [(c) => `Dạ em đã cập nhật địa chỉ mới cho đơn ${c.order} với ${c.carrier} ạ.`],
      notes: [(c) => `KH đổi địa chỉ giao đơn ${c.order}, đã báo ${c.carrier}`],
      escalationReasons: [() => 'Hãng vận chuyển không cho đổi địa chỉ khi đã lấy hàng'],
      escalateP: 0.05,
      outcome: null,
      attachmentP: 0,
    },
    6,
  ],
  [
    {
      subject: 'Hủy đơn hàng',
      stage: 'PAID',
      priority: 'NORMAL',
      opening: [neu((c) => `Mình đặt nhầm, cho mình hủy đơn ${c.order} nhé.`), neg(() => 'Giao lâu quá, mình muốn hủy đơn.')],
      followUps: [neu(() => 'Tiền hoàn về ví luôn được không shop?')],
      replies: [(c) => `Dạ em đã gửi yêu cầu hủy đơn ${c.order}, nếu đã thanh toán shop sẽ hoàn tiền trong 3–5 ngày ạ.`],
      closings: [(c) => `Dạ đơn ${c.order} đã được hủy thành công ạ.`],
      notes: [(c) => `KH yêu cầu hủy đơn ${c.order}, đã hủy và tạo lệnh hoàn tiền`],
      escalationReasons: [() => 'Đơn đã bàn giao vận chuyển, không hủy được, khách không đồng ý'],
      escalateP: 0.05,
      outcome: 'CANCEL',
      attachmentP: 0,
    },
    7,
  ],
  [
    {
      subject: 'Hỏi về chương trình khuyến mãi',
      stage: 'NONE',
      priority: 'LOW',
      opening: [neu(() => 'Chương trình giảm giá 12.12 áp dụng cho ngành hàng nào vậy shop?'), neu(() => 'Mã giảm giá của mình báo không hợp lệ là sao ạ?')],
      followUps: [{ text: () => 'Cảm ơn shop nhiều nha!', sentiment: 'POSITIVE' }],
      replies: [() => 'Dạ chương trình áp dụng cho đơn từ 299.000₫, mỗi tài khoản dùng một lần ạ.'],
      closings: [() => 'Dạ em gửi anh/chị mã giảm giá mới, chúc anh/chị mua sắm vui vẻ ạ.'],
      notes: [() => 'KH hỏi về mã giảm giá, đã gửi mã bù'],
      escalationReasons: [() => 'Mã giảm giá lỗi hệ thống cho nhiều khách'],
      escalateP: 0.02,
      outcome: null,
      attachmentP: 0.1,
    },
    5,
  ],
  [
    {
      subject: 'Không đăng nhập được tài khoản',
      stage: 'NONE',
      priority: 'NORMAL',
      opening: [neg(() => 'Mình không nhận được mã OTP để đăng nhập.'), neg(() => 'Tài khoản của mình bị khóa không rõ lý do.')],
      followUps: [neu(() => 'Số điện thoại của mình vẫn dùng bình thường ạ.')],
      replies: [() => 'Dạ em đã gửi lại mã OTP, anh/chị kiểm tra tin nhắn giúp em ạ.'],
      closings: [() => 'Dạ tài khoản đã được mở khóa, anh/chị đăng nhập lại giúp em ạ.'],
      notes: [() => 'Tài khoản bị khóa do nhập sai mật khẩu nhiều lần, đã mở khóa'],
      escalationReasons: [() => 'Nghi ngờ tài khoản bị chiếm đoạt, cần đội bảo mật kiểm tra'],
      escalateP: 0.1,
      outcome: null,
      attachmentP: 0,
    },
    4,
  ],
  [
    {
      subject: 'Shipper thái độ không tốt',
      stage: 'DELIVERED',
      priority: 'NORMAL',
      opening: [neg((c) => `Shipper ${c.carrier} giao đơn ${c.order} nói chuyện rất khó chịu, còn đòi thêm tiền ship.`)],
      followUps: [neg(() => 'Mong shop phản ánh với bên vận chuyển.')],
      replies: [(c) => `Dạ em thành thật xin lỗi, em đã phản ánh với ${c.carrier} và sẽ báo kết quả cho anh/chị ạ.`],
      closings: [() => 'Dạ bên vận chuyển đã xử lý nhân viên giao hàng, shop gửi anh/chị voucher xin lỗi ạ.'],
      notes: [(c) => `Đã khiếu nại ${c.carrier} về thái độ shipper`],
      escalationReasons: [(c) => `Khiếu nại shipper ${c.carrier} thu thêm tiền, cần làm việc với hãng`],
      escalateP: 0.3,
      outcome: null,
      attachmentP: 0.2,
    },
    3,
  ],
  [
    {
      subject: 'Hỏi về bảo hành sản phẩm',
      stage: 'DELIVERED',
      priority: 'LOW',
      opening: [neu((c) => `${c.product} bảo hành bao lâu vậy shop? Mang đi bảo hành ở đâu ạ?`)],
      followUps: [{ text: () => 'Ok, cảm ơn shop nhé.', sentiment: 'POSITIVE' }],
      replies: [() => 'Dạ sản phẩm được bảo hành chính hãng 12 tháng, anh/chị mang hóa đơn tới trung tâm bảo hành gần nhất ạ.'],
      closings: [() => 'Dạ em gửi danh sách trung tâm bảo hành qua tin nhắn rồi ạ.'],
      notes: [() => 'KH hỏi chính sách bảo hành, đã hướng dẫn'],
      escalationReasons: [() => 'Trung tâm bảo hành từ chối bảo hành'],
      escalateP: 0.03,
      outcome: null,
      attachmentP: 0,
    },
    4,
  ],
];

export const ALL_SCENARIOS: readonly Scenario[] = SCENARIOS.map(([s]) => s);
const BY_SUBJECT = new Map(ALL_SCENARIOS.map((s) => [s.subject, s]));
/** A scenario a story names on purpose (a cancellation goes with "Hủy đơn hàng"). */
export function scenarioBySubject(subject: string): Scenario {
  const s = BY_SUBJECT.get(subject);
  if (!s) throw new Error(`No support scenario "${subject}"`);
  return s;
}
export const SCENARIOS_BY_STAGE = new Map<ScenarioStage | 'ANY', Weighted<Scenario>>([
  ['ANY', new Weighted(SCENARIOS)],
  ...(['SHIPPING', 'DELIVERED', 'PAID', 'NONE'] as const).map((stage) => [stage, new Weighted(SCENARIOS.filter(([s]) => s.stage === stage))] as const),
]);

export const BOT_GREETINGS = [
  'Xin chào! Cảm ơn bạn đã liên hệ CSKH. Nhân viên sẽ phản hồi trong giây lát.',
  'Chào bạn, bạn vui lòng cung cấp mã đơn hàng để được hỗ trợ nhanh hơn nhé.',
  'Cảm ơn bạn đã nhắn tin. Hiện có nhiều yêu cầu, thời gian chờ khoảng 5 phút.',
];
export const CUSTOMER_THANKS: readonly CustomerLine[] = [
  { text: () => 'Cảm ơn shop đã hỗ trợ nhiệt tình!', sentiment: 'POSITIVE' },
  { text: () => 'Ok shop, mình nhận được rồi.', sentiment: 'POSITIVE' },
  { text: () => 'Được rồi, cảm ơn em.', sentiment: 'NEUTRAL' },
];
export const AGENT_HOLD = ['Dạ anh/chị chờ em kiểm tra một chút ạ.', 'Dạ em đang liên hệ bộ phận liên quan, em phản hồi ngay ạ.', 'Dạ em cảm ơn thông tin của anh/chị.'];
export const SUPERVISOR_TAKEOVER = [
  'Chào anh/chị, em là trưởng nhóm CSKH, em sẽ trực tiếp theo dõi yêu cầu này ạ.',
  'Dạ em đã nhận bàn giao, em xin lỗi vì sự bất tiện và sẽ xử lý trong hôm nay ạ.',
];

/** Notes an agent leaves outside any ticket: calls, VIP flags, context for colleagues. */
export const STANDALONE_NOTES = [
  'KH gọi hotline hỏi thời gian giao hàng dịp Tết',
  'KH VIP, ưu tiên hỗ trợ và gọi lại trong ngày',
  'KH phàn nàn về phí ship cao, đã giải thích chính sách',
  'KH đề nghị thêm phương thức thanh toán trả góp',
  'Đã gọi xác nhận đơn giá trị cao, KH xác nhận đúng',
  'KH muốn nhận hóa đơn VAT cho các đơn tháng này',
  'KH hay đặt hàng buổi tối, nên gọi sau 18h',
  'KH hỏi về chương trình thành viên, đã hướng dẫn tích điểm',
];
export const RESELLER_NOTES = [
  'Đại lý sỉ, đơn số lượng lớn: ưu tiên xử lý trước 10h',
  'Đại lý đề nghị chiết khấu theo sản lượng tháng, đã chuyển kinh doanh',
  'Đại lý yêu cầu xuất hóa đơn VAT gộp theo tuần',
];

export const FRAUD_REASONS = [
  'Nhiều đơn COD bị từ chối nhận hàng liên tiếp',
  'Thẻ thanh toán nằm trong danh sách báo mất cắp',
  'Địa chỉ giao hàng trùng với tài khoản đã bị khóa',
  'Đặt nhiều đơn giá trị cao trong thời gian ngắn',
  'Đăng nhập từ thiết bị lạ ở nước ngoài ngay trước khi đặt hàng',
];
export const FRAUD_NOTES = ['Đã gọi xác minh, KH xác nhận tự đặt hàng', 'Không liên hệ được KH, tạm giữ đơn chờ xác minh', 'Đã hủy đơn nghi ngờ gian lận theo quy trình'];

export const ESCALATION_PRIORITIES = new Weighted<TicketRecord['priority']>([
  ['HIGH', 60],
  ['URGENT', 25],
  ['NORMAL', 15],
]);
export const CHANNELS = new Weighted<TicketRecord['channel']>([
  ['CHAT', 35],
  ['ZALO', 22],
  ['PHONE', 18],
  ['FACEBOOK', 13],
  ['EMAIL', 12],
]);
