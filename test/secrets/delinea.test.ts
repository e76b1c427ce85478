import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { folderSegments, splitDelineaReference } from '../../src/secrets/providers/delinea.js';
import { secretProviderFactory } from '../../src/secrets/registry.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { DelineaTestServer } from '../support/delinea-server.js';
import { generateTestPki, type TestPki } from '../support/pki.js';
import '../../src/secrets/providers/index.js';
import { assertDroppedConnectionRetriedOnce, assertOneRequestPerDistinctKey, assertRetriesThenGivesUp, type ResolveWith } from '../support/provider-scenarios.js';
import { assertTimeoutPerReference } from '../support/resolver-assertions.js';

let pki: TestPki;
let ss: DelineaTestServer;
let cloud: DelineaTestServer;
let env: Record<string, string>;
const PASSWORD = 'pa$$&word=with%chars';

function url(folder = '%5CMaverics', password = encodeURIComponent(PASSWORD)): string {
  return `delinea://${ss.host}/SecretServer?username=svc-maverics&password=${password}${folder ? `&folder=${folder}` : ''}`;
}
function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['connectors', i, 'oauthClientSecret'] }));
}

const resolve: ResolveWith = (list, options) => resolveSecrets(list, { secretProvider: url(), env, ...options });

test.before(async () => {
  pki = generateTestPki();
  env = { NODE_EXTRA_CA_CERTS: pki.caFile };
  ss = await new DelineaTestServer(pki).start();
  ss.addUser('svc-maverics', PASSWORD);
  ss.put('\\Maverics', 'okta', { 'client-id': 'okta-client-id', 'client-secret': 'okta-client-secret' });
  ss.put('\\Maverics', 'azure.prod', { wellknown: 'https://login.example/.well-known' });
  ss.put('\\Maverics', 'Redis', { password: 'redis-pass\nsecond-line' });
  ss.put('\\Maverics', 'locked', { password: 'locked-pass' }, { denied: true });
  ss.put('\\Maverics', 'twin', { password: 'one' });
  ss.put('\\Maverics', 'twin', { password: 'two' });
  ss.put('\\Other', 'okta', { 'client-secret': 'other-folder-secret' });
  ss.put('\\Teams\\Maverics', 'okta', { 'client-secret': 'nested-folder-secret' });
  for (let i = 0; i < 20; i++) ss.put('\\Maverics', `bulk${i}`, { password: `bulk-${i}` });
  ss.put('\\Maverics', 'idp', { 'client-secret': 'by-name-value', 'signing-key': '-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n' }, {
    names: { 'client-secret': 'Client Secret' },
    files: ['signing-key'],
  });
  cloud = await new DelineaTestServer(pki, '').start();
  cloud.addUser('cloud-user', 'cloud-pass');
  cloud.put('\\maverics', 'okta', { 'client-secret': 'cloud-secret' });
});
test.after(async () => {
  await ss.stop();
  await cloud.stop();
  pki.cleanup();
});
test.before.each(() => {
  ss.resetCounters();
  cloud.resetCounters();
});

test('reference and folder grammar', () => {
  assert.equal(splitDelineaReference('okta.client-secret'), { secret: 'okta', slug: 'client-secret' });
  assert.equal(splitDelineaReference('azure.prod.wellknown'), { secret: 'azure.prod', slug: 'wellknown' });
  assert.is(splitDelineaReference('okta'), undefined);
  assert.is(splitDelineaReference('okta.'), undefined);
  assert.equal(folderSegments('\\Teams\\Maverics'), ['Teams', 'Maverics']);
  assert.equal(folderSegments('Teams/Maverics'), ['Teams', 'Maverics']);
});

test('password grant, then fields of secrets in the folder by <secretName.fieldSlug>', async () => {
  const result = await resolveSecrets(uses('okta.client-id', 'okta.client-secret', 'azure.prod.wellknown', 'redis.password'), { secretProvider: url(), env });
  assert.equal(result.problems, []);
  assert.is(result.values.get('okta.client-id')?.reveal(), 'okta-client-id');
  assert.is(result.values.get('okta.client-secret')?.reveal(), 'okta-client-secret', 'not the same-named secret of another folder');
  assert.is(result.values.get('azure.prod.wellknown')?.reveal(), 'https://login.example/.well-known', 'split at the last dot');
  assert.is(result.values.get('redis.password')?.reveal(), 'redis-pass\nsecond-line', 'names match case-insensitively');
  assert.is(ss.logins, 1);
  assert.is(ss.log[0]?.path, '/SecretServer/oauth2/token');
  assert.is(ss.log.filter((r) => r.path === '/SecretServer/api/v1/folders').length, 1);
  assert.is(ss.log.filter((r) => r.path === '/SecretServer/api/v1/secrets').length, 1, 'the folder is listed once');
  assert.ok(ss.log.slice(1).every((r) => /^Bearer /.test(r.headers['authorization'] ?? '')));
});

