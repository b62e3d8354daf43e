import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCENTED_ONLY, EN, VI } from './lexicon';
import { fold, MAX_CHARS, sentimentOf, sentimentScore } from './sentiment';

describe('sentimentOf', () => {
  it('reads plain complaints, questions and thanks in both languages', () => {
    expect(sentimentOf('Áo nhận được bị rách, mình rất thất vọng.')).toBe('NEGATIVE');
    expect(sentimentOf('Cho mình hỏi đơn hàng DH20481 đang ở đâu ạ?')).toBe('NEUTRAL');
    expect(sentimentOf('Cảm ơn shop, hàng đẹp lắm!')).toBe('POSITIVE');
    expect(sentimentOf('The package arrived damaged.')).toBe('NEGATIVE');
    expect(sentimentOf('Can I pay cash on delivery?')).toBe('NEUTRAL');
    expect(sentimentOf('Thank you, the refund went through.')).toBe('POSITIVE');
  });

  it('turns negated praise and expected events that did not happen negative', () => {
    expect(sentimentOf('Tôi hài lòng')).toBe('POSITIVE');
    expect(sentimentOf('Tôi không hài lòng')).toBe('NEGATIVE');
    expect(sentimentOf('Mình chưa nhận được hàng')).toBe('NEGATIVE');
    expect(sentimentOf('Mình đã nhận được hàng')).toBe('NEUTRAL');
    expect(sentimentOf('Gọi tổng đài mãi không ai nghe máy')).toBe('NEGATIVE');
    expect(sentimentOf('I am happy with it')).toBe('POSITIVE');
    expect(sentimentOf('I am not happy with it')).toBe('NEGATIVE');
    expect(sentimentOf("I haven't received my order")).toBe('NEGATIVE');
    expect(sentimentOf('I haven’t received my order')).toBe('NEGATIVE');
    expect(sentimentOf("The charger doesn't work")).toBe('NEGATIVE');
  });

  it('turns a negated complaint mildly positive', () => {
    expect(sentimentScore('không tệ')).toBeGreaterThan(0);
    expect(sentimentOf('Đóng gói chắc chắn, không bị móp chút nào.')).toBe('POSITIVE');
    expect(sentimentOf('No problems at all with the delivery, thanks.')).toBe('POSITIVE');
  });

  it('keeps negation within its clause and a few words', () => {
    // "không" ends a yes/no question: nothing after it in the clause to negate.
    expect(sentimentOf('Shop có ship COD không, mình cảm ơn')).toBe('POSITIVE');
    expect(sentimentOf('Mã giảm giá còn dùng được không ạ?')).toBe('NEUTRAL');
  });

  it('reads Vietnamese typed without diacritics and in teen code', () => {
    expect(sentimentOf('toi khong hai long')).toBe('NEGATIVE');
    expect(sentimentOf('shop oi sao don cua minh 1 tuan roi van chua giao vay')).toBe('NEGATIVE');
    expect(sentimentOf('goi hotline ko ai bat may, qua te')).toBe('NEGATIVE');
    expect(sentimentOf('sp loi ma shop k chiu doi')).toBe('NEGATIVE');
    expect(sentimentOf('cam on shop nhieu nha')).toBe('POSITIVE');
    expect(sentimentOf('don hang cua minh dang o dau vay')).toBe('NEUTRAL');
  });

  it('does not read common unaccented words as the complaints they share letters with', () => {
    // bạn (you) and bẩn (dirty) are both "ban"; kỳ / kỹ are "ky"
    expect(sentimentOf('cam on ban da ho tro')).toBe('POSITIVE');
    expect(sentimentOf('thanks ban nhe')).toBe('POSITIVE');
    expect(sentimentOf('Áo bị bẩn')).toBe('NEGATIVE');
    expect(sentimentOf('ao bi ban')).toBe('NEGATIVE');
  });

  it('does not read an unaccented word as the accented complaint it might be', () => {
    // kém (poor) / kem (cream), chậm (slow) / chăm sóc (care), giả (fake) / giá (price)
    expect(sentimentOf('Kem chống nắng còn hàng không shop?')).toBe('NEUTRAL');
    expect(sentimentOf('kem chong nang con hang khong shop')).toBe('NEUTRAL');
    expect(sentimentOf('Chất lượng kém')).toBe('NEGATIVE');
    expect(sentimentOf('chat luong kem qua')).toBe('NEGATIVE');
    expect(sentimentOf('so dien thoai cham soc khach hang la gi')).toBe('NEUTRAL');
    expect(sentimentOf('giao cham qua')).toBe('NEGATIVE');
    expect(sentimentOf('gia bao nhieu vay shop')).toBe('NEUTRAL');
    expect(sentimentOf('Bao lâu thì tiền hoàn về thẻ?')).toBe('NEUTRAL');
  });

  it('lets the clause after a contrast outweigh the polite one before it', () => {
    expect(sentimentOf('Cảm ơn shop, nhưng hàng vẫn chưa tới.')).toBe('NEGATIVE');
    expect(sentimentOf('cam on ban nhung minh van chua nhan duoc tien hoan')).toBe('NEGATIVE');
    expect(sentimentOf('Thanks for the quick reply, but the item is still broken.')).toBe('NEGATIVE');
    expect(sentimentOf('Giao hơi chậm nhưng hàng rất tốt, cảm ơn shop')).toBe('POSITIVE');
  });

  it('reads messages that mix Vietnamese and English', () => {
    expect(sentimentOf('Shop ơi, the package arrived damaged')).toBe('NEGATIVE');
    expect(sentimentOf('ok shop, moi thu on roi, thanks nhieu')).toBe('POSITIVE');
    expect(sentimentOf('Refund chưa về, shop check giúp mình')).toBe('NEGATIVE');
  });

  it('ignores case, decomposed Unicode and reads the emoji it knows', () => {
    expect(sentimentOf('TỆ QUÁ')).toBe('NEGATIVE');
    expect(sentimentOf('THANK YOU')).toBe('POSITIVE');
    expect(sentimentOf('Tôi không hài lòng'.normalize('NFD'))).toBe('NEGATIVE');
    expect(sentimentOf('👍')).toBe('POSITIVE');
    expect(sentimentOf('đơn hàng 😡😡')).toBe('NEGATIVE');
  });

  it('answers NEUTRAL for empty or meaningless input', () => {
    for (const t of ['', '   ', '\n\t', '?!...', '12345', 'DH20481', '🙂‍↕️', '\u0000\uffff']) expect(sentimentOf(t)).toBe('NEUTRAL');
  });

  it('reads only the first MAX_CHARS characters of a long message, quickly', () => {
    const filler = 'mình hỏi về đơn hàng '.repeat(Math.ceil(MAX_CHARS / 20));
    expect(sentimentOf(`Tệ quá. ${filler}`)).toBe('NEGATIVE');
    expect(sentimentOf(`${filler} Tệ quá.`)).toBe('NEUTRAL');
    const adversarial = ['a'.repeat(1_000_000), 'không '.repeat(200_000), '!'.repeat(1_000_000), `${'😡'.repeat(500_000)}`, 'k'.repeat(999_999) + ' tệ'];
    for (const text of adversarial) {
      const t0 = performance.now();
      sentimentOf(text);
      // Generous for a loaded CI machine: the whole megabyte would take seconds.
      expect(performance.now() - t0).toBeLessThan(250);
    }
  });
});

