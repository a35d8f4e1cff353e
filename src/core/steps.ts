/**
 * Runs work written as steps (a generator that yields between pieces) to its end, at once.
 * Long work is written as steps so the job can give the task pane a turn between pieces; the
 * command line and the tests run it straight through with this.
 *
 * @example
 * runToEnd((function* () { yield; return 3; })()) //= 3
 */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
