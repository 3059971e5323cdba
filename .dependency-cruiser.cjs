/**
 * The rooms of the house and which way their doors open (issue 15; docs/architecture.md). `npm run deps`
 * checks them, and `npm test` runs it beside the typecheck. Type-only imports count: a cycle of types is a
 * knot a reader trips on just the same.
 *
 *   src/shared   the contracts (scenario types, limits, spec arithmetic, validation, every message schema): imports nothing of the app
 *   src/engine   the pure maths: imports only src/shared
 *   src/renderer the page: imports src/shared and the pure engine (views compute with it), and starts the
 *                trainer's Web Workers by URL (not an import), never trainer, cli, main or preload code
 *   src/main     thin (window, menu, files, the trainer's supervision): imports only src/shared, so its bundle
 *                carries no model and no kernel, and no folder loop can pass through it
 *   src/trainer, src/cli, src/preload, src/bench: above those
 *   testing.ts, *.testing.ts: helpers for tests only; no code that ships imports them
 */
const app = '^(src|scripts)/';
// Tests and their helpers stand above every room (an integration test wires rooms together): the folder rules
// bind the code that ships. No test may close a loop, though: no-circular applies to them too.
const tests = '\\.test\\.ts$';
// Helpers that only tests use (harnesses, fakes, readers of what the app writes) are named testing.ts or
// *.testing.ts: tests and other helpers may import them, the code that ships may not.
const testHelpers = '(^|/|\\.)testing\\.ts$';
const testCode = [tests, testHelpers];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two files (or a longer loop of files) import each other: move what both need into a third file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-nothing-of-app',
      severity: 'error',
      comment: 'src/shared is the ground floor: the contracts every process imports. It may import only src/shared (and libraries).',
      from: { path: '^src/shared/', pathNot: testCode },
      to: { path: app, pathNot: '^src/shared/' },
    },
    {
      name: 'engine-only-shared',
      severity: 'error',
      comment: 'src/engine is pure maths on the contracts: it may import only src/engine and src/shared.',
      from: { path: '^src/engine/', pathNot: testCode },
      to: { path: app, pathNot: '^src/(engine|shared)/' },
    },
    {
      name: 'renderer-only-shared-and-worker-entries',
      severity: 'error',
      comment:
        'The page imports the contracts (src/shared) and the pure engine; a worker is started with new Worker(new URL(…)) on an entry file of src/trainer, never imported. Move what the page needs from trainer, cli or main into src/shared.',
      from: { path: '^src/renderer/', pathNot: testCode },
      to: { path: app, pathNot: ['^src/(renderer|shared|engine)/', '^src/trainer/(worker|sweep-worker|basins-worker|export-worker)\\.ts$'] },
    },
    {
      name: 'main-only-shared',
      severity: 'error',
      comment: 'src/main is thin: it imports only src/shared. Code that runs in the utility process lives in src/trainer.',
      from: { path: '^src/main/', pathNot: testCode },
      to: { path: app, pathNot: '^src/(main|shared)/' },
    },
    {
      name: 'no-test-helpers-in-production',
      severity: 'error',
      comment: 'A testing.ts or *.testing.ts file is for tests: code that ships must not import it. Move what it needs into a file of its own.',
      from: { path: app, pathNot: testCode },
      to: { path: testHelpers },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.json'] },
  },
};
