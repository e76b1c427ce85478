/**
 * Azure Key Vault through the real `@azure/keyvault-secrets` and `@azure/identity` clients, against a
 * loopback server that plays Entra ID (authority metadata, client-credentials token) and Key Vault
 * (challenge, secrets) over TLS with the test CA.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseProviderUrl } from '../../src/secrets/providers/index.js';
import { splitAzureReference } from '../../src/secrets/providers/azurekeyvault.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { AzureKeyVaultTestServer } from '../support/azure-keyvault-server.js';
import { generateTestPki, type TestPki } from '../support/pki.js';
import '../../src/secrets/providers/index.js';
import { assertDroppedConnectionRetriedOnce, assertOneRequestPerDistinctKey, assertRetriesThenGivesUp, type ResolveWith } from '../support/provider-scenarios.js';
import { assertTimeoutPerReference } from '../support/resolver-assertions.js';

let pki: TestPki;
let az: AzureKeyVaultTestServer;
let env: Record<string, string>;
let oldVersion = '';
const CLIENT_SECRET = 'az-client-SeCrEt~42';

function url(credentials = `clientID=maverics-app&clientSecret=${encodeURIComponent(CLIENT_SECRET)}&tenantID=contoso`): string {
  return `azurekeyvault://${az.host}?${credentials}&entraIDHost=${az.host}`;
}
function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['connectors', i, 'oauthClientSecret'] }));
}

const resolve: ResolveWith = (list, options) => resolveSecrets(list, { secretProvider: url(), env, ...options });

test.before(async () => {
  pki = generateTestPki();
  env = { NODE_EXTRA_CA_CERTS: pki.caFile };
  az = await new AzureKeyVaultTestServer(pki).start();
  az.addClient('contoso', 'maverics-app', CLIENT_SECRET);
  az.addClient('fabrikam', 'other-app', 'other-secret');
  az.vaultTenant = 'contoso';
  az.put('okta-client-secret', 'okta-secret-value');
  oldVersion = az.put('rotated', 'old-value');
  az.put('rotated', 'new-value');
  az.put('tls-key', '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n');
  az.put('locked', 'locked-value', { forbidden: true });
  for (let i = 0; i < 20; i++) az.put(`bulk-${i}`, `bulk-value-${i}`);
});
test.after(async () => {
  await az.stop();
  pki.cleanup();
});
test.before.each(() => az.resetCounters());

test('URL: all three credentials or none; a partial set names the missing one', () => {
  assert.equal(parseProviderUrl('azurekeyvault://myvault.vault.azure.net'), { kind: 'azurekeyvault', vaultUrl: 'https://myvault.vault.azure.net' });
  assert.throws(() => parseProviderUrl('azurekeyvault://myvault.vault.azure.net?clientID=c&tenantID=t'), /the parameter clientSecret is missing/);
  assert.throws(() => parseProviderUrl('azurekeyvault://myvault.vault.azure.net?clientSecret=s'), /the parameter clientID is missing/);
  assert.equal(splitAzureReference('okta-client-secret'), { name: 'okta-client-secret' });
  assert.equal(splitAzureReference('rotated/0123abcd'), { name: 'rotated', version: '0123abcd' });
  assert.is(splitAzureReference('okta.client_secret'), undefined);
  assert.is(splitAzureReference('a/b/c'), undefined);
});

test('the real SDK: challenge, one client-credentials token, secrets by name and by version', async () => {
  const result = await resolveSecrets(uses('okta-client-secret', 'rotated', `rotated/${oldVersion}`, 'tls-key'), { secretProvider: url(), env });
  assert.equal(result.problems, []);
  assert.is(result.values.get('okta-client-secret')?.reveal(), 'okta-secret-value');
  assert.is(result.values.get('rotated')?.reveal(), 'new-value', 'the latest version without one');
  assert.is(result.values.get(`rotated/${oldVersion}`)?.reveal(), 'old-value');
  assert.is(result.values.get('tls-key')?.reveal(), '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n');
  assert.is(az.tokenRequests, 1, 'one token for every read');
  assert.ok(az.challenges >= 1, 'the first request is the unauthenticated challenge');
  assert.is(az.reads, 4);
  const read = az.log.find((r) => r.read);
  assert.ok(read?.query.get('api-version'), 'the SDK sends its api-version');
});

test('without credentials in the URL: the default credential chain (here its environment credential)', async () => {
  // EnvironmentCredential, first in DefaultAzureCredential's chain, reads the process's own environment.
  const saved = { ...process.env };
  Object.assign(process.env, { AZURE_CLIENT_ID: 'maverics-app', AZURE_CLIENT_SECRET: CLIENT_SECRET, AZURE_TENANT_ID: 'contoso' });
  try {
    const result = await resolveSecrets(uses('okta-client-secret'), { secretProvider: `azurekeyvault://${az.host}?entraIDHost=${az.host}`, env, timeoutMs: 10_000 });
    assert.equal(result.problems, []);
    assert.is(result.values.get('okta-client-secret')?.reveal(), 'okta-secret-value');
    assert.is(az.tokenRequests, 1);
  } finally {
    for (const name of ['AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_TENANT_ID']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
});

test('no credential anywhere: a precise diagnostic saying what to add', async () => {
  // The chain's developer-tool credentials (az, pwsh, azd) are kept out by an empty PATH. On an Azure
  // VM, managed identity would answer instead and this test does not apply.
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (/^(AZURE_|IDENTITY_|MSI_)/.test(name)) delete process.env[name];
  process.env['PATH'] = '';
  try {
    const result = await resolveSecrets(uses('okta-client-secret'), { secretProvider: `azurekeyvault://${az.host}?entraIDHost=${az.host}`, env, timeoutMs: 15_000 });
    assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
    assert.match(result.problems[0]?.message ?? '', /no Azure credential: add clientID, clientSecret and tenantID to the URL, or set up the default credential chain/);
  } finally {
    Object.assign(process.env, saved);
  }
});

test('names Key Vault cannot hold are unresolved without a request; SecretNotFound is unresolved', async () => {
  const result = await resolveSecrets(uses('okta.client_secret', 'no-such-secret'), { secretProvider: url(), env });
  assert.equal(result.problems.map((p) => [p.reference, p.ruleId]), [
    ['okta.client_secret', 'unresolved-secret'],
    ['no-such-secret', 'unresolved-secret'],
  ]);
  assert.is(az.reads, 1);
});

test('a wrong client secret: a precise denial, asked once, the secret never shown', async () => {
  const refs = Array.from({ length: 20 }, (_, i) => `bulk-${i}`);
  const result = await resolveSecrets(uses(...refs), { secretProvider: url('clientID=maverics-app&clientSecret=WrOnG-az-secret&tenantID=contoso'), env });
  assert.is(result.problems.length, 20);
  assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(
    result.problems[0]?.message ?? '',
    /azurekeyvault:\/\/127\.0\.0\.1:\d+: listing the secrets failed: the Entra ID token request for client maverics-app in tenant contoso was refused \(invalid_client AADSTS7000215\)/,
  );
  assert.ok(result.problems.every((p) => !p.message.includes('WrOnG-az-secret')));
  assert.is(result.requests, 20, 'denied is not retried');
  assert.ok(az.tokenRequests <= 8, `a refusal is remembered (${az.tokenRequests} token requests for 20 references at concurrency 8)`);
});

test('an unknown client, and a client of another tenant, are precise denials', async () => {
  const unknown = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url('clientID=nobody&clientSecret=x&tenantID=contoso'), env });
  assert.match(unknown.problems[0]?.message ?? '', /token request for client nobody in tenant contoso was refused \(unauthorized_client AADSTS700016\)/);
  const otherTenant = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url('clientID=other-app&clientSecret=other-secret&tenantID=fabrikam'), env });
  assert.match(otherTenant.problems[0]?.message ?? '', /the vault belongs to another tenant than tenantID fabrikam/);
  assert.is(otherTenant.requests, 1);
});

test('forbidden (RBAC) is denied and not retried', async () => {
  const result = await resolveSecrets(uses('locked'), { secretProvider: url(), env });
  assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(result.problems[0]?.message ?? '', /getting the secret locked failed: HTTP 403 \(Forbidden\/ForbiddenByRbac\)/);
  assert.is(result.requests, 1);
});

test('200 uses over 20 secrets: 20 reads and one token', async () => {
  await assertOneRequestPerDistinctKey(resolve, (i) => `bulk-${i}`, (i) => `bulk-value-${i}`);
  assert.is(az.reads, 20);
  assert.is(az.tokenRequests, 1);
  assert.is(az.challenges, 1, 'every read waits for the List check, so one challenge round trip');
  assert.is(az.log.filter((r) => r.path === '/secrets' && r.headers['authorization'] !== undefined).length, 1, 'List permission is checked once');
});

test('as the Orchestrator pre-populates enabled secrets only: a disabled secret is unresolved', async () => {
  az.put('switched-off', 'old-value', { disabled: true });
  const result = await resolveSecrets(uses('switched-off', 'okta-client-secret'), { secretProvider: url(), env });
  assert.equal(result.problems.map((p) => [p.ruleId, p.reference]), [['unresolved-secret', 'switched-off']]);
});

test('an identity without List permission fails, once, saying the Orchestrator lists at start-up', async () => {
  az.listForbidden = true;
  const result = await resolveSecrets(uses('okta-client-secret', 'bulk-1'), { secretProvider: url(), env });
  assert.is(result.problems.length, 2);
  assert.ok(result.problems.every((p) => /listing the secrets failed: HTTP 403 \(Forbidden(\/ForbiddenByRbac)?\): the identity may not list secrets/.test(p.message)), result.problems[0]?.message);
  assert.is(az.log.filter((r) => r.path === '/secrets').length, 2, 'one challenge and one refused List, then remembered');
  assert.is(az.reads, 0);
});

test('no role on the vault: 403 for a missing name too (RBAC is checked first), never "not found"', async () => {
  az.noRole = true;
  const result = await resolveSecrets(uses('no-such-secret'), { secretProvider: url(), env });
  assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
});

test('429 with Retry-After: the retry waits at least that long, inside the budget', async () => {
  az.faults.failNext(1, 429);
  const result = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url(), env, retryBaseMs: 0 });
  assert.equal(result.problems, []);
  assert.is(result.requests, 2);
  const [first, second] = az.log.filter((r) => r.read);
  assert.ok(first && second);
  // Retry-After: 1 (seconds) from the injected 429; measured on the server's own log clock.
  assert.ok(second.at - first.at >= 1000, 'the retry came after Retry-After');
});

test('a slow server: bounded time, a timeout per reference, no retry', async () => {
  az.faults.delayMs = 5000;
  const refs = Array.from({ length: 16 }, (_, i) => `bulk-${i}`);
  await assertTimeoutPerReference((timeoutMs) => resolveSecrets(uses(...refs), { secretProvider: url(), env, timeoutMs }), 16);
});

test('throttling (429) and 5xx are retried by the resolver (the SDK retries are off), then succeed', async () => {
  await assertRetriesThenGivesUp(resolve, 'okta-client-secret', {
    injectTransient: () => (az.faults.failNext(1, 429), az.faults.failNext(1, 503)),
    transient: 2,
    injectPersistent: () => az.faults.failNext(10, 500),
    persistent: /HTTP 500 \(InternalServerError\)/,
    reset: () => az.resetCounters(),
  });
});

test('TLS: a vault the CA does not vouch for is unreachable; connection refused', async () => {
  const untrusted = await resolveSecrets(uses('okta-client-secret'), { secretProvider: url(), env: {} });
  assert.is(untrusted.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(untrusted.problems[0]?.message ?? '', /cannot connect \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/);
  const down = await new AzureKeyVaultTestServer(pki).start();
  await down.stop();
  const refused = await resolveSecrets(uses('okta-client-secret'), { secretProvider: `azurekeyvault://${down.host}?entraIDHost=${az.host}&clientID=maverics-app&clientSecret=x&tenantID=contoso`, env });
  assert.match(refused.problems[0]?.message ?? '', /cannot connect \(ECONNREFUSED\)/);
});

test('a dropped kept-alive connection (ECONNRESET) is tried once more, not more', async () => {
  await assertDroppedConnectionRetriedOnce(resolve, 'okta-client-secret', (n) => az.faults.dropNext(n), () => az.faults.reset());
});

test.run();
