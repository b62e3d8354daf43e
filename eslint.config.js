// ESLint flat config. Besides typescript-eslint's recommended rules, this file is CS360's layer
// checker (see ../shared/design/architecture.md): which folder may import what is decided here,
// and scripts/checkLayers.test.ts proves each rule fires.
//
// Two mechanisms, because they see different things:
// - `no-restricted-imports` bans packages (Node built-ins, electron, react, …) in static imports.
// - `cs360/layers` (defined below) resolves relative specifiers against the importing file, so
//   `../../backend/x`, `./a/../../main/y` and the like are caught whatever the depth, and also
//   checks packages in `import()` and `require()`, which the core rule does not see.
// Flat config replaces (does not merge) a rule's options when a later block matches the same
// file, so every block below states its layer's complete options; the more specific folders
// (backend/services, main/ipc, main/core) come after their parents.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

const CODE = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const TS = '**/*.{ts,tsx,mts,cts}';
const TEST = '**/*.test.{ts,tsx,mts,cts,js,mjs}';
const inFolder = (folder) => [`${folder}/${CODE}`];

// ---------------------------------------------------------------------------------------------
// Package bans (regexes over the import specifier)
// ---------------------------------------------------------------------------------------------
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const builtinNames = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]))];
const NODE_BUILTIN = `^(?:node:.*|(?:${builtinNames.map(escape).join('|')})(?:/.*)?)$`;
const ELECTRON = '^electron(?:/.*)?$';

const ban = (regex, message) => ({ regex, message });
const IPC_MAIN_PATH = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'Register IPC handlers in main/ipc/ only (one place validates senders and arguments).',
};

/** Options for no-restricted-imports; `ipcMain` is banned wherever electron itself is not. */
const restrictedImports = (patterns, { ipcMain = true } = {}) => [
  'error',
  { paths: ipcMain ? [IPC_MAIN_PATH] : [], patterns },
];

const layerPackageBans = {
  renderer: [
    ban(NODE_BUILTIN, 'renderer/ runs in the browser: no Node built-ins. Ask the backend over HTTP instead.'),
    ban(ELECTRON, 'renderer/ must not import electron: use window.cs360 (common/desktopBridge.ts).'),
  ],
  common: [
    // Everything that is neither relative nor zod: Node built-ins, electron, react, any other package.
    ban(`^(?!\\.{1,2}(?:/|$))(?!zod(?:/|$)).*`, 'common/ holds platform-free contracts: it may import only zod and its own files (no Node built-ins, electron, react or other packages).'),
  ],
  backend: [ban(ELECTRON, 'backend/ runs in plain Node or a utility process: no electron.')],
  preload: [
    ban(`^(?!\\.{1,2}(?:/|$))(?!electron$).*`, 'preload/ may import only electron and common/ (sandboxed preloads cannot load other modules).'),
  ],
};

// ---------------------------------------------------------------------------------------------
// cs360/layers: folder boundaries on resolved paths
// ---------------------------------------------------------------------------------------------
const toPosix = (p) => p.split(sep).join('/');
const within = (rel, folder) => rel === folder || rel.startsWith(`${folder}/`);

/** The specifier string of a literal-ish AST node, or null when it is computed. */
function literalSource(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  if (node.type === 'TSLiteralType') return literalSource(node.literal);
  return null;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces CS360 layer boundaries between top-level folders.' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          /** Repo-relative folders this layer may import from (when set, everything else is refused). */
          allow: { type: 'array', items: { type: 'string' } },
          /** Repo-relative folders this layer may not import from. */
          deny: { type: 'array', items: { type: 'string' } },
          /** Package regexes, applied to import() and require() (static imports and `import x = require()` are no-restricted-imports' job). */
          packages: {
            type: 'array',
            items: { type: 'object', properties: { regex: { type: 'string' }, message: { type: 'string' } }, required: ['regex', 'message'] },
          },
        },
        required: ['layer'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: "{{layer}} may not import '{{source}}' ({{target}}): {{why}}",
      package: "'{{source}}': {{message}}",
    },
  },
  create(context) {
    const { layer, allow, deny = [], packages = [] } = context.options[0];
    const packageBans = packages.map(({ regex, message }) => ({ re: new RegExp(regex, 'iu'), message }));
    const fileDir = dirname(context.filename);

    function check(node, source, { dynamic }) {
      if (source === null) return;
      const spec = source.split('?')[0];
      if (spec.startsWith('.') || isAbsolute(spec)) {
        const target = toPosix(relative(root, resolve(fileDir, spec)));
        const denied = deny.find((folder) => within(target, folder));
        const outsideAllow = allow && !allow.some((folder) => within(target, folder));
        if (denied || outsideAllow) {
          const why = denied ? `${denied}/ is off limits here` : `only ${allow.map((f) => `${f}/`).join(', ')} may be imported`;
          context.report({ node, messageId: 'folder', data: { layer, source, target: target || '.', why } });
        }
        return;
      }
      if (!dynamic) return;
      const hit = packageBans.find(({ re }) => re.test(spec));
      if (hit) context.report({ node, messageId: 'package', data: { source, message: hit.message } });
    }

    return {
      ImportDeclaration: (node) => check(node, literalSource(node.source), { dynamic: false }),
      ExportNamedDeclaration: (node) => node.source && check(node, literalSource(node.source), { dynamic: false }),
      ExportAllDeclaration: (node) => check(node, literalSource(node.source), { dynamic: false }),
      ImportExpression: (node) => check(node, literalSource(node.source), { dynamic: true }),
      TSImportType: (node) => check(node, literalSource(node.argument), { dynamic: false }),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, literalSource(node.moduleReference.expression), { dynamic: false }),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          check(node, literalSource(node.arguments[0]), { dynamic: true });
        }
      },
    };
  },
};

