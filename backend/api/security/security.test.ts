import { readFileSync, readdirSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSdl from '../../../common/graphql/schema.graphql';
import { configSchema } from '../../config/schema';
import { enforceCostLimits, operationCost } from './costLimit';
import { cspSourcesFromConfig } from './cspSources';
import { contentSecurityPolicy, securityHeaders } from './headers';
import { hostAllowed, hostName } from './hostAllowlist';
import { localSignInAllowed } from './localSignIn';
import { bracketDepth, onlySeedFields } from './queryScan';
import { decodedPath } from './requestPath';
import { cleanText, findBadText } from './textInput';

const schema = buildSchema(schemaSdl);
const limits = configSchema.parse({}).graphql;
const cost = (q: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(q), variables, null, limits.listSize);

describe('decodedPath', () => {
  it('decodes percent-escapes once, as the router does, and drops the query string', () => {
    expect(decodedPath('/%67raphql?x=1')).toBe('/graphql');
    expect(decodedPath('/%61pi/auth/local')).toBe('/api/auth/local');
    expect(decodedPath('/%6detrics')).toBe('/metrics');
    expect(decodedPath('/%2567raphql')).toBe('/%67raphql');
  });
  it('refuses a malformed escape with INVALID_INPUT', () => {
    expect(() => decodedPath('/%zzgraphql')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => decodedPath('/%E0%A4%A')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('host allowlist', () => {
  it('answers loopback names on any port and configured names', () => {
    for (const h of ['127.0.0.1', '127.0.0.1:4360', 'localhost', 'LOCALHOST:1', '[::1]', '[::1]:4360', 'localhost.']) expect(hostAllowed(h, []), h).toBe(true);
    expect(hostAllowed('cs360.internal:8443', ['cs360.internal'])).toBe(true);
  });
  it('refuses other names, missing and malformed Host headers', () => {
    for (const h of [undefined, '', 'evil.example', 'evil.example:4360', '127.0.0.1.evil.example', 'localhost:abc', '[::1', '[::1]x', '0.0.0.0', '127.0.0.2']) expect(hostAllowed(h, []), String(h)).toBe(false);
    expect(hostName('[::1]:80')).toBe('::1');
  });
});

describe('text inputs', () => {
  it('finds NUL and lone surrogates in values and keys, at any depth', () => {
    expect(cleanText('Nguyễn 😀')).toBe(true);
    expect(findBadText({ a: [{ b: 'x\u0000y' }] })).toEqual({ path: '$.a[0].b', reason: 'NUL character' });
    expect(findBadText({ a: 'x\ud800' })?.reason).toBe('lone surrogate');
    expect(findBadText({ a: 'x\udc00y' })?.reason).toBe('lone surrogate');
    expect(findBadText({ ['k\u0000']: 1 })?.reason).toBe('NUL character');
    expect(findBadText({ a: ['😀', 'ok', 1, null, true] })).toBeNull();
    // Uploads and other non-JSON bodies are not walked byte by byte.
    expect(findBadText(Buffer.from('a\u0000b'))).toBeNull();
    expect(findBadText({ file: new Uint8Array(1_000_000) })).toBeNull();
  });
  it('refuses nesting beyond the limit without recursing (20,000 levels)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findBadText(deep, 64)?.reason).toBe('nesting too deep');
  });
});

describe('query text scan', () => {
  it('measures bracket nesting, skipping strings, block strings and comments', () => {
    expect(bracketDepth('{ a { b } }')).toBe(2);
    expect(bracketDepth('{ a(x: "{{{{[[[") }')).toBe(2);
    expect(bracketDepth('{ a(x: """ {{{ \\""" [[[ """) } # {{{{{')).toBe(2);
    expect(bracketDepth(`{ a(x: ${'['.repeat(20_000)}1${']'.repeat(20_000)}) }`)).toBe(20_002);
  });

  it('tells a seedStatus/me query from any other, linearly on 256 kB of adversarial text', () => {
    expect(onlySeedFields('{ seedStatus { phase fraction } me { id } }')).toBe(true);
    expect(onlySeedFields('query Q { me { id } }')).toBe(true);
    expect(onlySeedFields('{ me { id } customer(id: "x") { id } }')).toBe(false);
    expect(onlySeedFields('mutation { me }')).toBe(false);
    for (const evil of [`query ${' '.repeat(256 * 1024)}{`, `{ seedStatus ${' '.repeat(256 * 1024)}`, `query a${'\t'.repeat(256 * 1024)}{ me {`, `{${' {'.repeat(100_000)}`, `query ${' '.repeat(4000)}{`, `{ me ${'{ '.repeat(2000)}`]) {
      const started = performance.now();
      expect(onlySeedFields(evil)).toBe(false);
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});

describe('GraphQL cost', () => {
  const ONE = 'customer(id: "C0000002") { cases(first: 200) { tickets { messages { id } } } }';

  it('prices the probe\'s 100-alias query far over the limit and refuses it with INVALID_INPUT', () => {
    const q = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: ${ONE}`).join(' ')} }`;
    const figures = cost(q);
    expect(figures.aliases).toBe(100);
    expect(figures.cost).toBe(100 * (1 + 200 * (1 + 20 * (1 + 20))));
    expect(() => enforceCostLimits(figures, limits)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: expect.objectContaining({ limit: 'aliases' }) }));
    expect(() => enforceCostLimits(figures, { ...limits, maxAliases: 1000 })).toThrow(expect.objectContaining({ details: expect.objectContaining({ limit: 'cost' }) }));
  });

  it('counts a variable `first` by its value and fragments once per spread without walking them again', () => {
    const q = 'query($n: Int) { customer(id: "x") { cases(first: $n) { caseId } } }';
    expect(cost(q, { n: 5 }).cost).toBe(1 + 5);
    expect(cost(q, { n: 500 }).cost).toBe(1 + 500);
    // Each fragment spreads the next twice: 2^40 expansions if walked naively.
    const frags = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Customer { id ${i < 39 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join('\n');
    const started = performance.now();
    const figures = cost(`{ customer(id: "x") { ...F0 } } ${frags}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(figures.fields).toBeGreaterThan(limits.maxFields);
  });

  it('lets every operation the renderer sends through with its largest page sizes', () => {
    const dir = new URL('../../../renderer/src/graphql/operations/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const doc = parse(readFileSync(new URL(f, dir), 'utf8'));
      for (const d of doc.definitions) {
        if (d.kind !== 'OperationDefinition') continue;
        const vars = Object.fromEntries((d.variableDefinitions ?? []).filter((v) => /first|limit|atRisk/i.test(v.variable.name.value)).map((v) => [v.variable.name.value, 500]));
        const figures = operationCost(schema, doc, vars, d.name?.value, limits.listSize);
        expect(() => enforceCostLimits(figures, limits), `${f} ${d.name?.value}: ${JSON.stringify(figures)}`).not.toThrow();
      }
    }
  });
});

describe('security headers', () => {
  it('match the desktop CSP with self, and add the object store and CouchDB origins from config', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    const stack = configSchema.parse({ mode: 'stack', stack: { s3: { publicEndpoint: 'http://localhost:9000/' }, couchdb: { url: 'http://localhost:5984/x' } } });
    const withStack = contentSecurityPolicy(cspSourcesFromConfig(stack));
    expect(withStack).toContain("connect-src 'self' http://localhost:9000 http://localhost:5984");
    expect(withStack).toContain("img-src 'self' data: http://localhost:9000");
    expect(contentSecurityPolicy(cspSourcesFromConfig(configSchema.parse({})))).toBe(csp);
    expect(contentSecurityPolicy({ objectStoreOrigin: 'javascript:alert(1)' })).toBe(csp);
    expect(securityHeaders()).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  });
});

describe('passwordless demo sign-in', () => {
  it('exists only in embedded mode without an IdP', () => {
    expect(localSignInAllowed(configSchema.parse({}))).toBe(true);
    expect(localSignInAllowed(configSchema.parse({ mode: 'stack' }))).toBe(false);
    expect(localSignInAllowed(configSchema.parse({ auth: { oidc: { issuer: 'https://idp.example/realms/cs360' } } }))).toBe(false);
  });
});
