import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers are checked here, not only documented: renderer and shared never reach into
 * electron/, shared reaches nothing outside itself and no Node or DOM API, and the main
 * process never imports the renderer.
 */
const noElectronFolder = { group: ['**/electron/**', '**/electron', 'electron'], message: 'renderer/ and shared/ must not import electron/* or Electron: go through the contract.' };
/** Every searchable select keeps what was typed into it on Tab: one component each, components/Select and components/MultiSelect. */
const mantineSelect = { name: '@mantine/core', importNames: ['Select', 'MultiSelect'], message: 'Use components/Select or components/MultiSelect: they keep a typed option on Tab, and Enter takes the first found.' };
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'worker_threads'], message: 'shared/ is pure TypeScript: no Node APIs.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectronFolder,
            nodeBuiltins,
            { group: ['**/renderer/**', '**/tests/**', '../../*', '../../../*'], message: 'shared/ imports nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [mantineSelect], patterns: [noElectronFolder, nodeBuiltins] }],
    },
  },
  {
    // app/ composes the features; a feature, lib/ or components/ importing app/ makes a cycle.
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/lib/**/*.{ts,tsx}', 'renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [mantineSelect],
          patterns: [
            noElectronFolder,
            nodeBuiltins,
            { group: ['**/app/*', '**/app'], message: 'Only app/ composes screens: take shared pieces from lib/ or components/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/components/Select.tsx', 'renderer/src/components/MultiSelect.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/main never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'The backend never imports the renderer.' },
            { group: ['electron', '**/electron/main/**'], message: 'The backend runs in plain Node too: no Electron imports.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.ts', '*.config.{js,ts}', 'electron.vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    // Playwright fixtures take `({}, use)` by design.
    rules: { 'no-empty-pattern': 'off' },
  },
);
