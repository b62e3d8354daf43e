import { POLICY, type Reach } from '../backend/auth/policy';

const WORDS: Record<Reach, string> = {
  any: 'all',
  own: 'own tickets',
  take: 'take unassigned',
  self: 'own figures',
  selfIfNamed: 'own (if named)',
  none: '—',
};

/** The role matrix of backend/auth/policy.ts as a Markdown table (docs/security.md holds it; a test keeps it equal). */
export function policyMarkdown(): string {
  const rows = Object.entries(POLICY).map(([action, r]) => `| \`${action}\` | ${WORDS[r.AGENT]} | ${WORDS[r.SUPERVISOR]} | ${WORDS[r.ANALYST]} |`);
  return ['| action | AGENT | SUPERVISOR | ANALYST |', '|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1]?.endsWith('securityMatrix.ts')) process.stdout.write(`${policyMarkdown()}\n`);
