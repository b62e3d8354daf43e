/**
 * The sentiment lexicon for customer support messages (SP-04), Vietnamese and English.
 *
 * An entry is a word or a phrase of up to four words, lower case, Vietnamese written with its
 * diacritics. Its value is the score it adds, or [score, negated score] when being negated does
 * not simply flip it: the "events" a customer expects to happen (receive, arrive, reply, refund
 * coming back…) are neutral as such and negative when negated ("chưa nhận được", "không ai trả
 * lời", "haven't received", "doesn't work"). Without an explicit negated score, a negated
 * positive flips ("không hài lòng", "not happy") and a negated negative turns mildly positive
 * ("không tệ", "no problem").
 *
 * Unaccented text ("khong hai long") is matched against the entries with their diacritics
 * removed. An entry whose unaccented form is also a common word with another meaning ("kém" and
 * "kem", cream; "chậm" and "chăm sóc"; "giả" and "giá") is listed in ACCENTED_ONLY and matches
 * only when typed with its accents; its unambiguous phrases ("cham qua", "hang gia") are listed
 * too, so unaccented text still finds them. A phrase with score 0 shadows its words ("chăm sóc",
 * "thủ tục", "bao lâu").
 */
export type Entry = number | readonly [score: number, negated: number];

/** An expected event: neutral, negative when it did not happen. */
const EVENT: Entry = [0, -2];
/** A good outcome that also counts as an expected event when negated ("chưa giải quyết"). */
const GOOD_EVENT: Entry = [1, -2];

