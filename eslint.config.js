import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layering: imports go one way (renderer → contract → core; main → node → core). */
const layer = (files, restricted, message) => {
  // Bare module names ('electron') are matched exactly; globs and 'node:*' as patterns.
  const names = restricted.filter((r) => !r.includes('*'));
  const globs = restricted.filter((r) => r.includes('*'));
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: names.map((name) => ({ name, message })), patterns: [{ group: globs, message }] },
      ],
    },
  };
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'tools', 'tests/bench/.work', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['electron/core/**'],
    [
      '**/node/**',
      '**/main/**',
      '**/preload/**',
      '**/renderer/**',
      '**/contract/**',
      'node:*',
      'electron',
      'conf',
      'electron-store',
      'node-schedule',
    ],
    'electron/core is pure: no I/O, no Electron, nothing of ours outside core.',
  ),
  layer(
    ['electron/contract/**'],
    ['**/node/**', '**/main/**', '**/preload/**', '**/renderer/**', 'node:*', 'electron'],
    'the contract is shared by main, preload and renderer: zod and core types only.',
  ),
  layer(
    ['electron/node/**'],
    ['**/main/**', '**/preload/**', '**/renderer/**', 'electron', 'electron-store'],
    'electron/node runs in plain Node: no Electron.',
  ),
  layer(
    ['renderer/**'],
    ['**/electron/node/**', '**/electron/main/**', '**/electron/preload/**', 'node:*', 'electron'],
    'the renderer talks to main only through the contract and the preload bridge.',
  ),
);
