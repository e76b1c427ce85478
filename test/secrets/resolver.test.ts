import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SecretProviderError, type SecretProvider } from '../../src/secrets/provider.js';
import { registerSecretProvider } from '../../src/secrets/registry.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { SecretValue } from '../../src/base/secret-value.js';
import { AwsSecretsTestServer } from '../support/aws-secrets-server.js';
import { VaultTestServer } from '../support/vault-server.js';
import { assertTimeoutPerReference, settles } from '../support/resolver-assertions.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

let aws: AwsSecretsTestServer;
let vault: VaultTestServer;
const dir = mkdtempSync(join(tmpdir(), 'maverics-resolver-'));
const secretFile = join(dir, 'secrets.yaml');
const AWS_URL = 'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDTEST&secretAccessKey=test-SeCrEt';

function awsEnv(): Record<string, string> {
  return { AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint };
}
function use(reference: string, ...path: (string | number)[]): SecretUse {
  return { reference, path: path.length ? path : ['x', reference] };
}

test.before(async () => {
  aws = await new AwsSecretsTestServer().start();
  aws.allowAccessKey('AKIDTEST');
  for (let i = 0; i < 60; i++) aws.put(`app${i}`, `value-${i}`);
  vault = await new VaultTestServer().start();
  vault.addToken('root').mount('secret', 2).put('secret', 'maverics', { redis: 'vault-redis' });
  writeFileSync(secretFile, 'secrets:\n  local: file-local\n');
});
test.after(async () => {
  await aws.stop();
  await vault.stop();
  rmSync(dir, { recursive: true, force: true });
});
test.before.each(() => {
  aws.resetCounters();
  aws.resetFaults();
});

test('200 uses over 20 secrets: 20 requests, every use gets its value', async () => {
  const uses = Array.from({ length: 200 }, (_, i) => use(`app${i % 20}`, 'apps', i, 'secret'));
  const result = await resolveSecrets(uses, { secretProvider: AWS_URL, env: awsEnv() });
  assert.equal(result.problems, []);
  assert.is(result.requests, 20);
  assert.is(aws.requests, 20);
  assert.is(result.values.size, 20);
  assert.is(result.values.get('app7')?.reveal(), 'value-7');
});

test('at most `concurrency` requests in flight (default 16)', async () => {
  aws.faults.delayMs = 30;
  const uses = Array.from({ length: 40 }, (_, i) => use(`app${i}`));
  await resolveSecrets(uses, { secretProvider: AWS_URL, env: awsEnv(), concurrency: 5 });
  assert.is(aws.maxInFlight, 5);
  aws.resetCounters();
  await resolveSecrets(uses, { secretProvider: AWS_URL, env: awsEnv() });
  assert.is(aws.maxInFlight, 16);
});

test('per-request timeout against a slow server: bounded wall time, a timeout per use, no retry', async () => {
  aws.faults.delayMs = 5000;
  const uses = Array.from({ length: 16 }, (_, i) => use(`app${i}`));
  await assertTimeoutPerReference((timeoutMs) => resolveSecrets(uses, { secretProvider: AWS_URL, env: awsEnv(), timeoutMs }), 16);
});

test('a provider that ignores the signal cannot stall the run; the total bound holds', async () => {
  const stuck: SecretProvider = { description: 'stuck-provider', get: () => new Promise(() => undefined) };
  const result = await settles(resolveSecrets([use('a'), use('b'), use('c')], { secretProvider: stuck, timeoutMs: 100, concurrency: 1 }), 'a stuck provider');
  assert.is(result.problems.length, 3);
  assert.match(result.problems[0]?.message ?? '', /stuck-provider: no answer within 100 ms/);
  const bounded = await resolveSecrets(
    Array.from({ length: 10 }, (_, i) => use(`k${i}`)),
    { secretProvider: stuck, timeoutMs: 10_000, totalTimeoutMs: 300, concurrency: 2 },
  );
  assert.is(bounded.problems.length, 10);
  assert.ok(bounded.problems.every((p) => /did not finish within the run's budget of 300 ms/.test(p.message)));
});

test('the caller can cancel', async () => {
  const controller = new AbortController();
  const slow: SecretProvider = { description: 'slow', get: (_key, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))) };
  setTimeout(() => controller.abort(), 50);
  const result = await resolveSecrets([use('a')], { secretProvider: slow, signal: controller.signal });
  assert.match(result.problems[0]?.message ?? '', /cancelled/);
});

