/** Checks every provider's tests share, so that each provider is held to exactly the same bar. */
import * as assert from 'uvu/assert';
import type { ResolveResult } from '../../src/secrets/resolver.js';

const TIMEOUT_MS = 200;

/**
 * Against a server that answers too late: `run` resolves `count` distinct references with the given
 * per-request timeout; each reference gets its own timeout problem, none is retried, and the whole
 * run ends within `maxMs`.
 */
export async function assertTimeoutPerReference(run: (timeoutMs: number) => Promise<ResolveResult>, count: number, maxMs: number): Promise<void> {
  const started = Date.now();
  const result = await run(TIMEOUT_MS);
  const elapsed = Date.now() - started;
  assert.ok(elapsed < maxMs, `took ${elapsed} ms`);
  assert.is(result.problems.length, count);
  const expected = new RegExp(`no answer (within ${TIMEOUT_MS} ms|before the request deadline)`);
  assert.ok(result.problems.every((p) => p.ruleId === 'secret-provider-error' && expected.test(p.message)), JSON.stringify(result.problems[0]));
  assert.is(result.requests, count, 'a timeout is not retried');
}
