import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * The deepest bracket nesting ({ [ () in a GraphQL query text, strings and comments skipped: one
 * linear pass, no regular expression. graphql-js parses recursively, so a 20,000-deep list literal
 * would overflow the stack; it is refused on this figure before anything parses it.
 */
export function bracketDepth(query: string): number {
  let depth = 0;
  let max = 0;
  const n = query.length;
  for (let i = 0; i < n; i++) {
    const c = query.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < n && query.charCodeAt(i) !== 0x0a && query.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        // \""" inside a block string is an escaped quote: keep looking past it.
        let e = end;
        while (e !== -1 && query.charCodeAt(e - 1) === 0x5c) e = query.indexOf('"""', e + 3);
        i = e === -1 ? n : e + 2;
      } else {
        i++;
        while (i < n) {
          const d = query.charCodeAt(i);
          if (d === 0x5c) i += 2;
          else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
          else i++;
        }
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      depth = Math.max(0, depth - 1);
    }
  }
  return max;
}

/** Root fields that stay answerable while the demo data is generated. */
const WHILE_SEEDING = new Set(['seedStatus', 'me', '__typename']);

/**
 * True when the operation reads only seedStatus / me: graphql-js' lexer and parser are linear, unlike
 * the regular expression this replaces (quadratic on "query <spaces>{"). Only asked while seeding.
 */
export function onlySeedFields(query: string, operationName?: unknown): boolean {
  // A seedStatus/me query is a few hundred characters; anything long is not one, and is not parsed here.
  if (query.length > 4096) return false;
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true, maxTokens: 2000 });
  } catch {
    return false;
  }
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops.length === 1 ? ops[0] : ops.find((o) => o.name?.value === operationName);
  if (!op || op.operation !== 'query') return false;
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && WHILE_SEEDING.has(s.name.value));
}
