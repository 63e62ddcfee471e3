/**
 * Ends a run with the plain line `N passed, N failed, N skipped`, which CI reads as the test count
 * whatever the runner (vitest's own summary is not in that form).
 *
 * A test file that fails to load (a syntax error, an import that fails, a throw at top level) has no
 * tests to count, and a failing beforeAll leaves its tests skipped: each file or suite with errors of
 * its own counts as one failure, and so does each error thrown outside any test, so that such a run
 * never ends with `0 failed`.
 */
import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const count = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed') count[state]++;
        else count.skipped++;
      }
      for (const suite of [module, ...module.children.allSuites()]) {
        if (suite.errors().length > 0) count.failed++;
      }
    }
    console.log(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }
}
