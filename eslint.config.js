// A modest, type-aware lint (typescript-eslint with type information): the
// checks that catch real bugs in this code base (promises nobody awaits,
// async functions where a callback must not be one, unused code), not style;
// style is prettier's (.prettierrc.json). Run by `npm run lint`, which CI runs.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'portal/dist/',
      'test/generated/',
      'portal/src/gql/',
      'migrations/',
      '.data/',
      'test/fixtures/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: { allowDefaultProject: ['portal/screenshot.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', ignoreRestSiblings: true, caughtErrors: 'none' }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
);
