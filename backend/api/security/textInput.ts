/** Why a text input is refused: a NUL character or a UTF-16 surrogate without its pair. */
export type BadText = { path: string; reason: 'NUL character' | 'lone surrogate' | 'nesting too deep' };

/** String.prototype.isWellFormed (Node 20): native and linear; the lib typings here predate ES2024. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** True for a string with no NUL and no lone surrogate. */
export function cleanText(s: string): boolean {
  return !s.includes('\u0000') && wellFormed(s);
}

/**
 * Walks a parsed JSON value (a body, GraphQL variables, query-string values) without recursion and
 * returns the first string — key or value — that no text column should receive, or a nesting beyond
 * maxDepth (such a document would overflow a recursive consumer further on).
 */
export function findBadText(value: unknown, maxDepth = 64): BadText | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '$', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path, reason: 'NUL character' };
      if (!wellFormed(v)) return { path, reason: 'lone surrogate' };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    // Only parsed JSON is walked: a Buffer (an upload), a stream or any class instance is not text input.
    const proto = Object.getPrototypeOf(v) as unknown;
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) continue;
    if (depth >= maxDepth) return { path, reason: 'nesting too deep' };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      if (!cleanText(k)) return { path: `${path}.<key>`, reason: k.includes('\u0000') ? 'NUL character' : 'lone surrogate' };
      stack.push({ v: child, path: `${path}.${k}`, depth: depth + 1 });
    }
  }
  return null;
}
