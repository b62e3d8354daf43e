import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './slaCsv';

describe('CSV export', () => {
  it('writes a header and rows that parse back to the same values', () => {
    const csv = toCsv(['ticket', 'subject', 'seconds'], [['T1', 'Giao hàng chậm, "gấp"', 312], ['T2', null, 0]]);
    expect(Papa.parse(csv).data).toEqual([['ticket', 'subject', 'seconds'], ['T1', 'Giao hàng chậm, "gấp"', '312'], ['T2', '', '0']]);
  });
  it('defuses text that a spreadsheet would run as a formula', () => {
    const csv = toCsv(['subject'], [['=HYPERLINK("http://x")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['ok = fine']]);
    const cells = (Papa.parse(csv).data as string[][]).slice(1).map((r) => r[0]);
    expect(cells).toEqual(["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", 'ok = fine']);
  });
  it('keeps numbers as numbers, negative ones included', () => {
    expect(toCsv(['n'], [[-5]])).toBe('n\r\n-5');
  });
  it('names the file after the drill, without diacritics', () => {
    expect(csvFileName('Phản hồi đầu tiên · Đạt', '2026-12-02')).toBe('phan-hoi-dau-tien-dat-2026-12-02.csv');
    expect(csvFileName('···', '2026-12-02')).toBe('export-2026-12-02.csv');
  });
});
