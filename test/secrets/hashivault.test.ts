import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { generateTestPki, type TestPki } from '../support/pki.js';
import { assertDroppedConnectionRetriedOnce, assertRetriesThenGivesUp, type ResolveWith } from '../support/provider-scenarios.js';
import { settles } from '../support/resolver-assertions.js';
import { VaultTestServer } from '../support/vault-server.js';

let vault: VaultTestServer;
let tlsVault: VaultTestServer;
let pki: TestPki;

function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['apps', i, 'secret'] }));
}

function seed(server: VaultTestServer): void {
  server
    .addToken('root-token')
    .addAppRole('role-1', 'secret-id-1')
    .mount('secret', 2)
    .mount('kv', 1)
    .mount('secret', 2, 'team-a')
    .put('secret', 'maverics', { 'ns.key': 'flat-dotted', plain: 'plain-v2', number: 42 })
    .put('secret', 'maverics/db', { password: 'db-pass', 'user.name': 'dotted-rest' })
    .put('secret', 'other', { x: 'other-x' })
    .put('kv', 'app', { x: 'kv1-x', 'ns.key': 'kv1-flat' })
    .put('kv', 'app/redis', { password: 'kv1-nested' })
    .put('secret', 'maverics', { plain: 'namespaced-value' }, 'team-a');
}

test.before(async () => {
  pki = generateTestPki();
  vault = await new VaultTestServer().start();
  seed(vault);
  tlsVault = await new VaultTestServer({ tls: { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca } }).start();
  seed(tlsVault);
});

test.after(async () => {
  await vault.stop();
  await tlsVault.stop();
  pki.cleanup();
});

test.before.each(() => {
  vault.resetCounters();
  vault.faults.reset();
  vault.oldVault = false;
  tlsVault.resetCounters();
});

test('token, KV v2 from /data/ in the URL: flat keys and dotted names', async () => {
  const result = await resolveSecrets(uses('plain', 'ns.key', 'db.password', 'db.user.name', 'number', 'missing', 'db.missing'), {
    secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=root-token`,
  });
  assert.is(result.values.get('plain')?.reveal(), 'plain-v2');
  assert.is(result.values.get('ns.key')?.reveal(), 'flat-dotted', 'the flat key wins');
  assert.is(result.values.get('db.password')?.reveal(), 'db-pass', 'key password of secret maverics/db');
  assert.is(result.values.get('db.user.name')?.reveal(), 'dotted-rest', 'split at the first dot');
  assert.is(result.values.get('number')?.reveal(), '42');
  assert.equal(result.problems.map((p) => [p.ruleId, p.reference]), [
    ['unresolved-secret', 'missing'],
    ['unresolved-secret', 'db.missing'],
  ]);
  assert.ok(vault.log.every((r) => r.path.startsWith('/v1/secret/data/maverics')), 'no preflight when the URL says data/');
  assert.ok(vault.log.every((r) => r.hadToken));
  // The base secret is read once, however many references look at it.
  assert.is(vault.log.filter((r) => r.path === '/v1/secret/data/maverics').length, 1);
});

test('a URL naming the mount (no base secret): <ns.key> is one read of <mount>/data/ns', async () => {
  const result = await resolveSecrets(uses('maverics.plain', 'other.x', 'plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data?token=root-token` });
  assert.is(result.values.get('maverics.plain')?.reveal(), 'plain-v2');
  assert.is(result.values.get('other.x')?.reveal(), 'other-x');
  assert.equal(result.problems.map((p) => p.reference), ['plain']);
  assert.equal(vault.log.map((r) => r.path).sort(), ['/v1/secret/data/maverics', '/v1/secret/data/other']);
  const viaPreflight = await resolveSecrets(uses('other.x'), { secretProvider: `hashivault+http://${vault.url}/secret?token=root-token` });
  assert.is(viaPreflight.values.get('other.x')?.reveal(), 'other-x');
});

test('preflight: a KV v2 mount without data/ in the URL gets data/ inserted', async () => {
  const result = await resolveSecrets(uses('plain', 'db.password'), { secretProvider: `hashivault+http://${vault.url}/secret/maverics?token=root-token` });
  assert.equal(result.problems, []);
  assert.is(result.values.get('plain')?.reveal(), 'plain-v2');
  assert.is(result.values.get('db.password')?.reveal(), 'db-pass');
  assert.is(vault.log[0]?.path, '/v1/sys/internal/ui/mounts/secret/maverics');
  assert.ok(vault.log.slice(1).every((r) => r.path.startsWith('/v1/secret/data/')));
});

test('preflight: a KV v1 mount is read as written; nested names under the path', async () => {
  const result = await resolveSecrets(uses('x', 'ns.key', 'redis.password'), { secretProvider: `hashivault+http://${vault.url}/kv/app?token=root-token` });
  assert.equal(result.problems, []);
  assert.is(result.values.get('x')?.reveal(), 'kv1-x');
  assert.is(result.values.get('ns.key')?.reveal(), 'kv1-flat');
  assert.is(result.values.get('redis.password')?.reveal(), 'kv1-nested');
  assert.ok(vault.log.some((r) => r.path === '/v1/kv/app/redis'));
});

