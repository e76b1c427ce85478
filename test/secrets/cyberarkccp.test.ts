import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseProviderUrl } from '../../src/secrets/providers/index.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { CcpTestServer } from '../support/ccp-server.js';
import { generateTestPki, type TestPki } from '../support/pki.js';
import '../../src/secrets/providers/index.js';
import { assertDroppedConnectionRetriedOnce, assertOneRequestPerDistinctKey, assertRetriesThenGivesUp, type ResolveWith } from '../support/provider-scenarios.js';
import { assertTimeoutPerReference } from '../support/resolver-assertions.js';

let pki: TestPki;
let ccp: CcpTestServer;
let custom: CcpTestServer;

function url(extra = '', host = ccp.host): string {
  return `cyberarkccp://${host}?appID=maverics-app&safe=Maverics&certFile=${pki.clientCertFile}&keyFile=${pki.clientKeyFile}&caFile=${pki.caFile}${extra}`;
}
function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['connectors', i, 'oauthClientSecret'] }));
}

const resolve: ResolveWith = (list, options) => resolveSecrets(list, { secretProvider: url(), env: {}, ...options });

test.before(async () => {
  pki = generateTestPki();
  ccp = await new CcpTestServer(pki).start();
  ccp.allowApp('maverics-app');
  ccp.put('Maverics', 'okta-client-secret', 'okta-secret-value');
  ccp.put('Maverics', 'tls-key', '-----BEGIN PRIVATE KEY-----^MIIEvQ^-----END PRIVATE KEY-----');
  ccp.put('Maverics', 'in-folder', 'folder-value', 'Apps');
  for (let i = 0; i < 20; i++) ccp.put('Maverics', `bulk${i}`, `bulk-${i}`);
  custom = await new CcpTestServer(pki, '/AIMWebServiceProd').start();
  custom.allowApp('maverics-app');
  custom.put('Maverics', 'okta-client-secret', 'from-custom-path');
});
test.after(async () => {
  await ccp.stop();
  await custom.stop();
  pki.cleanup();
});
test.before.each(() => {
  ccp.resetCounters();
  custom.resetCounters();
});

test('the URL parses as the Orchestrator documents it, newLineDelim included', () => {
  const config = parseProviderUrl('cyberarkccp://ccp.example.com?appID=a&safe=s&certFile=%2Fetc%2Fmy%20certs%2Fc.pem&keyFile=k.pem&folder=f&newLineDelim=%5E');
  assert.equal(config, { kind: 'cyberarkccp', host: 'ccp.example.com', appId: 'a', safe: 's', certFile: '/etc/my certs/c.pem', keyFile: 'k.pem', folder: 'f', newLineDelim: '^', basePath: '/AIMWebService' });
});

test('mutual TLS: objects by name from the safe (and folder); newLineDelim restores newlines', async () => {
  const result = await resolveSecrets(uses('okta-client-secret', 'tls-key'), { secretProvider: url('&newLineDelim=%5E'), env: {} });
  assert.equal(result.problems, []);
  assert.is(result.values.get('okta-client-secret')?.reveal(), 'okta-secret-value');
  assert.is(result.values.get('tls-key')?.reveal(), '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----');
  const first = ccp.log[0];
  assert.ok(first?.clientCertOk, 'the client certificate was presented');
  assert.is(first?.path, '/AIMWebService/api/Accounts');
  assert.is(first?.query.get('AppID'), 'maverics-app');
  assert.is(first?.query.get('Safe'), 'Maverics');
  const folder = await resolveSecrets(uses('in-folder'), { secretProvider: url('&folder=Apps'), env: {} });
  assert.is(folder.values.get('in-folder')?.reveal(), 'folder-value');
  assert.is(ccp.log.at(-1)?.query.get('Folder'), 'Apps');
  const withoutDelim = await resolveSecrets(uses('tls-key'), { secretProvider: url(), env: {} });
  assert.is(withoutDelim.values.get('tls-key')?.reveal(), '-----BEGIN PRIVATE KEY-----^MIIEvQ^-----END PRIVATE KEY-----');
});

test('a web service under another name is the URL path', async () => {
  const result = await resolveSecrets(uses('okta-client-secret'), {
    secretProvider: `cyberarkccp://${custom.host}/AIMWebServiceProd?appID=maverics-app&safe=Maverics&certFile=${pki.clientCertFile}&keyFile=${pki.clientKeyFile}&caFile=${pki.caFile}`,
    env: {},
  });
  assert.equal(result.problems, []);
  assert.is(result.values.get('okta-client-secret')?.reveal(), 'from-custom-path');
  const wrongPath = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url('', custom.host), env: {} });
  assert.match(wrongPath.problems[0]?.message ?? '', /HTTP 404 \(no CCP web service at this path: is it \/AIMWebService\?\)/);
});

