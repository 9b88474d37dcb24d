// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, and one rule for
// import specifiers. `npm run lint` runs it with `prettier --check` (.prettierrc.json: the layout).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** WXT's `@/` alias (the project root) for what lies outside the importer's own folder. */
const NO_PARENT = {
  patterns: [{ group: ['../*'], message: 'Outside its own folder an entrypoint or component imports with the @/ alias (e.g. @/lib/types).' }],
};
/** lib/ and the tests import relatively: lib/cli runs under tsx in Node, where WXT's aliases do not exist. */
const NO_ALIAS = {
  patterns: [{ group: ['@/*', '~/*', '@@/*', '~~/*'], message: 'lib/ and test/ import relatively (lib/cli runs in Node without WXT’s aliases).' }],
};

export default tseslint.config(
  {
    ignores: ['.output/**', '.scratch/**', 'demo-output/**', '.cache/**', '.wxt/**', 'node_modules/**', 'public/**', 'test/realpages/**', 'test/fixtures/**', 'test/events-stream/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks what is left out on purpose (`const { id: _id, ...rest } = r`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  // Tests take apart parsed files and messages whose shape is the point of the test.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['entrypoints/**', 'components/**'], rules: { 'no-restricted-imports': ['error', NO_PARENT] } },
  { files: ['lib/**', 'test/**'], rules: { 'no-restricted-imports': ['error', NO_ALIAS] } },
);
