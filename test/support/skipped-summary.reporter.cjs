// Prints, at the end of a run, the suites that were not run here and why (e.g. no EventStoreDB server).
// They are not counted as passed: their files are left out of the run by jest.config.js.
class NotRunSummaryReporter {
  constructor(globalConfig, options) {
    this.notRun = (options && options.notRun) || [];
  }
  onRunComplete() {
    for (const { what, why } of this.notRun) {
      process.stdout.write(`\n*** NOT RUN: ${what}\n    why: ${why}\n`);
    }
  }
}
module.exports = NotRunSummaryReporter;