export const VI: Record<string, Entry> = {
  // Thanks, satisfaction, praise
  'cảm ơn': 2, 'cám ơn': 2, 'cảm ơn nhiều': 2.5, 'thanks': 2, 'thank': 2, 'tks': 2, 'thank you': 2, 'camon': 2,
  'hài lòng': 2, 'rất hài lòng': 3, 'ưng': 1.5, 'ưng ý': 2, 'thích': 2, 'vui': 2, 'yên tâm': 1.5,
  'tốt': 2, 'rất tốt': 2.5, 'tuyệt': 2.5, 'tuyệt vời': 3, 'xuất sắc': 3, 'hoàn hảo': 3, 'đẹp': 2, 'xinh': 1.5,
  'ok': 1, 'oke': 1, 'okela': 1.5, 'ổn': 1, 'ổn rồi': 1.5, 'khá ổn': 1.5, 'ổn áp': 1.5, 'mọi thứ ổn': 2,
  'uy tín': 2, 'đáng tin': 2, 'tin cậy': 2, 'chất lượng': 1, 'nhiệt tình': 2, 'chu đáo': 2, 'dễ thương': 2, 'tận tình': 2, 'tận tâm': 2,
  'nhanh': 1, 'nhanh chóng': 1.5, 'kịp thời': 1.5, 'đúng hẹn': 2, 'đúng giờ': 2, 'cẩn thận': 1.5, 'chắc chắn': 1, 'kỹ': 1, 'kĩ': 1, 'đóng gói kỹ': 1.5, 'đóng gói kĩ': 1.5,
  'ủng hộ': 2, 'mua tiếp': 1.5, 'mua lại': 1, 'giới thiệu bạn bè': 1.5, 'vừa vặn': 1.5, 'y hình': 2, 'như hình': [1, -2], 'như mô tả': [1.5, -2],
  'đúng mô tả': 2, '5 sao': 2, 'năm sao': 2, '10 điểm': 2, 'mười điểm': 2, 'xứng đáng': 2, 'đáng tiền': 2, 'rẻ': 1, 'giá tốt': 2,
  // Complaints, defects, anger
  'tệ': -3, 'quá tệ': -3, 'tệ hại': -3, 'dở': -2, 'thất vọng': -3, 'bực': -2, 'bực mình': -2.5, 'bực bội': -2.5, 'tức': -2, 'tức giận': -3, 'bức xúc': -3,
  'chán': -2, 'chán quá': -2, 'quá chán': -2, 'chán thật': -2, 'thật chán': -2, 'chán ghê': -2, 'làm ăn chán': -3,
  'kém': -2, 'kém chất lượng': -3, 'chất lượng kém': -3, 'kém quá': -2, 'quá kém': -2, 'rất kém': -2.5,
  'khiếu nại': -2, 'phàn nàn': -2, 'tố cáo': -3, 'bóc phốt': -3, 'vô lý': -2.5, 'vô trách nhiệm': -3, 'trách nhiệm': -1, 'thái độ': -1,
  'làm ăn': -1, 'làm ăn kiểu gì': -3, 'kiểu gì': -1.5, 'sốt ruột': -2, 'lo lắng': -1.5, 'mệt mỏi': -2, 'gấp': -1, 'khẩn cấp': -1.5,
  'lừa': -3, 'lừa đảo': -3, 'bị lừa': -3, 'giả': -2, 'hàng giả': -3, 'hàng nhái': -3, 'giả mạo': -3, 'một nẻo': -2, 'khác xa': -2, 'khác hình': -2, 'khác mô tả': -2,
  'lỗi': -2, 'hàng lỗi': -2.5, 'hỏng': -2, 'bị hỏng': -2.5, 'hỏng rồi': -2, 'hư': -2, 'bị hư': -2.5, 'vỡ': -2, 'bị vỡ': -2.5, 'vỡ hết': -2.5, 'bể': -2, 'bị bể': -2.5,
  'rách': -2, 'rách nát': -2.5, 'nát': -2, 'móp': -2, 'móp méo': -2.5, 'méo': -1.5, 'nứt': -2, 'bị nứt': -2.5, 'trầy': -2, 'xước': -2, 'trầy xước': -2.5, 'ướt': -1.5, 'bẩn': -2, 'bị bẩn': -2.5, 'bẩn quá': -2, 'dơ': -2, 'mốc': -2, 'bị mốc': -2.5,
  'đổ hết': -2, 'bị đổ': -2, 'thiếu': -2, 'sai': -2, 'nhầm': -2, 'mất': -1.5, 'bị mất': -2.5, 'thất lạc': -2.5,
  'chậm': -2, 'giao chậm': -2, 'ship chậm': -2, 'chậm quá': -2, 'quá chậm': -2, 'rất chậm': -2, 'chậm trễ': -2.5, 'trễ': -2, 'giao trễ': -2, 'trễ hẹn': -2.5, 'bị trễ': -2, 'trễ quá': -2,
  'lâu quá': -2, 'quá lâu': -2, 'lâu thế': -2, 'lâu vậy': -2, 'lâu rồi': -1.5, 'hoãn': -1.5, 'bị hoãn': -2, 'mãi': -1.5, 'chờ mãi': -2, 'đợi mãi': -2, 'hỏi mãi': -2, 'gọi mãi': -2, 'nhắn mãi': -2,
  'bị': -1, 'bị trừ tiền': -2, 'trừ tiền': -1, 'trừ hai lần': -2, 'hai lần': -0.5, 'lần thứ ba': -1, 'lần cuối': -1.5,
  'không ai': -2, 'ko ai': -2, 'chẳng ai': -2,
  // Expected events: neutral, negative when they did not happen
  'nhận': EVENT, 'nhận được': EVENT, 'giao': EVENT, 'tới': EVENT, 'đến': EVENT, 'về': EVENT, 'thấy': EVENT, 'trả lời': EVENT, 'phản hồi': GOOD_EVENT,
  'nghe máy': EVENT, 'bắt máy': EVENT, 'liên lạc': EVENT, 'liên hệ': EVENT, 'báo': EVENT, 'báo trước': EVENT, 'xử lý': EVENT, 'giải quyết': GOOD_EVENT, 'giải thích': EVENT,
  'hoàn tiền': EVENT, 'hoàn': EVENT, 'đổi': EVENT, 'chịu': EVENT, 'dùng': EVENT, 'dùng được': EVENT, 'đúng': EVENT, 'giống': EVENT, 'được': [0, -1.5], 'lên nguồn': EVENT, 'thanh toán': EVENT, 'hoạt động': EVENT, 'chạy': EVENT,
  // Shadows: phrases whose words would otherwise score
  'chăm sóc': 0, 'chăm sóc khách hàng': 0, 'thủ tục': 0, 'tiếp tục': 0, 'bao lâu': 0, 'bao nhiêu': 0, 'bao giờ': 0, 'ngày mai': 0, 'sài gòn': 0, 'chuẩn bị': 0, 'thiết bị': 0,
  'thực tế': 0, 'quốc tế': 0, 'y tế': 0, 'đặt nhầm': 0, 'mua nhầm': 0, 'bấm nhầm': 0, 'mặt hàng': 0, 'mật khẩu': 0, 'lựa chọn': 0, 'đổi trả': 0, 'màu hồng': 0, 'trả hàng': 0,
  'giá': 0, 'kem': 0, 'lịch sử': 0, 'xin lỗi': 0, 'lời nhắn': 0, 'lợi ích': 0, 'không sao': 1, 'ko sao': 1, 'không vấn đề': 1,
  // Emoji
  '😡': -3, '😠': -3, '🤬': -3, '😤': -2, '😞': -2, '😢': -2, '😭': -2, '😩': -2, '😒': -2, '🙁': -2, '☹': -2, '👎': -2, '💔': -2,
  '😊': 2, '😍': 3, '🥰': 3, '😁': 2, '😀': 2, '😄': 2, '👍': 2, '❤': 2, '💕': 2, '👏': 2, '🎉': 2, '😘': 2,
};

