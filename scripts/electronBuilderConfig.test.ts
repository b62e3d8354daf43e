import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  npmRebuild: boolean;
  files: string[];
  asarUnpack: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  electronFuses: Record<string, boolean>;
  protocols: { schemes: string[] }[];
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app and its icon', () => {
    expect(config.appId).toBe('vn.cs360.console');
    expect(config.productName).toBe('CS360');
    expect(readFileSync(config.icon).subarray(1, 4).toString()).toBe('PNG');
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the built bundles: no tests, flink-sql, stack or compose files', () => {
    const includes = config.files.filter((f) => !f.startsWith('!'));
    expect(includes.sort()).toEqual(['dist/**', 'package.json']);
    const excludes = config.files.filter((f) => f.startsWith('!')).join(' ');
    for (const banned of ['flink-sql', 'stack', 'e2e', 'bench', 'fixtures']) expect(excludes).toContain(banned);
    expect(excludes).toContain('docker-compose.yml');
    expect(excludes).toContain('*.test.*');
  });

  it('unpacks and rebuilds native modules', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('registers the cs360:// deep-link scheme', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toContain('cs360');
  });
});
