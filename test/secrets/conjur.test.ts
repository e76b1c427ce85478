import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { conjurEndpoint } from '../../src/secrets/providers/conjur.js';
import { secretProviderFactory } from '../../src/secrets/registry.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { ConjurTestServer } from '../support/conjur-server.js';
import { generateTestPki, type TestPki } from '../support/pki.js';
import '../../src/secrets/providers/index.js';
import { assertDroppedConnectionRetriedOnce, assertOneRequestPerDistinctKey, assertRetriesThenGivesUp, type ResolveWith } from '../support/provider-scenarios.js';
import { assertTimeoutPerReference } from '../support/resolver-assertions.js';

let pki: TestPki;
let conjur: ConjurTestServer;
let env: Record<string, string>;
const API_KEY = 'conjur-api-KeY-1x9';

function url(extra = `?apikey=${API_KEY}`, login = 'host%2Fmaverics'): string {
  return `conjur://${conjur.host}/myorg/${login}${extra}`;
}
function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['connectors', i, 'oauthClientSecret'] }));
}

const resolve: ResolveWith = (list, options) => resolveSecrets(list, { secretProvider: url(), env, ...options });

test.before(async () => {
  pki = generateTestPki();
  conjur = await new ConjurTestServer(pki).start();
  env = { CONJUR_CERT_FILE: pki.caFile };
  conjur.addHost('myorg', 'host/maverics', API_KEY).addHost('myorg', 'admin', 'admin-key');
  conjur.put('myorg', 'maverics/okta/client-secret', 'okta-secret-value');
  conjur.put('myorg', 'maverics/tls/key', '-----BEGIN PRIVATE KEY-----\nline1\nline2\n-----END PRIVATE KEY-----\n');
  conjur.put('myorg', 'plain', 'plain-value');
  conjur.put('myorg', 'declared-but-empty', undefined);
  conjur.put('myorg', 'locked', 'locked-value').forbid('myorg', 'locked');
  for (let i = 0; i < 20; i++) conjur.put('myorg', `bulk/s${i}`, `bulk-${i}`);
});
test.after(async () => {
  await conjur.stop();
  pki.cleanup();
});
test.before.each(() => conjur.resetCounters());

test('logs in with the API key, then reads variables by id (slashes included) with the token', async () => {
  const result = await resolveSecrets(uses('maverics/okta/client-secret', 'maverics/tls/key', 'plain'), { secretProvider: url(), env });
  assert.equal(result.problems, []);
  assert.is(result.values.get('maverics/okta/client-secret')?.reveal(), 'okta-secret-value');
  assert.is(result.values.get('maverics/tls/key')?.reveal(), '-----BEGIN PRIVATE KEY-----\nline1\nline2\n-----END PRIVATE KEY-----\n');
  assert.is(result.values.get('plain')?.reveal(), 'plain-value');
  const login = conjur.log[0];
  assert.is(login?.path, '/authn/myorg/host%2Fmaverics/authenticate', 'the login is one %2F-encoded segment');
  assert.is(login?.headers['accept-encoding'], 'base64');
  assert.is(conjur.logins, 1, 'one login shared by every read');
  // Three variables that all exist: one batch read (conjur-api-go RetrieveBatchSecretsRequest).
  assert.equal(
    conjur.log.filter((r) => r.read).map((r) => [r.path, r.query.get('variable_ids')]),
    [['/secrets', 'myorg:variable:maverics/okta/client-secret,myorg:variable:maverics/tls/key,myorg:variable:plain']],
  );
  assert.ok(conjur.log.filter((r) => r.read).every((r) => /^Token token="[A-Za-z0-9+/=]+"$/.test(r.headers['authorization'] ?? '')));
  // One reference alone is read on its own, its id one %2F-encoded segment.
  conjur.resetCounters();
  await resolveSecrets(uses('maverics/okta/client-secret'), { secretProvider: url(), env });
  assert.ok(conjur.log.some((r) => r.path === '/secrets/myorg/variable/maverics%2Fokta%2Fclient-secret'));
});

test('the batch read is all-or-nothing: one missing variable falls back to a read per variable', async () => {
  const result = await resolveSecrets(uses('plain', 'bulk/s1', 'nope/missing', 'locked'), { secretProvider: url(), env });
  assert.is(result.values.get('plain')?.reveal(), 'plain-value');
  assert.is(result.values.get('bulk/s1')?.reveal(), 'bulk-1');
  assert.equal(result.problems.map((p) => [p.ruleId, p.reference]), [
    ['unresolved-secret', 'nope/missing'],
    ['secret-provider-error', 'locked'],
  ]);
  assert.is(conjur.reads, 5, 'one refused batch, then four single reads');
});