/** Entries that match only with their accents: their unaccented forms mean something else too. */
export const ACCENTED_ONLY = new Set([
  'kém', 'chán', 'tức', 'chậm', 'trễ', 'giả', 'lừa', 'hỏng', 'vỡ', 'nứt', 'mất', 'mãi', 'ổn', 'dở', 'bể', 'nát', 'hư', 'dơ', 'méo', 'rẻ', 'ưng', 'hoãn', 'đổ hết', 'bị đổ',
  'bẩn', 'kỹ', 'kĩ', 'mốc',
]);

export const EN: Record<string, Entry> = {
  // Thanks, satisfaction, praise
  'thanks': 2, 'thank': 2, 'thx': 2, 'cheers': 1.5, 'appreciate': 2, 'appreciated': 2, 'grateful': 2,
  'great': 2, 'good': 1.5, 'excellent': 3, 'amazing': 3, 'awesome': 3, 'perfect': 3, 'perfectly': 2, 'wonderful': 3, 'fantastic': 3, 'brilliant': 3, 'nice': 1.5, 'lovely': 2.5,
  'love': 2.5, 'loved': 2.5, 'happy': 2, 'glad': 2, 'pleased': 2, 'satisfied': 2, 'delighted': 3, 'impressed': 2.5, 'helpful': 2, 'friendly': 2, 'polite': 1.5, 'kind': 1.5,
  'fast': 1, 'quick': 1, 'quickly': 1, 'promptly': 1.5, 'smooth': 1.5, 'easy': 1, 'reliable': 2, 'recommend': 2, 'best': 2, 'best regards': 0, 'best wishes': 0,
  'on time': 1.5, 'safe and sound': 2, 'as described': [1.5, -2], 'as advertised': [1.5, -2], 'exactly what': 1.5, '5 stars': 2, 'five stars': 2, 'well done': 2, 'all good': 2,
  'order again': 2, 'buy again': 2, 'shop again': 2, 'resolved': GOOD_EVENT, 'sorted': GOOD_EVENT, 'fixed': GOOD_EVENT, 'solved': GOOD_EVENT,
  // Complaints, defects, anger
  'bad': -2, 'terrible': -3, 'awful': -3, 'horrible': -3, 'worst': -3, 'poor': -2, 'disappointed': -2.5, 'disappointing': -2.5, 'unhappy': -2.5, 'dissatisfied': -2.5,
  'angry': -3, 'annoyed': -2, 'annoying': -2, 'frustrated': -2.5, 'frustrating': -2.5, 'upset': -2, 'furious': -3, 'ridiculous': -2.5, 'unacceptable': -3, 'useless': -2.5,
  'rude': -2.5, 'unprofessional': -2.5, 'ignored': -2, 'ignoring': -2, 'refused': -2, 'refuse': -2, 'complaint': -2, 'complain': -2, 'scam': -3, 'fake': -2, 'cheated': -3, 'misleading': -2,
  'damaged': -2, 'broken': -2, 'defective': -2, 'faulty': -2, 'cracked': -2, 'shattered': -2, 'scratched': -2, 'torn': -2, 'ripped': -2, 'dented': -2, 'leaking': -2, 'dirty': -2, 'stained': -2, 'wet': -1.5,
  'wrong': -2, 'missing': -2, 'lost': -2, 'stolen': -2.5, 'empty': -1.5, 'instead of': -1.5, 'nothing like': -2, 'apart': -1.5, 'stopped working': -2.5,
  'late': -2, 'delayed': -2, 'delay': -1.5, 'delays': -1.5, 'forever': -2, 'still waiting': -2, 'on hold': -1.5, 'twice': -1, 'still charged': -2, 'charged twice': -2, 'again and again': -2, 'third time': -1.5,
  'problem': -1, 'problems': -1, 'issue': -1, 'issues': -1, 'never again': -3, 'never buying': -3, 'never ordering': -3, 'no problem': 1, 'no worries': 1,
  // Expected events
  'receive': EVENT, 'received': EVENT, 'get': EVENT, 'got': EVENT, 'gotten': EVENT, 'arrive': EVENT, 'arrived': EVENT, 'here': EVENT, 'come': EVENT, 'came': EVENT, 'deliver': EVENT, 'delivered': EVENT,
  'work': EVENT, 'works': EVENT, 'working': EVENT, 'worked': EVENT, 'fit': EVENT, 'fits': EVENT, 'reply': EVENT, 'replied': EVENT, 'respond': EVENT, 'responded': EVENT, 'answer': EVENT, 'answered': EVENT,
  'help': EVENT, 'helped': EVENT, 'notice': EVENT, 'notified': EVENT, 'update': EVENT, 'updated': EVENT, 'refund': EVENT, 'refunded': EVENT, 'show up': EVENT, 'turned up': EVENT, 'match': EVENT, 'matches': EVENT,
  'cancel': 0, 'mistake': 0,
};

/** Words that negate what follows them, within a few words and the same clause. */
export const NEGATORS = new Set([
  'không', 'ko', 'k', 'kh', 'khg', 'kg', 'hok', 'hông', 'hong', 'chưa', 'chẳng', 'chả', 'không thể', 'chưa thể', 'không bao giờ', 'chưa bao giờ', 'vẫn chưa', 'không hề', 'chưa hề',
  'not', 'no', 'never', 'nobody', 'without', 'nothing', 'neither', 'nor', 'cannot', "can't", 'cant', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt',
  "aren't", "weren't", "haven't", 'havent', "hasn't", 'hasnt', "hadn't", "won't", "wouldn't", "couldn't", 'couldnt', "shouldn't",
]);

/** Words that start a new clause which outweighs the one before ("cảm ơn, nhưng hàng vẫn chưa tới"). */
export const CONTRAST = new Set(['nhưng', 'nhưng mà', 'tuy nhiên', 'mà vẫn', 'but', 'however', 'although']);
