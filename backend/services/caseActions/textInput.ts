import { z } from 'zod';

/**
 * True when the text holds a NUL or a lone UTF-16 surrogate: PostgreSQL refuses the first (a 500
 * half-way through a write, issue 13) and the second is not text. Checked by a loop, not a regular
 * expression, so any length is linear.
 */
export function hasForbiddenChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Trimmed text of min..max characters with no NUL and no lone surrogate. */
export const safeText = (min: number, max: number) =>
  z
    .string()
    .refine((s) => !hasForbiddenChars(s), 'must not contain NUL or unpaired surrogate characters')
    .transform((s) => s.trim())
    .pipe(z.string().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`));