test('preflight: a Vault without the endpoint (404) is treated as KV v1, like the CLI', async () => {
  vault.oldVault = true;
  const result = await resolveSecrets(uses('x'), { secretProvider: `hashivault+http://${vault.url}/kv/app?token=root-token` });
  assert.equal(result.problems, []);
  assert.is(result.values.get('x')?.reveal(), 'kv1-x');
});

test('AppRole login: the issued token reads; a bad secret_id is denied, not retried', async () => {
  const ok = await resolveSecrets(uses('plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?role_id=role-1&secret_id=secret-id-1` });
  assert.is(ok.values.get('plain')?.reveal(), 'plain-v2');
  assert.is(vault.log[0]?.path, '/v1/auth/approle/login');
  assert.not.ok(vault.log[0]?.hadToken);
  vault.resetCounters();
  const bad = await resolveSecrets(uses('plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?role_id=role-1&secret_id=wrong-SeCrEt` });
  assert.is(bad.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(bad.problems[0]?.message ?? '', /AppRole login .* HTTP 400 \(invalid role or secret ID\)/);
  assert.not.match(bad.problems[0]?.message ?? '', /wrong-SeCrEt/);
  assert.is(bad.requests, 1);
});

test('namespace: X-Vault-Namespace is sent on every request and selects the namespace', async () => {
  const result = await resolveSecrets(uses('plain'), {
    secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?role_id=role-1&secret_id=secret-id-1&namespace=team-a`,
  });
  assert.is(result.values.get('plain')?.reveal(), 'namespaced-value');
  assert.ok(vault.log.every((r) => r.namespace === 'team-a'));
  assert.match(result.values.get('plain')?.reference ?? '', /plain/);
});

test('VAULT_TOKEN and VAULT_NAMESPACE from the given environment when the URL has none', async () => {
  const result = await resolveSecrets(uses('plain'), {
    secretProvider: `hashivault+http://${vault.url}/secret/data/maverics`,
    env: { VAULT_TOKEN: 'root-token', VAULT_NAMESPACE: 'team-a' },
  });
  assert.is(result.values.get('plain')?.reveal(), 'namespaced-value');
  const none = await resolveSecrets(uses('plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics`, env: {} });
  assert.match(none.problems[0]?.message ?? '', /no credentials: add \?token=/);
});

test('403 permission denied: denied, not retried', async () => {
  vault.deny('secret/data/other');
  const result = await resolveSecrets(uses('x'), { secretProvider: `hashivault+http://${vault.url}/secret/data/other?token=root-token` });
  assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(result.problems[0]?.message ?? '', /HTTP 403 \(permission denied\)/);
  assert.is(result.requests, 1);
  const badToken = await resolveSecrets(uses('plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=nope-SeCrEt` });
  assert.match(badToken.problems[0]?.message ?? '', /permission denied/);
  assert.not.match(badToken.problems[0]?.message ?? '', /nope-SeCrEt/);
});

test('5xx is retried and then succeeds; a 5xx that persists is reported after the attempts', async () => {
  const resolve: ResolveWith = (list, options) => resolveSecrets(list, { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=root-token`, ...options });
  await assertRetriesThenGivesUp(resolve, 'plain', {
    injectTransient: () => vault.faults.failNext(2, 503),
    transient: 2,
    injectPersistent: () => vault.faults.failNext(10, 500, 'upstream exploded <html>'),
    persistent: /HTTP 500/,
    neverQuoted: /exploded/,
    reset: () => vault.faults.reset(),
  });
});

test('a garbage 200 body is a bad response', async () => {
  vault.faults.garbageNext(1);
  const result = await resolveSecrets(uses('plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=root-token` });
  assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(result.problems[0]?.message ?? '', /not what Vault sends/);
  assert.is(result.requests, 1);
});

test('HTTPS with VAULT_CACERT and token; TLS certificate login with client_cert and client_key', async () => {
  const https = await resolveSecrets(uses('plain'), { secretProvider: `hashivaults://${tlsVault.url}/secret/data/maverics?token=root-token`, env: { VAULT_CACERT: pki.caFile } });
  assert.equal(https.problems, []);
  assert.is(https.values.get('plain')?.reveal(), 'plain-v2');
  tlsVault.resetCounters();
  const cert = await resolveSecrets(uses('db.password'), {
    secretProvider: `hashivault://${tlsVault.url}/secret/data/maverics?client_cert=${pki.clientCertFile}&client_key=${pki.clientKeyFile}`,
    env: { VAULT_CACERT: pki.caFile },
  });
  assert.equal(cert.problems, []);
  assert.is(cert.values.get('db.password')?.reveal(), 'db-pass');
  assert.is(tlsVault.log[0]?.path, '/v1/auth/cert/login');
});

test('TLS failures: untrusted server, untrusted client certificate, HTTPS against plain HTTP', async () => {
  const untrusted = await resolveSecrets(uses('plain'), { secretProvider: `hashivaults://${tlsVault.url}/secret/data/maverics?token=root-token`, env: {} });
  assert.match(untrusted.problems[0]?.message ?? '', /cannot connect/);
  const stranger = await resolveSecrets(uses('plain'), {
    secretProvider: `hashivaults://${tlsVault.url}/secret/data/maverics?client_cert=${pki.strangerCertFile}&client_key=${pki.strangerKeyFile}`,
    env: { VAULT_CACERT: pki.caFile },
  });
  assert.match(stranger.problems[0]?.message ?? '', /TLS certificate login .* HTTP 400/);
  const wrongScheme = await resolveSecrets(uses('plain'), { secretProvider: `hashivault://${vault.url}/secret/data/maverics?token=root-token`, env: {} });
  assert.match(wrongScheme.problems[0]?.message ?? '', /cannot connect .*hashivault\+http:\/\//);
  const missingCert = await resolveSecrets(uses('plain'), {
    secretProvider: `hashivaults://${tlsVault.url}/secret/data/maverics?client_cert=/nonexistent/c.pem&client_key=/nonexistent/k.pem`,
  });
  assert.match(missingCert.problems[0]?.message ?? '', /cannot read the client certificate \/nonexistent\/c\.pem \(ENOENT\)/);
});

test('a failed login is not repeated for every reference; a denied base is read once', async () => {
  const refs = Array.from({ length: 20 }, (_, i) => `k${i}`);
  const bad = await resolveSecrets(uses(...refs), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?role_id=role-1&secret_id=wrong` });
  assert.is(bad.problems.length, 20);
  assert.is(vault.log.filter((r) => r.path === '/v1/auth/approle/login').length, 1);
  vault.resetCounters();
  vault.deny('secret/data/denied-base');
  const denied = await resolveSecrets(uses(...refs.map((r) => `${r}.x`)), { secretProvider: `hashivault+http://${vault.url}/secret/data/denied-base?token=root-token` });
  assert.is(denied.problems.length, 20);
  assert.is(vault.log.filter((r) => r.path === '/v1/secret/data/denied-base').length, 1);
});

test('connection refused is reported as unreachable, and the run settles', async () => {
  const closed = await new VaultTestServer().start();
  await closed.stop();
  const result = await settles(resolveSecrets(uses('a', 'b'), { secretProvider: `hashivault+http://${closed.url}/secret/data/x?token=root-token` }), 'a refused run');
  assert.is(result.problems.length, 2);
  assert.ok(result.problems.every((p) => /cannot connect \(ECONNREFUSED\)/.test(p.message)));
});

test('Strata\'s documented mapping: <maverics.key> is the key of the secret at the URL path …/maverics', async () => {
  const result = await resolveSecrets(uses('maverics.plain', 'maverics.number', 'maverics.nope'), {
    secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=root-token`,
  });
  assert.is(result.values.get('maverics.plain')?.reveal(), 'plain-v2');
  assert.is(result.values.get('maverics.number')?.reveal(), '42');
  assert.equal(result.problems.map((p) => [p.ruleId, p.reference]), [['unresolved-secret', 'maverics.nope']]);
  // The base is read once; a miss falls back to <path>/maverics, as before.
  assert.is(vault.log.filter((r) => r.path === '/v1/secret/data/maverics').length, 1);
});

test('X-Vault-Request: true on every request: a Vault that requires it answers', async () => {
  vault.requireRequestHeader = true;
  try {
    const result = await resolveSecrets(uses('plain', 'db.password'), {
      secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?role_id=role-1&secret_id=secret-id-1`,
    });
    assert.equal(result.problems, []);
    assert.is(result.values.get('db.password')?.reveal(), 'db-pass');
  } finally {
    vault.requireRequestHeader = false;
  }
});

test('a limited-use login token is a warning: every check spends a login', async () => {
  vault.tokenNumUses = 5;
  try {
    const result = await resolveSecrets(uses('plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?role_id=role-1&secret_id=secret-id-1` });
    assert.equal(result.problems, []);
    assert.is(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? '', /limited to 5 uses/);
    assert.not.match(result.warnings[0] ?? '', /secret-id-1/);
  } finally {
    vault.tokenNumUses = 0;
  }
});

test('error bodies are quoted by Vault\'s fixed messages only: an echoed token is never printed', async () => {
  vault.echoHeaders = true;
  vault.faults.failNext(1, 403);
  try {
    const result = await resolveSecrets(uses('plain'), { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=echo-ToKeN-42` });
    const message = result.problems[0]?.message ?? '';
    assert.match(message, /HTTP 403 \(permission denied\)$/);
    assert.not.match(message, /echo-ToKeN-42|request headers/);
  } finally {
    vault.echoHeaders = false;
  }
});

test('a dropped kept-alive connection (ECONNRESET) is tried once more, not more', async () => {
  const resolve: ResolveWith = (list, options) => resolveSecrets(list, { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=root-token`, ...options });
  await assertDroppedConnectionRetriedOnce(resolve, 'plain', (n) => vault.faults.dropNext(n), () => vault.faults.reset());
});

test.run();
