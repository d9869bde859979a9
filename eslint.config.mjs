import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.next/**', '**/dist/**', '**/next-env.d.ts', '**/test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use `as const` objects and unions, not enum.' }],
    },
  },
  {
    // The protocol folder is pure data and bytes: no sockets, no files.
    files: ['packages/broker/src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:net', 'node:fs', 'node:fs/*', 'net', 'fs', 'fs/*'] }],
    },
  },
  {
    // The console runs in browsers: values come from the schema-free entry, so TypeBox stays out of
    // its bundles. Types may come from the main entry (type imports are erased).
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@brook/contract', message: "Import values from '@brook/contract/client'; only `import type` from '@brook/contract'.", allowTypeImports: true }] },
      ],
    },
  },
);
