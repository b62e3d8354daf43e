const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

/** 1234000 → "1.234.000 ₫" (Intl puts a no-break space before the symbol). */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

/** Payload amounts are strings (see common/events.ts); unparseable text is shown as it came. */
export function formatVndText(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? formatVnd(n) : raw;
}