test('a nested folder path; the Cloud layout at the root; no folder is a bad URL', async () => {
  const nested = await resolveSecrets(uses('okta.client-secret'), { secretProvider: url('%5CTeams%5CMaverics'), env });
  assert.is(nested.values.get('okta.client-secret')?.reveal(), 'nested-folder-secret');
  const atRoot = await resolveSecrets(uses('okta.client-secret'), {
    secretProvider: `delinea://${cloud.host}?username=cloud-user&password=cloud-pass&folder=maverics`,
    env,
  });
  assert.equal(atRoot.problems, []);
  assert.is(atRoot.values.get('okta.client-secret')?.reveal(), 'cloud-secret');
  // Strata: "all secrets must be co-located in a single folder": a URL without folder is refused.
  const noFolder = await resolveSecrets(uses('redis.password', 'okta.client-secret'), { secretProvider: url(''), env });
  assert.equal(noFolder.values.size, 0);
  assert.ok(noFolder.problems.every((p) => /the parameter folder is missing/.test(p.message)), noFolder.problems[0]?.message);
  assert.is(noFolder.requests, 0);
});

test('a folder name shared by two folders asks for the path; an unknown folder says so', async () => {
  const ambiguous = await resolveSecrets(uses('okta.client-secret'), { secretProvider: url('Maverics'), env });
  assert.equal(ambiguous.problems, [], 'a single segment matches the top-level path first');
  const unknown = await resolveSecrets(uses('okta.client-secret'), { secretProvider: url('%5CNope'), env });
  assert.is(unknown.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(unknown.problems[0]?.message ?? '', /the folder \\Nope does not exist or svc-maverics may not see it/);
});

test('a wrong password: a precise denial, one login for all references, the password never shown', async () => {
  const refs = Array.from({ length: 20 }, (_, i) => `bulk${i}.password`);
  const result = await resolveSecrets(uses(...refs), { secretProvider: url('%5CMaverics', 'WrOnG-pass-42'), env });
  assert.is(result.problems.length, 20);
  assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(result.problems[0]?.message ?? '', /delinea:\/\/127\.0\.0\.1:\d+\/SecretServer: logging in as svc-maverics failed: HTTP 400 \(Login failed\.\) \(wrong username or password/);
  assert.ok(result.problems.every((p) => !p.message.includes('WrOnG-pass-42')));
  assert.is(ss.logins, 1);
  assert.is(result.requests, 20, 'denied is not retried');
});

test('a missing username or password is a bad URL naming the parameter', async () => {
  const noPassword = await resolveSecrets(uses('okta.client-id'), { secretProvider: `delinea://${ss.host}?username=svc-maverics&folder=x`, env });
  assert.match(noPassword.problems[0]?.message ?? '', /the parameter password is missing/);
  const noUser = await resolveSecrets(uses('okta.client-id'), { secretProvider: `delinea://${ss.host}?password=x`, env });
  assert.match(noUser.problems[0]?.message ?? '', /the parameter username is missing/);
  assert.is(ss.requests, 0);
});

test('no such secret, no such field, no field in the name: unresolved; a denied secret: not retried', async () => {
  const result = await resolveSecrets(uses('ghost.password', 'okta.nope', 'okta', 'locked.password', 'twin.password'), { secretProvider: url(), env });
  const by = new Map(result.problems.map((p) => [p.reference, p]));
  assert.is(by.get('ghost.password')?.ruleId, 'unresolved-secret');
  assert.is(by.get('okta.nope')?.ruleId, 'unresolved-secret');
  assert.is(by.get('okta')?.ruleId, 'unresolved-secret');
  assert.is(by.get('locked.password')?.ruleId, 'secret-provider-error');
  assert.match(by.get('locked.password')?.message ?? '', /HTTP 403 \(API_AccessDenied\) \(svc-maverics may not view it\)/);
  assert.match(by.get('twin.password')?.message ?? '', /2 secrets named twin in the folder \\Maverics/);
  assert.is(result.requests, 5);
});

test('as the official Go SDK: a field by display name or slug, one read per secret, a file field from its attachment', async () => {
  const result = await resolveSecrets(uses('idp.client-secret', 'idp.Client Secret', 'idp.signing-key', 'idp.client secret'), { secretProvider: url(), env });
  assert.is(result.values.get('idp.client-secret')?.reveal(), 'by-name-value');
  assert.is(result.values.get('idp.Client Secret')?.reveal(), 'by-name-value');
  assert.is(result.values.get('idp.signing-key')?.reveal(), '-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n');
  assert.equal(result.problems.map((p) => [p.ruleId, p.reference]), [['unresolved-secret', 'idp.client secret']], 'matching is exact, as the SDK');
  const reads = ss.log.filter((r) => r.read).map((r) => r.path.replace(/^.*\/api\/v1\/secrets\/\d+/, ''));
  assert.equal(reads.sort(), ['', '/fields/signing-key']);
});

test('an expired token: one new login and the request again', async () => {
  const provider = await secretProviderFactory('delinea')(new URL(url()), { env });
  try {
    assert.is((await provider.get('okta.client-id', AbortSignal.timeout(3000)))?.reveal(), 'okta-client-id');
    ss.expireTokens();
    // Another secret, so a request is made (okta's fields were read with it, once).
    assert.is((await provider.get('Redis.password', AbortSignal.timeout(3000)))?.reveal(), 'redis-pass\nsecond-line');
    assert.is(ss.logins, 2);
  } finally {
    await provider.close?.();
  }
});

test('200 uses over 20 secrets: one login, one folder listing (paged), 20 field reads', async () => {
  ss.pageLimit = 7;
  await assertOneRequestPerDistinctKey(resolve, (i) => `bulk${i}.password`, (i) => `bulk-${i}`);
  assert.is(ss.reads, 20);
  assert.is(ss.logins, 1);
  assert.is(ss.log.filter((r) => r.path.endsWith('/api/v1/secrets')).length, 4, '26 secrets in pages of 7');
});

test('a slow server: bounded time, a timeout per reference, no retry', async () => {
  ss.faults.delayMs = 5000;
  const refs = Array.from({ length: 16 }, (_, i) => `bulk${i}.password`);
  await assertTimeoutPerReference((timeoutMs) => resolveSecrets(uses(...refs), { secretProvider: url(), env, timeoutMs }), 16);
});

test('throttling and 5xx are retried, then succeed; a garbage answer is a bad response', async () => {
  await assertRetriesThenGivesUp(resolve, 'okta.client-id', {
    injectTransient: () => (ss.faults.failNext(1, 429), ss.faults.failNext(1, 500)),
    transient: 2,
    injectPersistent: () => ss.faults.failNext(10, 502),
    persistent: /HTTP 502 \(API_InternalError\)/,
    reset: () => ss.resetCounters(),
  });
  ss.failLogins(1, 503);
  const login = await resolveSecrets(uses('okta.client-id'), { secretProvider: url(), env, retryBaseMs: 5 });
  assert.equal(login.problems, []);
  assert.is(login.requests, 2);
});

test('TLS: a server the CA does not vouch for is unreachable; connection refused', async () => {
  const untrusted = await resolveSecrets(uses('okta.client-id'), { secretProvider: url(), env: {} });
  assert.match(untrusted.problems[0]?.message ?? '', /logging in as svc-maverics failed: cannot connect \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/);
  const down = await new DelineaTestServer(pki).start();
  await down.stop();
  const refused = await resolveSecrets(uses('okta.client-id'), { secretProvider: `delinea://${down.host}?username=u&password=p&folder=x`, env });
  assert.match(refused.problems[0]?.message ?? '', /cannot connect \(ECONNREFUSED\)/);
});

test('a dropped kept-alive connection (ECONNRESET) is tried once more, not more', async () => {
  await assertDroppedConnectionRetriedOnce(resolve, 'okta.client-id', (n) => ss.faults.dropNext(n), () => ss.faults.reset());
});

test.run();
