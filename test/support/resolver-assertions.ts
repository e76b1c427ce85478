/** Checks every provider's tests share, so that each provider is held to exactly the same bar. */
import * as assert from 'uvu/assert';
import type { ResolveResult } from '../../src/secrets/resolver.js';

const TIMEOUT_MS = 200;
/** Generous: only a hang trips it, never a slow machine. Timing belongs in `npm run bench`. */
export const HANG_GUARD_MS = 60_000;

/** `promise`, or a failure naming `what` when it has not settled before the hang guard. */
export async function settles<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within the ${HANG_GUARD_MS} ms hang guard`)), HANG_GUARD_MS);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Against a server that answers too late: `run` resolves `count` distinct references with the given
 * per-request timeout; the run settles (before the hang guard), each reference gets its own timeout
 * problem, and none is retried.
 */
export async function assertTimeoutPerReference(run: (timeoutMs: number) => Promise<ResolveResult>, count: number): Promise<void> {
  const result = await settles(run(TIMEOUT_MS), 'the slow-server run');
  assert.is(result.problems.length, count);
  const expected = new RegExp(`no answer (within ${TIMEOUT_MS} ms|before the request deadline)`);
  assert.ok(result.problems.every((p) => p.ruleId === 'secret-provider-error' && expected.test(p.message)), JSON.stringify(result.problems[0]));
  assert.is(result.requests, count, 'a timeout is not retried');
}
