/**
 * Canary test for Conjur, Delinea, CyberArk CCP and Azure Key Vault, as canary-file-vault-aws.test.ts does
 * for the other three: known secret values and the credentials in provider URLs go through
 * successful reads and through failure paths (wrong credentials, error bodies that echo a value,
 * garbage, denials); then every problem message, every thrown error (message, stack, JSON,
 * util.inspect, cause chain) and util.inspect / JSON of the results must be free of every canary.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CanaryRecorder } from '../support/canary-recorder.js';
import { secretProviderFactory } from '../../src/secrets/registry.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { AzureKeyVaultTestServer } from '../support/azure-keyvault-server.js';
import { CcpTestServer } from '../support/ccp-server.js';
import { ConjurTestServer } from '../support/conjur-server.js';
import { DelineaTestServer } from '../support/delinea-server.js';
import { generateTestPki, type TestPki } from '../support/pki.js';
import '../../src/secrets/providers/index.js';

const VALUE = {
  conjur: 'CANARY-conjur-value-3e1',
  delinea: 'CANARY-delinea-value-77a',
  ccp: 'CANARY-ccp-value-b52',
  azure: 'CANARY-azure-value-0d9',
  multi: 'CANARY-multi-line1\nCANARY-multi-line2',
};
const CREDENTIAL = {
  conjurKey: 'CANARYKEY-conjur-apikey-11',
  delineaPassword: 'CANARYKEY-delinea-password-22',
  azureSecret: 'CANARYKEY-azure-client-secret-33',
  wrong: 'CANARYKEY-wrong-credential-44',
};
const CANARIES = [...Object.values(VALUE), ...Object.values(CREDENTIAL), 'CANARY-multi-line1'];

let pki: TestPki;
let conjur: ConjurTestServer;
let delinea: DelineaTestServer;
let ccp: CcpTestServer;
let azure: AzureKeyVaultTestServer;
let env: Record<string, string>;
const recorder = new CanaryRecorder();
const recordResult = recorder.recordResult.bind(recorder);
const recordError = recorder.recordError.bind(recorder);
function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['canary', i] }));
}

const urls = {
  conjur: (key = CREDENTIAL.conjurKey) => `conjur://${conjur.host}/acme/host%2Fmaverics?apikey=${key}`,
  delinea: (password = CREDENTIAL.delineaPassword) => `delinea://${delinea.host}/SecretServer?username=svc&password=${password}&folder=%5CMaverics`,
  ccp: (app = 'app') => `cyberarkccp://${ccp.host}?appID=${app}&safe=Safe&certFile=${pki.clientCertFile}&keyFile=${pki.clientKeyFile}&caFile=${pki.caFile}&newLineDelim=%5E`,
  azure: (secret = CREDENTIAL.azureSecret) => `azurekeyvault://${azure.host}?clientID=app&clientSecret=${secret}&tenantID=tenant&entraIDHost=${azure.host}`,
};

test.before(async () => {
  pki = generateTestPki();
  env = { NODE_EXTRA_CA_CERTS: pki.caFile, CONJUR_CERT_FILE: pki.caFile };
  conjur = await new ConjurTestServer(pki).start();
  conjur.addHost('acme', 'host/maverics', CREDENTIAL.conjurKey).put('acme', 'app/secret', VALUE.conjur).put('acme', 'app/multi', VALUE.multi);
  conjur.put('acme', 'app/locked', VALUE.conjur).forbid('acme', 'app/locked');
  delinea = await new DelineaTestServer(pki).start();
  delinea.addUser('svc', CREDENTIAL.delineaPassword);
  delinea.put('\\Maverics', 'app', { password: VALUE.delinea, multi: VALUE.multi });
  delinea.put('\\Maverics', 'locked', { password: VALUE.delinea }, { denied: true });
  ccp = await new CcpTestServer(pki).start();
  ccp.allowApp('app').put('Safe', 'secret', VALUE.ccp).put('Safe', 'multi', VALUE.multi.replace('\n', '^'));
  azure = await new AzureKeyVaultTestServer(pki).start();
  azure.addClient('tenant', 'app', CREDENTIAL.azureSecret);
  azure.put('secret', VALUE.azure);
  azure.put('multi', VALUE.multi);
  azure.put('locked', VALUE.azure, { forbidden: true });
});
test.after(async () => {
  await Promise.all([conjur.stop(), delinea.stop(), ccp.stop(), azure.stop()]);
  pki.cleanup();
});

test('values resolve through every provider and stay redacted', async () => {
  const c = await resolveSecrets(uses('app/secret', 'app/multi'), { secretProvider: urls.conjur(), env });
  assert.is(c.values.get('app/secret')?.reveal(), VALUE.conjur);
  assert.is(c.values.get('app/multi')?.reveal(), VALUE.multi);
  recordResult('conjur', c);
  const d = await resolveSecrets(uses('app.password', 'app.multi'), { secretProvider: urls.delinea(), env });
  assert.is(d.values.get('app.password')?.reveal(), VALUE.delinea);
  recordResult('delinea', d);
  const k = await resolveSecrets(uses('secret', 'multi'), { secretProvider: urls.ccp(), env });
  assert.is(k.values.get('secret')?.reveal(), VALUE.ccp);
  assert.is(k.values.get('multi')?.reveal(), VALUE.multi);
  recordResult('ccp', k);
  const a = await resolveSecrets(uses('secret', 'multi'), { secretProvider: urls.azure(), env });
  assert.is(a.values.get('secret')?.reveal(), VALUE.azure);
  recordResult('azure', a);
});

test('failure paths: wrong credentials, echoing error bodies, garbage, denials', async () => {
  recordResult('conjur wrong key', await resolveSecrets(uses('app/secret'), { secretProvider: urls.conjur(CREDENTIAL.wrong), env }));
  recordResult('conjur locked', await resolveSecrets(uses('app/locked'), { secretProvider: urls.conjur(), env }));
  conjur.faults.failNext(4, 500, JSON.stringify({ error: { code: 'internal_server_error', message: `boom ${VALUE.conjur} ${CREDENTIAL.conjurKey}` } }));
  recordResult('conjur 500 echo', await resolveSecrets(uses('app/secret'), { secretProvider: urls.conjur(), env, retryBaseMs: 1 }));
  conjur.faults.reset();

  recordResult('delinea wrong password', await resolveSecrets(uses('app.password'), { secretProvider: urls.delinea(CREDENTIAL.wrong), env }));
  recordResult('delinea locked', await resolveSecrets(uses('locked.password'), { secretProvider: urls.delinea(), env }));
  delinea.faults.failNext(4, 503, JSON.stringify({ message: `boom ${VALUE.delinea}`, errorCode: VALUE.delinea }));
  recordResult('delinea 503 echo', await resolveSecrets(uses('app.password'), { secretProvider: urls.delinea(), env, retryBaseMs: 1 }));
  delinea.faults.reset();

  recordResult('ccp wrong app', await resolveSecrets(uses('secret'), { secretProvider: urls.ccp('intruder'), env }));
  ccp.faults.failNext(4, 500, JSON.stringify({ ErrorCode: 'APPAP999E', ErrorMsg: `boom ${VALUE.ccp}` }));
  recordResult('ccp 500 echo', await resolveSecrets(uses('secret'), { secretProvider: urls.ccp(), env, retryBaseMs: 1 }));
  ccp.faults.reset();
  ccp.faults.failNext(1, 200, `{"Content": "${VALUE.ccp}", broken`);
  recordResult('ccp truncated json', await resolveSecrets(uses('secret'), { secretProvider: urls.ccp(), env }));
  ccp.faults.reset();

  recordResult('azure wrong secret', await resolveSecrets(uses('secret'), { secretProvider: urls.azure(CREDENTIAL.wrong), env }));
  recordResult('azure locked', await resolveSecrets(uses('locked'), { secretProvider: urls.azure(), env }));
  azure.faults.failNext(4, 500, JSON.stringify({ error: { code: 'InternalServerError', message: `boom ${VALUE.azure}` } }));
  recordResult('azure 500 echo', await resolveSecrets(uses('secret'), { secretProvider: urls.azure(), env, retryBaseMs: 1 }));
  azure.faults.reset();
  azure.faults.failNext(1, 200, `{"value": "${VALUE.azure}", broken`);
  recordResult('azure truncated json', await resolveSecrets(uses('secret'), { secretProvider: urls.azure(), env }));
  azure.faults.reset();

  // Thrown errors straight from the providers.
  const throwing: [string, string, string][] = [
    ['conjur', urls.conjur(CREDENTIAL.wrong), 'app/secret'],
    ['delinea', urls.delinea(CREDENTIAL.wrong), 'app.password'],
    ['ccp', urls.ccp('intruder'), 'secret'],
    ['azure', urls.azure(CREDENTIAL.wrong), 'secret'],
  ];
  for (const [label, url, key] of throwing) {
    const parsed = new URL(url);
    const provider = await secretProviderFactory(parsed.protocol.slice(0, -1))(parsed, { env });
    try {
      await provider.get(key, AbortSignal.timeout(5000));
      assert.unreachable(`${label} should throw`);
    } catch (error) {
      assert.instance(error, Error);
      assert.not.match((error as Error).name, /Assertion/);
      recordError(label, error);
    } finally {
      await provider.close?.();
    }
  }
  // Bad URLs carrying credentials.
  for (const url of [`conjur://${conjur.host}/acme?apikey=${CREDENTIAL.conjurKey}`, `delinea://${delinea.host}?password=${CREDENTIAL.delineaPassword}`, `azurekeyvault://v.vault.azure.net?clientSecret=${CREDENTIAL.azureSecret}`]) {
    recordResult('bad url', await resolveSecrets(uses('x'), { secretProvider: url, env }));
  }
});

test('no canary anywhere in what was recorded', () => {
  recorder.assertNoCanary(CANARIES, 60);
});

test.run();
