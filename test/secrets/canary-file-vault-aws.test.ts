/**
 * Canary test: known secret values (and the credentials in provider URLs) are resolved or used
 * through every built-in provider and through failure paths; then every problem message, every
 * thrown error (message, stack, JSON, util.inspect, cause chain) and util.inspect / JSON of the
 * results must be free of every canary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CanaryRecorder } from '../support/canary-recorder.js';
import { secretProviderFactory } from '../../src/secrets/registry.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { AwsSecretsTestServer } from '../support/aws-secrets-server.js';
import { VaultTestServer } from '../support/vault-server.js';
import '../../src/secrets/providers/index.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const VALUE = {
  file: 'CANARY-file-7f3a9c',
  multi: 'CANARY-multiline-line1\nCANARY-multiline-line2\n',
  vault: 'CANARY-vault-51be02',
  vaultNested: 'CANARY-vault-nested-88d1',
  aws: 'CANARY-aws-c0ffee',
  awsField: 'CANARY-aws-field-4242',
};
const CREDENTIAL = {
  token: 'CANARYTOKEN-vault-token-9e1',
  roleSecret: 'CANARYTOKEN-approle-secret-2b4',
  awsKey: 'CANARYTOKEN-aws-secret-key-7c7',
};
const CANARIES = [...Object.values(VALUE), ...Object.values(CREDENTIAL), 'CANARY-multiline-line1', 'CANARY-garbage'];

let vault: VaultTestServer;
let aws: AwsSecretsTestServer;
const dir = mkdtempSync(join(tmpdir(), 'maverics-canary-'));
const recorder = new CanaryRecorder();
const recordResult = recorder.recordResult.bind(recorder);
const recordError = recorder.recordError.bind(recorder);

function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['canary', i] }));
}

test.before(async () => {
  vault = await new VaultTestServer().start();
  vault.addToken(CREDENTIAL.token).addAppRole('role', CREDENTIAL.roleSecret).mount('secret', 2);
  vault.put('secret', 'app', { flat: VALUE.vault }).put('secret', 'app/db', { password: VALUE.vaultNested });
  aws = await new AwsSecretsTestServer().start();
  aws.allowAccessKey('AKIDCANARY');
  aws.put('canary/plain', VALUE.aws);
  aws.put('canary/json', { field: VALUE.awsField, other: VALUE.aws });
  writeFileSync(join(dir, 'secrets.yaml'), `secrets:\n  one: ${VALUE.file}\n  multi: |\n    CANARY-multiline-line1\n    CANARY-multiline-line2\n`);
  writeFileSync(join(dir, 'broken.yaml'), `secrets:\n  one: ${VALUE.file}\n  bad: [CANARY-garbage\n`);
});
test.after(async () => {
  await vault.stop();
  await aws.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('values resolve through every provider and stay redacted', async () => {
  const file = await resolveSecrets(uses('one', 'multi'), { secretProvider: `secretfile://${join(dir, 'secrets.yaml')}` });
  assert.is(file.values.get('one')?.reveal(), VALUE.file);
  assert.is(file.values.get('multi')?.reveal(), VALUE.multi);
  recordResult('file', file);

  const token = await resolveSecrets(uses('flat', 'db.password'), { secretProvider: `hashivault+http://${vault.url}/secret/data/app?token=${CREDENTIAL.token}` });
  assert.is(token.values.get('flat')?.reveal(), VALUE.vault);
  assert.is(token.values.get('db.password')?.reveal(), VALUE.vaultNested);
  recordResult('vault token', token);

  const approle = await resolveSecrets(uses('flat', 'missing'), {
    secretProvider: `hashivault+http://${vault.url}/secret/data/app?role_id=role&secret_id=${CREDENTIAL.roleSecret}`,
  });
  assert.is(approle.values.get('flat')?.reveal(), VALUE.vault);
  recordResult('vault approle', approle);

  const awsResult = await resolveSecrets(uses('canary/plain', 'canary/json:field', 'canary/json:nope'), {
    secretProvider: `awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDCANARY&secretAccessKey=${CREDENTIAL.awsKey}`,
    env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint },
  });
  assert.is(awsResult.values.get('canary/plain')?.reveal(), VALUE.aws);
  assert.is(awsResult.values.get('canary/json:field')?.reveal(), VALUE.awsField);
  recordResult('aws', awsResult);
});

test('failure paths: problems and thrown errors', async () => {
  const awsUrl = `awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDCANARY&secretAccessKey=${CREDENTIAL.awsKey}`;
  const awsEnv = { AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint };
  const vaultUrl = `hashivault+http://${vault.url}/secret/data/app?token=${CREDENTIAL.token}`;
  const approleBad = `hashivault+http://${vault.url}/secret/data/app?role_id=nobody&secret_id=${CREDENTIAL.roleSecret}`;

  // Garbage bodies that carry a secret-looking text, 5xx with bodies, denial, throttling, not JSON.
  vault.faults.failNext(4, 500, `{"data":{"data":{"flat":"${VALUE.vault}"}}`);
  recordResult('vault 500 body', await resolveSecrets(uses('flat'), { secretProvider: vaultUrl, retryBaseMs: 1 }));
  vault.faults.reset();
  vault.faults.failNext(1, 200, `CANARY-garbage ${VALUE.vault}`);
  recordResult('vault garbage', await resolveSecrets(uses('flat'), { secretProvider: vaultUrl }));
  recordResult('vault approle bad', await resolveSecrets(uses('flat'), { secretProvider: approleBad }));
  aws.faults.garbageNext(1);
  aws.faults.failNext(1, 200, `{"SecretString": "${VALUE.aws}", CANARY-garbage`);
  recordResult('aws truncated json', await resolveSecrets(uses('canary/plain'), { secretProvider: awsUrl, env: awsEnv }));
  aws.faults.garbageNext(1);
  recordResult('aws garbage', await resolveSecrets(uses('canary/plain'), { secretProvider: awsUrl, env: awsEnv }));
  aws.deny('canary/plain');
  recordResult('aws denied', await resolveSecrets(uses('canary/plain'), { secretProvider: awsUrl, env: awsEnv }));
  aws.put('canary/text', VALUE.aws);
  recordResult('aws not json', await resolveSecrets(uses('canary/text:field'), { secretProvider: awsUrl, env: awsEnv }));
  recordResult('file broken', await resolveSecrets(uses('one'), { secretProvider: `secretfile://${join(dir, 'broken.yaml')}` }));
  // A URL missing one parameter fails before any network: its message must not echo the others.
  recordResult('azure bad url', await resolveSecrets(uses('x'), { secretProvider: `azurekeyvault://v.vault.azure.net?clientID=c&clientSecret=${CREDENTIAL.awsKey}` }));
  recordResult('bad url', await resolveSecrets(uses('x'), { secretProvider: `hashivault://v/secret/data/x?secret_id=${CREDENTIAL.roleSecret}` }));

  // Thrown errors straight from the providers.
  const throwing: [string, string][] = [
    ['vault approle', approleBad],
    ['aws denied', awsUrl],
    ['file broken', `secretfile://${join(dir, 'broken.yaml')}`],
  ];
  for (const [label, url] of throwing) {
    const parsed = new URL(url);
    const provider = await secretProviderFactory(parsed.protocol.slice(0, -1))(parsed, { env: awsEnv });
    try {
      const key = label.startsWith('aws') ? 'canary/plain' : 'one';
      await provider.get(key, AbortSignal.timeout(3000));
      assert.unreachable(`${label} should throw`);
    } catch (error) {
      assert.instance(error, Error);
      recordError(label, error);
    } finally {
      await provider.close?.();
    }
  }
  for (const url of [`azurekeyvault://v.vault.azure.net?clientID=c&clientSecret=${CREDENTIAL.awsKey}`, `conjur://c?apikey=${CREDENTIAL.token}`]) {
    const parsed = new URL(url);
    let threw = false;
    try {
      await secretProviderFactory(parsed.protocol.slice(0, -1))(parsed, { env: {} });
    } catch (error) {
      threw = true;
      recordError('bad url', error);
    }
    assert.ok(threw, `${url} is missing a parameter and must be refused`);
  }
});

test('no canary anywhere in what was recorded', () => {
  recorder.assertNoCanary(CANARIES, 50);
});

test.run();