test('retries only what is retryable, with backoff', async () => {
  let calls = 0;
  const flaky: SecretProvider = {
    description: 'flaky',
    get: async (key) => {
      calls++;
      if (calls < 3) throw new SecretProviderError('server', 'flaky: HTTP 503');
      return new SecretValue('ok', key);
    },
  };
  const ok = await resolveSecrets([use('a')], { secretProvider: flaky, retryBaseMs: 1 });
  assert.equal(ok.problems, []);
  assert.is(ok.requests, 3);
  let deniedCalls = 0;
  const denied: SecretProvider = {
    description: 'denied',
    get: async () => {
      deniedCalls++;
      throw new SecretProviderError('denied', 'denied: HTTP 403');
    },
  };
  const no = await resolveSecrets([use('a')], { secretProvider: denied, retryBaseMs: 1 });
  assert.is(deniedCalls, 1);
  assert.is(no.problems[0]?.ruleId, 'secret-provider-error');
});

test('no default provider: one clear error per use, named providers still work', async () => {
  const result = await resolveSecrets([use('a', 'x', 0), use('a', 'x', 1), use('file.local')], {
    namedProviders: { file: `secretfile://${secretFile}` },
    env: {},
  });
  assert.is(result.values.get('file.local')?.reveal(), 'file-local');
  assert.is(result.problems.length, 2);
  assert.equal(result.problems.map((p) => p.path), [['x', 0], ['x', 1]]);
  assert.ok(result.problems.every((p) => p.ruleId === 'secret-provider-error' && /set MAVERICS_SECRET_PROVIDER or pass --secret-provider/.test(p.message)));
  const none = await resolveSecrets([use('a')], { env: {} });
  assert.match(none.problems[0]?.message ?? '', /MAVERICS_SECRET_PROVIDER/);
  const empty = await resolveSecrets([], { env: {} });
  assert.equal(empty, { values: new Map(), problems: [], requests: 0, warnings: [] });
});

test('MAVERICS_SECRET_PROVIDER from the environment is the default when none is given', async () => {
  const result = await resolveSecrets([use('local')], { env: { MAVERICS_SECRET_PROVIDER: `secretfile://${secretFile}` } });
  assert.is(result.values.get('local')?.reveal(), 'file-local');
  const explicit = await resolveSecrets([use('local')], { secretProvider: '', env: { MAVERICS_SECRET_PROVIDER: `secretfile://${secretFile}` } });
  assert.match(explicit.problems[0]?.message ?? '', /no secret provider is configured/);
});

test('named-provider routing across secret file, Vault and AWS', async () => {
  const result = await resolveSecrets([use('local'), use('vault.redis'), use('aws.app3'), use('aws.missing')], {
    secretProvider: `secretfile://${secretFile}`,
    namedProviders: { vault: `hashivault+http://${vault.url}/secret/data/maverics?token=root`, aws: AWS_URL },
    env: awsEnv(),
  });
  assert.is(result.values.get('local')?.reveal(), 'file-local');
  assert.is(result.values.get('vault.redis')?.reveal(), 'vault-redis');
  assert.is(result.values.get('aws.app3')?.reveal(), 'value-3');
  assert.is(result.values.get('vault.redis')?.reference, 'vault.redis');
  assert.is(result.problems.length, 1);
  assert.match(result.problems[0]?.message ?? '', /secret <aws.missing> was not found by awssecretsmanager:\/\/amazonaws.com\?region=us-west-2 \(named provider aws, key missing\)/);
  // The map form: { default, name: url }.
  const mapForm = await resolveSecrets([use('local'), use('vault.redis')], {
    secretProvider: { default: `secretfile://${secretFile}`, vault: `hashivault+http://${vault.url}/secret/data/maverics?token=root` },
  });
  assert.equal(mapForm.problems, []);
});