const cs360Plugin = { meta: { name: 'cs360' }, rules: { layers: layersRule } };

/**
 * One layer's complete rule set, then the same for its tests: tests run in plain Node under
 * Vitest, so they may use vitest and Node built-ins, but folder boundaries still hold for them.
 */
function layer(name, { folders, packages = [], ipcMain = true, extraRules = {} }) {
  const rules = (bans) => ({
    'no-restricted-imports': restrictedImports(bans, { ipcMain }),
    'cs360/layers': ['error', { layer: `${name}/`, ...folders, packages: bans }],
    ...extraRules,
  });
  return [
    { name: `cs360/layer/${name}`, files: inFolder(name), rules: rules(packages) },
    { name: `cs360/layer/${name}/tests`, files: [`${name}/${TEST}`], rules: rules([]) },
  ];
}

const unusedVars = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' };

const ipcMainMember = {
  selector: "MemberExpression[property.name='ipcMain']",
  message: 'Register IPC handlers in main/ipc/ only (one place validates senders and arguments).',
};

export default defineConfig([
  globalIgnores([
    'dist/',
    'out/',
    'release/',
    'coverage/',
    '**/node_modules/',
    'renderer/src/graphql/generated.ts',
    'backend/api/graphql/generated.ts',
    'fixtures/',
  ]),

  { name: 'cs360/js', files: [CODE], ...js.configs.recommended },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: [TS] })),

  {
    name: 'cs360/all',
    files: [CODE],
    plugins: { cs360: cs360Plugin },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-console': 'error',
      'no-restricted-imports': restrictedImports([]),
      'no-unused-vars': ['error', unusedVars],
    },
  },
  { name: 'cs360/ts', files: [TS], rules: { 'no-unused-vars': 'off', '@typescript-eslint/no-unused-vars': ['error', unusedVars] } },
  { name: 'cs360/commonjs', files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },

  // Browser-side code gets browser globals, everything else Node's.
  { name: 'cs360/browser-globals', files: [...inFolder('renderer'), ...inFolder('preload')], languageOptions: { globals: { ...globals.browser } } },
  { name: 'cs360/node-globals', files: [CODE], ignores: ['renderer/**', 'preload/**'], languageOptions: { globals: { ...globals.node } } },

  ...layer('renderer', { folders: { deny: ['backend', 'main', 'preload'] }, packages: layerPackageBans.renderer, ipcMain: false }),
  ...layer('common', { folders: { allow: ['common'] }, packages: layerPackageBans.common, ipcMain: false }),
  ...layer('backend', { folders: { deny: ['renderer', 'main', 'preload'] }, packages: layerPackageBans.backend, ipcMain: false }),
  // Services depend on ports; adapters are chosen once, at start.
  ...layer('backend/services', { folders: { deny: ['renderer', 'main', 'preload', 'backend/adapters'] }, packages: layerPackageBans.backend, ipcMain: false }),
  // One mode's adapters never reach into the other's: what both modes use lives in adapters/local/.
  ...layer('backend/adapters/stack', { folders: { deny: ['renderer', 'main', 'preload', 'backend/adapters/embedded'] }, packages: layerPackageBans.backend, ipcMain: false }),
  ...layer('backend/adapters/embedded', { folders: { deny: ['renderer', 'main', 'preload', 'backend/adapters/stack'] }, packages: layerPackageBans.backend, ipcMain: false }),
  ...layer('preload', { folders: { allow: ['preload', 'common'] }, packages: layerPackageBans.preload }),
  // main/ starts the backend as a process and points the window at it: no source imports of either.
  ...layer('main', { folders: { deny: ['renderer', 'backend', 'preload'] }, extraRules: { 'no-restricted-syntax': ['error', ipcMainMember] } }),
  ...layer('main/ipc', { folders: { deny: ['renderer', 'backend', 'preload'] }, ipcMain: false, extraRules: { 'no-restricted-syntax': 'off' } }),
  {
    // The pure core is loaded by plain Node tests, where electron's entry throws: `import type`
    // only. `import { type X }` is refused too: under verbatimModuleSyntax it still loads electron.
    name: 'cs360/layer/main/core',
    files: inFolder('main/core'),
    rules: {
      'no-restricted-syntax': [
        'error',
        ipcMainMember,
        {
          selector: "ImportDeclaration[source.value=/^electron($|.(main|common|renderer|utility)$)/][importKind!='type'], ExportNamedDeclaration[source.value=/^electron($|.(main|common|renderer|utility)$)/][exportKind!='type'], ExportAllDeclaration[source.value=/^electron($|.(main|common|renderer|utility)$)/], ImportExpression[source.value=/^electron($|.(main|common|renderer|utility)$)/]",
          message: 'main/core/ is loaded by plain Node tests: use `import type` from electron.',
        },
      ],
    },
  },

  // Tooling may print.
  { name: 'cs360/tooling', files: [...inFolder('scripts'), ...inFolder('bench'), ...inFolder('e2e')], rules: { 'no-console': 'off' } },
]);
