/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, that CI and humans read alike,
 * preceded by each project's wall time (from its first test file starting to its last one ending;
 * a graph suite's stack start-up is printed by tests/setup/stack.ts) and test counts.
 */
import type { Reporter, TestModule } from "vitest/node";

interface ProjectSpan {
  first: number;
  last: number;
}

export default class SummaryReporter implements Reporter {
  private readonly spans = new Map<string, ProjectSpan>();

  onTestModuleStart(testModule: TestModule) {
    const name = testModule.project.name;
    const now = performance.now();
    const span = this.spans.get(name);
    if (span) span.first = Math.min(span.first, now);
    else this.spans.set(name, { first: now, last: now });
  }

  onTestModuleEnd(testModule: TestModule) {
    const span = this.spans.get(testModule.project.name);
    if (span) span.last = Math.max(span.last, performance.now());
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const perProject = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
        perProject.set(module.project.name, (perProject.get(module.project.name) ?? 0) + 1);
      }
    }
    console.log("");
    for (const [name, span] of [...this.spans].sort((a, b) => a[1].first - b[1].first)) {
      console.log(`project ${name}: ${((span.last - span.first) / 1000).toFixed(1)} s, ${perProject.get(name) ?? 0} tests`);
    }
    console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