describe('lexicon', () => {
  const keys = [...Object.keys(VI), ...Object.keys(EN)];

  it('is written lower case, NFC, in phrases of at most four words', () => {
    for (const k of keys) {
      expect(k, k).toBe(k.toLowerCase().normalize('NFC'));
      expect(k.split(' ').length, k).toBeLessThanOrEqual(4);
    }
  });

  it('gives no unaccented key two different meanings (ambiguous ones are ACCENTED_ONLY)', () => {
    const byFolded = new Map<string, Set<string>>();
    for (const [k, v] of [...Object.entries(VI), ...Object.entries(EN)]) {
      if (ACCENTED_ONLY.has(k)) continue;
      byFolded.set(fold(k), (byFolded.get(fold(k)) ?? new Set()).add(JSON.stringify(v)));
    }
    expect([...byFolded].filter(([, values]) => values.size > 1).map(([k]) => k)).toEqual([]);
    for (const k of ACCENTED_ONLY) expect(VI[k], k).toBeDefined();
  });
});

describe('the labelled set', () => {
  const rows = readFileSync('fixtures/sentiment/labelled.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; lang: string; label: string; split: string });

  it('has at least 200 messages, 100 Vietnamese and 60 English, all three labels, no duplicates', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.lang === 'vi').length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => r.lang === 'en').length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    for (const r of rows) {
      expect(['NEGATIVE', 'NEUTRAL', 'POSITIVE']).toContain(r.label);
      expect(['heldout', 'tune']).toContain(r.split);
    }
  });

  it('is classified at least 85 % right on its held-out half (the bench prints the details)', () => {
    const heldout = rows.filter((r) => r.split === 'heldout');
    const right = heldout.filter((r) => sentimentOf(r.text) === r.label).length;
    expect(right / heldout.length).toBeGreaterThanOrEqual(0.85);
  });
});
