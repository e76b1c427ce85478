/**
 * The retry and dedupe scenarios every provider's tests run, written once: each provider test
 * supplies how to resolve against its loopback server and how to inject a failure there.
 */
import * as assert from 'uvu/assert';
import type { ResolveResult, ResolverOptions, SecretUse } from '../../src/secrets/resolver.js';

/** Resolves `uses` against the provider under test with these extra resolver options. */
export type ResolveWith = (uses: SecretUse[], options?: Partial<ResolverOptions>) => Promise<ResolveResult>;

export function usesOf(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['apps', i, 'secret'] }));
}

/**
 * 200 uses over 20 distinct keys: every use resolves, and the provider is asked once per distinct
 * key (so `requests` is 20); `key(i)` names the i-th secret, `value(i)` is what it holds.
 */
export async function assertOneRequestPerDistinctKey(resolve: ResolveWith, key: (i: number) => string, value: (i: number) => string): Promise<ResolveResult> {
  const many = Array.from({ length: 200 }, (_, i): SecretUse => ({ reference: key(i % 20), path: ['apps', i, 'secret'] }));
  const result = await resolve(many);
  assert.equal(result.problems, []);
  assert.is(result.values.size, 20);
  for (let i = 0; i < 20; i++) assert.is(result.values.get(key(i))?.reveal(), value(i));
  assert.is(result.requests, 20);
  return result;
}

/**
 * `injectTransient` makes the next `transient` requests fail in a retryable way (429, 5xx): the
 * reference still resolves, after `transient + 1` requests. Then `injectPersistent` makes every
 * request fail: the reference fails after exactly 3 attempts (retries: 2), its message matching
 * `persistent` and never quoting `neverQuoted`.
 */
export async function assertRetriesThenGivesUp(
  resolve: ResolveWith,
  reference: string,
  scenario: { injectTransient: () => void; transient: number; injectPersistent: () => void; persistent: RegExp; neverQuoted?: RegExp; reset?: () => void },
): Promise<void> {
  scenario.injectTransient();
  const recovered = await resolve(usesOf(reference), { retryBaseMs: 5 });
  assert.equal(recovered.problems, []);
  assert.ok(recovered.values.has(reference));
  assert.is(recovered.requests, scenario.transient + 1);
  scenario.reset?.();
  scenario.injectPersistent();
  const failed = await resolve(usesOf(reference), { retryBaseMs: 5, retries: 2 });
  assert.is(failed.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(failed.problems[0]?.message ?? '', scenario.persistent);
  assert.match(failed.problems[0]?.message ?? '', /\(after 3 attempts\)/);
  if (scenario.neverQuoted) assert.not.match(failed.problems[0]?.message ?? '', scenario.neverQuoted);
  assert.is(failed.requests, 3);
  scenario.reset?.();
}

/**
 * A kept-alive connection closed under a request (`dropNext(n)` makes the server close the next
 * `n`): one drop is tried once more and resolves; two in a row end after exactly two attempts.
 */
export async function assertDroppedConnectionRetriedOnce(resolve: ResolveWith, reference: string, dropNext: (count: number) => void, reset: () => void): Promise<void> {
  dropNext(1);
  const once = await resolve(usesOf(reference), { retryBaseMs: 0 });
  assert.equal(once.problems, []);
  assert.ok(once.values.has(reference));
  assert.is(once.requests, 2);
  dropNext(5);
  const twice = await resolve(usesOf(reference), { retryBaseMs: 0 });
  assert.match(twice.problems[0]?.message ?? '', /the connection was closed under the request \((ECONNRESET|EPIPE|UND_ERR_SOCKET)\) \(after 2 attempts\)/);
  assert.is(twice.requests, 2);
  reset();
}
