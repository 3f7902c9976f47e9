/**
 * Test-only fault injection for the exactly-once crash test: with NODE_ENV=test and
 * GZC_TEST_CRASH_BEFORE_IDEMPOTENT_ANSWER=1 the process kills itself (SIGKILL, no cleanup) after a
 * keyed command's events are appended and before its answer is stored or sent. Never active
 * outside tests: production images do not run with NODE_ENV=test.
 */
export function crashBeforeIdempotentAnswerIfAsked(): void {
  if (process.env.NODE_ENV === 'test' && process.env.GZC_TEST_CRASH_BEFORE_IDEMPOTENT_ANSWER === '1') {
    process.kill(process.pid, 'SIGKILL');
  }
}