test('APPAP004E is unresolved; an unknown AppID or an untrusted certificate is a precise denial, not retried', async () => {
  const missing = await resolveSecrets(uses('nope'), { secretProvider: url(), env: {} });
  assert.is(missing.problems[0]?.ruleId, 'unresolved-secret');
  const app = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url().replace('appID=maverics-app', 'appID=intruder'), env: {} });
  assert.is(app.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(app.problems[0]?.message ?? '', /fetching the object okta-client-secret from the safe Maverics as AppID intruder failed: HTTP 403 \(APPAP306E\) \(the client certificate or AppID is not allowed/);
  assert.is(app.requests, 1);
  const stranger = await resolveSecrets(uses('okta-client-secret'), {
    secretProvider: url().replace(pki.clientCertFile, pki.strangerCertFile).replace(pki.clientKeyFile, pki.strangerKeyFile),
    env: {},
  });
  assert.match(stranger.problems[0]?.message ?? '', /HTTP 403 \(the web server refused the client certificate before CCP ran: IIS 403\.7\)/);
  assert.is(stranger.requests, 1);
});

test('APPAP282E (500, the CPM is changing the password) is retried after a longer wait, inside the budget', async () => {
  ccp.changing.set('okta-client-secret', 1);
  const result = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url(), env: {}, retryBaseMs: 0 });
  assert.equal(result.problems, []);
  assert.is(result.values.get('okta-client-secret')?.reveal(), 'okta-secret-value');
  assert.is(result.requests, 2);
  const [first, second] = ccp.log.filter((r) => r.read);
  assert.ok(first && second && second.at - first.at >= 1000, 'waited the CPM backoff, not retryBaseMs');
  // A change that outlasts the budget ends as a server error naming the code.
  ccp.changing.set('okta-client-secret', 100);
  const stuck = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url(), env: {}, totalTimeoutMs: 1500 });
  assert.match(stuck.problems[0]?.message ?? '', /HTTP 500 \(APPAP282E\) \(the CPM is changing this password\)/);
});

test('query values are %20-encoded, never +', async () => {
  ccp.put('Maverics', 'okta client+secret', 'spaced-value');
  const result = await resolveSecrets(uses('okta client+secret'), { secretProvider: url(), env: {} });
  assert.equal(result.problems, []);
  assert.is(result.values.get('okta client+secret')?.reveal(), 'spaced-value');
  const read = ccp.log.find((r) => r.read);
  assert.match(read?.rawQuery ?? '', /Object=okta%20client%2Bsecret/);
});

test('missing parameters and unreadable files are named', async () => {
  const noSafe = await resolveSecrets(uses('x'), { secretProvider: `cyberarkccp://${ccp.host}?appID=a&certFile=c&keyFile=k`, env: {} });
  assert.match(noSafe.problems[0]?.message ?? '', /the parameter safe is missing/);
  const noKey = await resolveSecrets(uses('x'), { secretProvider: `cyberarkccp://${ccp.host}?appID=a&safe=s&certFile=c`, env: {} });
  assert.match(noKey.problems[0]?.message ?? '', /the parameter keyFile is missing/);
  const badCert = await resolveSecrets(uses('x'), { secretProvider: url().replace(pki.clientCertFile, '/nonexistent/client.pem'), env: {} });
  assert.match(badCert.problems[0]?.message ?? '', /cannot read the client certificate \/nonexistent\/client\.pem \(ENOENT\)/);
  assert.is(ccp.requests, 0);
});

test('200 uses over 20 objects: 20 requests', async () => {
  await assertOneRequestPerDistinctKey(resolve, (i) => `bulk${i}`, (i) => `bulk-${i}`);
  assert.is(ccp.requests, 20);
});

test('a slow server: bounded time, a timeout per reference, no retry', async () => {
  ccp.faults.delayMs = 5000;
  const refs = Array.from({ length: 16 }, (_, i) => `bulk${i}`);
  await assertTimeoutPerReference((timeoutMs) => resolveSecrets(uses(...refs), { secretProvider: url(), env: {}, timeoutMs }), 16);
});

test('5xx and 429 are retried, then succeed; garbage is a bad response that quotes nothing', async () => {
  await assertRetriesThenGivesUp(resolve, 'okta-client-secret', {
    injectTransient: () => (ccp.faults.failNext(1, 500), ccp.faults.failNext(1, 429)),
    transient: 2,
    injectPersistent: () => ccp.faults.failNext(10, 503),
    persistent: /HTTP 503 \(APPAP999E\)/,
    neverQuoted: /Internal error/,
    reset: () => ccp.resetCounters(),
  });
  ccp.faults.garbageNext(1);
  const garbage = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url(), env: {} });
  assert.match(garbage.problems[0]?.message ?? '', /the answer is not CCP JSON with a Content field/);
  assert.not.match(garbage.problems[0]?.message ?? '', /html|garbage/);
  assert.is(garbage.requests, 1);
});

test('TLS: without the CA the server is unreachable; connection refused', async () => {
  const untrusted = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url().replace(`&caFile=${pki.caFile}`, ''), env: {} });
  assert.match(untrusted.problems[0]?.message ?? '', /cannot connect \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/);
  const down = await new CcpTestServer(pki).start();
  await down.stop();
  const refused = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url('', down.host), env: {} });
  assert.match(refused.problems[0]?.message ?? '', /cannot connect \(ECONNREFUSED\)/);
});

test('a dropped kept-alive connection (ECONNRESET) is tried once more, not more', async () => {
  await assertDroppedConnectionRetriedOnce(resolve, 'okta-client-secret', (n) => ccp.faults.dropNext(n), () => ccp.faults.reset());
});

test.run();
