import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Lints small in-memory snippets, as if they sat in each folder, with the repo's own
 * eslint.config.js: every forbidden import must be reported, and the allowed ones must not.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const LAYER_RULES = new Set(['no-restricted-imports', 'cs360/layers', '@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
});

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  if (!result) throw new Error(`no lint result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal || m.ruleId === null);
  // A parse error or an ignored path would make every "allowed" case pass vacuously.
  expect(fatal, `${file} must be linted and parse`).toEqual([]);
  return result.messages;
}

const layerViolations = (messages: Linter.LintMessage[]) => messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId));

type Case = [file: string, code: string];

const forbidden: Record<string, Case[]> = {
  renderer: [
    ['renderer/src/features/a.ts', "import fs from 'fs';"],
    ['renderer/src/features/a.ts', "import { readFile } from 'node:fs/promises';"],
    ['renderer/src/features/a.ts', "import { join } from 'path';"],
    ['renderer/src/features/a.ts', "import { spawn } from 'child_process';"],
    ['renderer/src/features/a.ts', "import os from 'node:os';"],
    ['renderer/src/features/a.ts', "import { EventEmitter } from 'events';"],
    ['renderer/src/features/a.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/features/a.ts', "import { shell } from 'electron/renderer';"],
    ['renderer/src/features/a.ts', "import { caseService } from '../../../backend/services/caseService';"],
    ['renderer/src/features/a.ts', "import type { AppConfig } from '../../../backend/config/schema';"],
    ['renderer/src/features/a.ts', "export * from '../../../backend/ports/caseStore';"],
    ['renderer/src/features/a.ts', "import { x } from './nested/../../../../main/core/originGuard';"],
    ['renderer/src/features/a.ts', "import '../../../preload/preload';"],
    ['renderer/src/features/a.ts', "export const load = () => import('node:fs');"],
    ['renderer/src/features/a.ts', "export const load = () => import('../../../backend/app');"],
    ['renderer/src/features/a.ts', "const fs = require('fs'); export { fs };"],
    ['renderer/src/features/a.ts', "import fs = require('fs'); export { fs };"],
    ['renderer/src/features/a.tsx', "import { app } from 'electron'; export const A = () => <div>{app.name}</div>;"],
  ],
  common: [
    ['common/a.ts', "import { createHash } from 'node:crypto';"],
    ['common/a.ts', "import { readFileSync } from 'fs';"],
    ['common/a.ts', "import { app } from 'electron';"],
    ['common/a.ts', "import { useState } from 'react';"],
    ['common/a.ts', "import { format } from 'date-fns';"],
    ['common/a.ts', "import { zodToJsonSchema } from 'zod-to-json-schema';"],
    ['common/a.ts', "import { caseService } from '../backend/services/caseService';"],
    ['common/a.ts', "import { App } from '../renderer/src/App';"],
    ['common/a.ts', "import { isAllowedUrl } from '../main/core/originGuard';"],
    ['common/a.ts', "import '../preload/preload';"],
    ['common/a.ts', "import data from '../fixtures/golden/cases.json';"],
  ],
  backend: [
    ['backend/app.ts', "import { app } from 'electron';"],
    ['backend/app.ts', "import { utilityProcess } from 'electron/main';"],
    ['backend/app.ts', "import { App } from '../renderer/src/App';"],
    ['backend/api/server.ts', "import { secureWebPreferences } from '../../main/core/webPreferences';"],
    ['backend/app.ts', "import '../preload/preload';"],
    ['backend/app.ts', "export const e = () => import('electron');"],
  ],
  'backend/services': [
    ['backend/services/caseService.ts', "import { EmbeddedCaseStore } from '../adapters/embedded/caseStore';"],
    ['backend/services/caseService.ts', "import type { Db } from '../adapters/sql/db';"],
    ['backend/services/nested/x.ts', "import { S3 } from '../../../backend/adapters/stack/objectStore';"],
    ['backend/services/caseService.ts', "export const a = () => import('../adapters/embedded/caseStore');"],
    ['backend/services/caseService.ts', "import { app } from 'electron';"],
    ['backend/services/caseService.ts', "import { App } from '../../renderer/src/App';"],
  ],
  'backend/adapters/stack': [
    ['backend/adapters/stack/stackAdapters.ts', "import { readManifest } from '../embedded/demoSeeder';"],
    ['backend/adapters/stack/x.ts', "export const l = () => import('../embedded/lruCache');"],
  ],
  'backend/adapters/embedded': [
    ['backend/adapters/embedded/embeddedAdapters.ts', "import { KafkaBus } from '../stack/kafkaBus';"],
  ],
  preload: [
    ['preload/preload.ts', "import { readFileSync } from 'fs';"],
    ['preload/preload.ts', "import { join } from 'node:path';"],
    ['preload/preload.ts', "import { useState } from 'react';"],
    ['preload/preload.ts', "import { z } from 'zod';"],
    ['preload/preload.ts', "import { ipcMain } from 'electron';"],
    ['preload/preload.ts', "import { caseService } from '../backend/services/caseService';"],
    ['preload/preload.ts', "import { isAllowedUrl } from '../main/core/originGuard';"],
    ['preload/preload.ts', "import { App } from '../renderer/src/App';"],
  ],
  main: [
    ['main/main.ts', "import { App } from '../renderer/src/App';"],
    ['main/main.ts', "import { createApp } from '../backend/app';"],
    ['main/windows/x.ts', "import type { AppConfig } from '../../backend/config/schema';"],
    ['main/main.ts', "import '../preload/preload';"],
    ['main/main.ts', "import { ipcMain } from 'electron';"],
    ['main/main.ts', "import { app, ipcMain as bus } from 'electron'; export { app, bus };"],
    ['main/main.ts', "import * as electron from 'electron'; electron.ipcMain.on('x', () => {});"],
    ['main/core/webPreferences.ts', "import { app } from 'electron'; export const v = app.getVersion();"],
    ['main/core/webPreferences.ts', "import { type WebPreferences } from 'electron'; export type P = WebPreferences;"],
    ['main/core/webPreferences.ts', "import { app } from 'electron/main'; export const v = app.getVersion();"],
    ['main/core/webPreferences.ts', "export const load = () => import('electron');"],
    ['main/core/webPreferences.ts', "export { app } from 'electron';"],
  ],
  'ipcMain outside main/ipc': [
    ['scripts/tool.ts', "import { ipcMain } from 'electron';"],
    ['e2e/app.e2e.test.ts', "import { ipcMain } from 'electron';"],
  ],
  'tests keep folder boundaries': [
    ['common/a.test.ts', "import { caseService } from '../backend/services/caseService';"],
    ['renderer/src/a.test.ts', "import { createApp } from '../../backend/app';"],
    ['backend/services/a.test.ts', "import { EmbeddedCaseStore } from '../adapters/embedded/caseStore';"],
  ],
};

const allowed: Record<string, Case[]> = {
  renderer: [
    ['renderer/src/features/a.ts', "import { z } from 'zod';"],
    ['renderer/src/features/a.tsx', "import { useState } from 'react'; export const A = () => { const [s] = useState(0); return <div>{s}</div>; };"],
    ['renderer/src/features/a.ts', "import { kindOf } from '../../../common/events';"],
    ['renderer/src/features/a.ts', "import type { DesktopBridge } from '../../../common/desktopBridge';"],
    ['renderer/src/features/a.ts', "import { client } from '../backend/client';"],
    ['renderer/src/features/a.ts', "import { match } from 'path-to-regexp';"],
    ['renderer/src/features/a.ts', "export const load = () => import('./lazyPanel');"],
  ],
  common: [
    ['common/a.ts', "import { z } from 'zod';"],
    ['common/a.ts', "import * as zm from 'zod/mini';"],
    ['common/a.ts', "import { kindOf } from './events';"],
    ['common/a.ts', "import sdl from './graphql/schema.graphql';"],
  ],
  backend: [
    ['backend/app.ts', "import { readFileSync } from 'node:fs';"],
    ['backend/app.ts', "import Fastify from 'fastify';"],
    ['backend/app.ts', "import { AppError } from '../common/errors';"],
    ['backend/app.ts', "import { createEmbedded } from './adapters/embedded/index';"],
    ['backend/adapters/sql/x.ts', "import migration from '../../../stack/postgres/migrations/001_support.sql';"],
    ['backend/adapters/stack/stackAdapters.ts', "import { LruCache } from '../local/lruCache';"],
    ['backend/adapters/embedded/embeddedAdapters.ts', "import { openServingDb } from '../local/servingDb';"],
  ],
  'backend/services': [
    ['backend/services/caseService.ts', "import type { CaseStore } from '../ports/caseStore';"],
    ['backend/services/caseService.ts', "import { AppError } from '../../common/errors';"],
    ['backend/services/caseService.ts', "import { randomUUID } from 'node:crypto';"],
  ],
  preload: [
    ['preload/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';"],
    ['preload/preload.ts', "import { parseBridgeArgs } from '../common/desktopBridge';"],
    ['preload/preload.ts', "import { helper } from './helper';"],
  ],
  main: [
    ['main/main.ts', "import { app, BrowserWindow } from 'electron';"],
    ['main/main.ts', "import { fork } from 'node:child_process';"],
    ['main/main.ts', "import { DESKTOP_IPC } from '../common/desktopBridge';"],
    ['main/main.ts', "import { BACKEND_ARGS } from './backendContract';"],
    ['main/ipc/notify.ts', "import { ipcMain } from 'electron'; ipcMain.on('cs360:notify', () => {});"],
    ['main/core/webPreferences.ts', "import type { WebPreferences } from 'electron'; export type P = WebPreferences;"],
    ['main/core/webPreferences.ts', "export type { WebPreferences } from 'electron';"],
    ['main/core/build.ts', "import type { Configuration } from 'electron-builder'; export type C = Configuration;"],
  ],
  'tests may use test tooling and Node': [
    ['common/a.test.ts', "import { readFileSync } from 'node:fs'; import { it } from 'vitest';"],
    ['renderer/src/a.test.ts', "import { describe } from 'vitest';"],
    ['main/core/a.test.ts', "import { EventEmitter } from 'node:events';"],
  ],
};

describe.each(Object.entries(forbidden))('forbidden in %s', (_layer, cases) => {
  it.each(cases)('%s: %s', async (file, code) => {
    const violations = layerViolations(await lint(file, code));
    expect(violations.length, JSON.stringify(violations)).toBeGreaterThan(0);
  });
});

describe.each(Object.entries(allowed))('allowed in %s', (_layer, cases) => {
  it.each(cases)('%s: %s', async (file, code) => {
    expect(layerViolations(await lint(file, code))).toEqual([]);
  });
});

describe('no-console', () => {
  it.each(['backend/app.ts', 'renderer/src/a.ts', 'main/main.ts', 'common/a.ts', 'preload/preload.ts'])('is an error in %s', async (file) => {
    const messages = await lint(file, "console.log('x');");
    expect(messages.some((m) => m.ruleId === 'no-console' && m.severity === 2)).toBe(true);
  });

  it.each(['scripts/tool.mjs', 'bench/timeline.ts', 'e2e/console.e2e.test.ts'])('is allowed in %s', async (file) => {
    const messages = await lint(file, "console.log('x');");
    expect(messages.filter((m) => m.ruleId === 'no-console')).toEqual([]);
  });
});

describe('messages', () => {
  it('name the layer, the import and the reason', async () => {
    const [message] = layerViolations(await lint('backend/services/caseService.ts', "import { X } from '../adapters/embedded/caseStore';"));
    expect(message?.message).toBe("backend/services/ may not import '../adapters/embedded/caseStore' (backend/adapters/embedded/caseStore): backend/adapters/ is off limits here");
  });
});

describe('ignores', () => {
  it.each(['renderer/src/graphql/generated.ts', 'backend/api/graphql/generated.ts', 'fixtures/golden/x.ts', 'dist/main/main.js'])('skips %s', async (file) => {
    expect(await eslint.isPathIgnored(join(root, file))).toBe(true);
  });
});