test('a fully qualified id <account:variable:id> is split, as the official Go client does', async () => {
  const result = await resolveSecrets(uses('myorg:variable:maverics/okta/client-secret'), { secretProvider: url(), env });
  assert.equal(result.problems, []);
  assert.is(result.values.get('myorg:variable:maverics/okta/client-secret')?.reveal(), 'okta-secret-value');
  assert.ok(conjur.log.some((r) => r.path === '/secrets/myorg/variable/maverics%2Fokta%2Fclient-secret'));
});

test('conjur://<host> with the Conjur environment variables; the appliance URL\'s /api base path (Conjur Cloud)', async () => {
  const fromEnv = await resolveSecrets(uses('plain'), {
    secretProvider: `conjur://${conjur.host}`,
    env: { ...env, CONJUR_ACCOUNT: 'myorg', CONJUR_AUTHN_LOGIN: 'host/maverics', CONJUR_AUTHN_API_KEY: API_KEY },
  });
  assert.equal(fromEnv.problems, []);
  assert.is(fromEnv.values.get('plain')?.reveal(), 'plain-value');
  conjur.resetCounters();
  conjur.basePath = '/api';
  const cloud = await resolveSecrets(uses('plain'), {
    secretProvider: 'conjur://',
    env: { ...env, CONJUR_APPLIANCE_URL: `https://${conjur.host}/api`, CONJUR_ACCOUNT: 'myorg', CONJUR_AUTHN_LOGIN: 'host/maverics', CONJUR_AUTHN_API_KEY: API_KEY },
  });
  assert.equal(cloud.problems, []);
  assert.ok(conjur.log.every((r) => r.path.startsWith('/api/')));
  assert.equal(conjurEndpoint('tenant.secretsmgr.cyberark.cloud', {}, 'conjur://tenant.secretsmgr.cyberark.cloud'), {
    origin: 'https://tenant.secretsmgr.cyberark.cloud',
    basePath: '/api',
  });
});

