// `npm run lint`: ESLint's recommended rules and typescript-eslint's, without type information so that it
// takes seconds on two cores (`npm run typecheck` does the type work). The few rules changed below each say
// why. Layout is Prettier's job (prettier.config.js): no rule here is about it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Builds, reports, installed packages, and the kernels that scripts/generate-surface-steps.mjs writes.
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '**/*.generated.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          // `const { groups: _race, ...plain } = scenario` is how the code drops a key from a copy.
          ignoreRestSiblings: true,
          // A mock keeps the real function's parameters (`vi.fn((_data?: …) => …)`) so that its type matches.
          argsIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // The scripts and configs run in Node. (TypeScript files get no no-undef, which tsc checks better, so
    // these globals matter for the *.mjs, *.js and *.cjs files only.)
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The bench's page section runs in Node and hands functions to Playwright to evaluate in the page.
    files: ['src/bench/page-script.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