test('bad URLs of every scheme and unknown schemes become provider errors without credentials', async () => {
  const cases: [string, RegExp][] = [
    ['azurekeyvault://v.vault.azure.net?clientID=c&clientSecret=cs-SeCrEt', /tenantID is missing/],
    ['delinea://ss?password=pw-SeCrEt', /username is missing/],
    ['conjur://c?apikey=api-SeCrEt', /account is missing: give it in the URL or set CONJUR_ACCOUNT/],
    ['cyberarkccp://ccp?appID=a&safe=s&certFile=/c', /keyFile is missing/],
    ['azurekeyvault://v.vault.azure.net?clientSecret=cs-SeCrEt', /clientID is missing/],
    ['hashivault://v:8200/secret/data/x?role_id=r', /secret_id is missing/],
    ['nosuch://host?password=pw-SeCrEt', /unknown secret provider scheme nosuch|no secret provider is registered for the scheme nosuch/],
  ];
  for (const [url, expected] of cases) {
    const result = await resolveSecrets([use('a', 'p', 1), use('a', 'p', 2)], { secretProvider: url });
    assert.is(result.problems.length, 2, url);
    const message = result.problems[0]?.message ?? '';
    assert.match(message, expected);
    assert.not.match(message, /SeCrEt/);
    assert.is(result.requests, 0);
  }
});

test('a registered factory replaces a stub; providers built from URLs are closed, caller objects are not', async () => {
  let closed = 0;
  registerSecretProvider('conjur', (url) => ({
    description: `conjur://${url.host}${url.pathname}`,
    get: async (key) => (key === 'db/password' ? new SecretValue('conjur-value', key) : undefined),
    close: async () => {
      closed++;
    },
  }));
  const result = await resolveSecrets([use('db/password')], { secretProvider: 'conjur://c/acct/host%2Fm?apikey=k' });
  assert.is(result.values.get('db/password')?.reveal(), 'conjur-value');
  assert.is(closed, 1);
  let objectClosed = 0;
  const mine: SecretProvider = { description: 'mine', get: async (key) => new SecretValue('v', key), close: async () => void objectClosed++ };
  await resolveSecrets([use('a')], { secretProvider: mine });
  assert.is(objectClosed, 0);
});

test('a foreign error from a custom provider is reported by name only', async () => {
  const leaky: SecretProvider = {
    description: 'leaky',
    get: async () => {
      throw new TypeError('boom: the value was hunter2-SeCrEt');
    },
  };
  const result = await resolveSecrets([use('a')], { secretProvider: leaky });
  assert.is(result.problems[0]?.message, 'secret <a>: provider leaky failed (TypeError)');
});

test('one budget per run: retries happen inside it, and none is started that the budget cannot cover', async () => {
  // Each attempt answers 503 after 300 ms; the run may retry (almost) forever, but has 3 s in all.
  const vaultServer = vault;
  vaultServer.faults.delayMs = 300;
  vaultServer.faults.failNext(1000, 503);
  try {
    const result = await settles(
      resolveSecrets([use('redis')], {
        secretProvider: `hashivault+http://${vaultServer.url}/secret/data/maverics?token=root`,
        retries: 1000,
        retryBaseMs: 0,
        totalTimeoutMs: 3000,
      }),
      'a run against a failing server',
    );
    const message = result.problems[0]?.message ?? '';
    assert.match(message, /HTTP 503 .*\(after \d+ attempts\) \(the run's budget of 3000 ms leaves no time for another attempt\)/);
    assert.not.match(message, /did not finish/, 'the last attempt was not cut off by the budget');
    assert.ok(result.requests < 1000);
  } finally {
    vaultServer.faults.reset();
  }
});

test.run();
