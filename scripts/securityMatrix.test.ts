import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyMarkdown } from './securityMatrix';

describe('docs/security.md', () => {
  it('holds the role matrix exactly as backend/auth/policy.ts has it (regenerate: npx tsx scripts/securityMatrix.ts)', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '..', 'docs', 'security.md'), 'utf8');
    expect(doc).toContain(policyMarkdown());
  });
  it('names every action once', () => {
    const table = policyMarkdown();
    expect(table).toContain('| `ticket:reply` | own tickets | all | — |');
    expect(table).toContain('| `ticket:assign` | take unassigned | all | — |');
  });
});