test('CONJUR_AUTHN_TOKEN_FILE (the Kubernetes authenticator): the token is read from the file, no login', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conjur-token-'));
  const file = join(dir, 'access-token');
  writeFileSync(file, conjur.issueToken('myorg', 'host/maverics'));
  try {
    const result = await resolveSecrets(uses('plain'), {
      secretProvider: `conjur://${conjur.host}`,
      env: { ...env, CONJUR_ACCOUNT: 'myorg', CONJUR_AUTHN_TOKEN_FILE: file },
    });
    assert.equal(result.problems, []);
    assert.is(result.values.get('plain')?.reveal(), 'plain-value');
    assert.is(conjur.logins, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a login written with a literal slash is the same login', async () => {
  const result = await resolveSecrets(uses('plain'), { secretProvider: url(`?apikey=${API_KEY}`, 'host/maverics'), env });
  assert.equal(result.problems, []);
  assert.is(conjur.log[0]?.path, '/authn/myorg/host%2Fmaverics/authenticate');
});

test('the token is reused until it expires; a revoked token means one new login and the read again', async () => {
  const parsed = new URL(url());
  const provider = await secretProviderFactory('conjur')(parsed, { env });
  try {
    assert.is((await provider.get('plain', AbortSignal.timeout(3000)))?.reveal(), 'plain-value');
    assert.is((await provider.get('maverics/okta/client-secret', AbortSignal.timeout(3000)))?.reveal(), 'okta-secret-value');
    assert.is(conjur.logins, 1);
    conjur.revokeTokens();
    assert.is((await provider.get('plain', AbortSignal.timeout(3000)))?.reveal(), 'plain-value');
    assert.is(conjur.logins, 2, 'a 401 on a read logs in again once');
    assert.is(conjur.reads, 4, 'the refused read is repeated with the new token');
  } finally {
    await provider.close?.();
  }
  // A token near its `exp` is not used any more: the next read logs in first.
  conjur.resetCounters();
  conjur.tokenTtlSeconds = 2;
  // An injected clock: the provider sees 1.1 s pass without the test sleeping.
  let clock = Date.now();
  const shortLived = await secretProviderFactory('conjur')(parsed, { env, now: () => clock });
  try {
    await shortLived.get('plain', AbortSignal.timeout(3000));
    await shortLived.get('plain', AbortSignal.timeout(3000));
    assert.is(conjur.logins, 1, 'fresh: reused');
    clock += 1100;
    await shortLived.get('plain', AbortSignal.timeout(3000));
    assert.is(conjur.logins, 2, 'near expiry: replaced before use');
    assert.is(conjur.log.filter((r) => r.read).length, 3);
  } finally {
    await shortLived.close?.();
  }
});

test('a wrong API key: a precise denial, one login for all references, the key never shown', async () => {
  const refs = Array.from({ length: 20 }, (_, i) => `bulk/s${i}`);
  const result = await resolveSecrets(uses(...refs), { secretProvider: url('?apikey=wrong-KeY-777'), env });
  assert.is(result.problems.length, 20);
  const problem = result.problems[0];
  assert.is(problem?.ruleId, 'secret-provider-error');
  assert.match(problem?.message ?? '', /secret <bulk\/s0>: conjur:\/\/127\.0\.0\.1:\d+\/myorg\/host%2Fmaverics: authenticating as host\/maverics in account myorg failed: HTTP 401 \(wrong login or API key/);
  assert.ok(result.problems.every((p) => !p.message.includes('wrong-KeY-777')));
  assert.is(conjur.logins, 1, 'a refused login is remembered for the run');
  assert.is(result.requests, 20, 'denied is not retried');
});

test('a missing API key or account is a bad URL naming what is missing', async () => {
  const noKey = await resolveSecrets(uses('plain'), { secretProvider: url(''), env });
  assert.is(noKey.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(noKey.problems[0]?.message ?? '', /the parameter apikey is missing/);
  const noLogin = await resolveSecrets(uses('plain'), { secretProvider: `conjur://${conjur.host}/myorg?apikey=${API_KEY}`, env });
  assert.match(noLogin.problems[0]?.message ?? '', /the login is missing after the account/);
  assert.is(conjur.requests, 0);
});

test('not found and declared-but-empty are unresolved; forbidden is denied and not retried', async () => {
  const result = await resolveSecrets(uses('nope/missing', 'declared-but-empty', 'locked'), { secretProvider: url(), env });
  const by = new Map(result.problems.map((p) => [p.reference, p]));
  assert.is(by.get('nope/missing')?.ruleId, 'unresolved-secret');
  assert.is(by.get('declared-but-empty')?.ruleId, 'unresolved-secret');
  assert.is(by.get('locked')?.ruleId, 'secret-provider-error');
  assert.match(by.get('locked')?.message ?? '', /reading the variable locked failed: HTTP 403 \(forbidden\) \(host\/maverics may not execute the variable locked\)/);
  assert.is(result.requests, 3);
});

test('200 uses over 20 variables: one login and one batch read', async () => {
  await assertOneRequestPerDistinctKey(resolve, (i) => `bulk/s${i}`, (i) => `bulk-${i}`);
  assert.is(conjur.reads, 1);
  assert.is(conjur.logins, 1);
});

test('a slow server: bounded time, a timeout per reference, no retry', async () => {
  conjur.faults.delayMs = 5000;
  const refs = Array.from({ length: 16 }, (_, i) => `bulk/s${i}`);
  await assertTimeoutPerReference((timeoutMs) => resolveSecrets(uses(...refs), { secretProvider: url(), env, timeoutMs }), 16);
});

test('throttling and 5xx are retried, then succeed; a login 5xx is retried too', async () => {
  await assertRetriesThenGivesUp(resolve, 'plain', {
    injectTransient: () => (conjur.faults.failNext(1, 429), conjur.faults.failNext(1, 503)),
    transient: 2,
    injectPersistent: () => conjur.faults.failNext(10, 500),
    persistent: /HTTP 500 \(internal_server_error\)/,
    reset: () => conjur.resetCounters(),
  });
  conjur.failLogins(1, 502);
  const login = await resolveSecrets(uses('plain'), { secretProvider: url(), env, retryBaseMs: 5 });
  assert.equal(login.problems, []);
  assert.is(login.requests, 2);
  assert.is(conjur.logins, 2);
});

test('TLS: a server the CA does not vouch for is unreachable; connection refused', async () => {
  const untrusted = await resolveSecrets(uses('plain'), { secretProvider: url(), env: {} });
  assert.match(untrusted.problems[0]?.message ?? '', /cannot connect \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/);
  const inline = await resolveSecrets(uses('plain'), { secretProvider: url(), env: { CONJUR_SSL_CERTIFICATE: pki.ca.toString('utf8') } });
  assert.equal(inline.problems, [], 'CONJUR_SSL_CERTIFICATE holds the PEM itself');
  const down = await new ConjurTestServer(pki).start();
  await down.stop();
  const refused = await resolveSecrets(uses('plain'), { secretProvider: `conjur://${down.host}/myorg/admin?apikey=admin-key`, env });
  assert.match(refused.problems[0]?.message ?? '', /cannot connect \(ECONNREFUSED\)/);
  const missingCa = await resolveSecrets(uses('plain'), { secretProvider: url(), env: { CONJUR_CERT_FILE: '/nonexistent/conjur.pem' } });
  assert.match(missingCa.problems[0]?.message ?? '', /cannot read the CA file \/nonexistent\/conjur\.pem \(ENOENT\)/);
});

test('a dropped kept-alive connection (ECONNRESET) is tried once more, not more', async () => {
  await assertDroppedConnectionRetriedOnce(resolve, 'maverics/okta/client-secret', (n) => conjur.faults.dropNext(n), () => conjur.faults.reset());
});

test.run();
