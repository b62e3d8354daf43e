import Papa from 'papaparse';

export type CsvCell = string | number | null | undefined;

/**
 * RFC 4180 text through papaparse. escapeFormulae prefixes a quote to text cells starting with
 * = + - @ (and tab or CR), so a subject typed by a customer cannot run as a spreadsheet formula
 * (CSV injection). Numbers stay numbers: a negative count is data, not a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => r.map((c) => c ?? '')) }, { escapeFormulae: true, newline: '\r\n' });
}

/** "sla-first-response-met-2026-12-02.csv": the drill's words, safe for any file system. */
export function csvFileName(title: string, day: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'export'}-${day}.csv`;
}
