/** 0..1 as a percentage with at most one decimal, in the reader's number format ("82,5 %" in vi). */
export function formatPct(fraction: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}
