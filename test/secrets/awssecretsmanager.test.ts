import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { splitAwsReference } from '../../src/secrets/providers/awssecretsmanager.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { AwsSecretsTestServer } from '../support/aws-secrets-server.js';
import { assertDroppedConnectionRetriedOnce, assertRetriesThenGivesUp, type ResolveWith } from '../support/provider-scenarios.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

let aws: AwsSecretsTestServer;
let dbArn = '';
const STATIC = 'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDSTATIC&secretAccessKey=static-SeCrEt';

function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['connectors', i, 'oauthClientSecret'] }));
}
function env(extra: Record<string, string> = {}): Record<string, string> {
  return { AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint, ...extra };
}

const resolve: ResolveWith = (list, options) => resolveSecrets(list, { secretProvider: STATIC, env: env(), ...options });

test.before(async () => {
  aws = await new AwsSecretsTestServer().start();
  aws.allowAccessKey('AKIDSTATIC').allowAccessKey('AKIDENV');
  dbArn = aws.put('prod/db', { username: 'admin', password: 'db-pass', port: 5432 });
  aws.put('plain-token', 'plain-token-value');
  aws.put('maverics-secrets', { oktaAPIToken: 'bundled-okta', shared: 'from-bundle' });
  aws.put('shared', 'standalone-shared');
  aws.put('standalone', 'standalone-value');
  aws.put('not-json', 'just text');
  aws.put('locked', 'locked-value');
  aws.deny('locked');
});
test.after(() => aws.stop());
test.before.each(() => {
  aws.resetCounters();
  aws.resetFaults();
});

test('the ARN split rule: an ARN is seven colon-separated parts, anything after is the field', () => {
  assert.equal(splitAwsReference('plain'), { secretId: 'plain' });
  assert.equal(splitAwsReference('prod/db:password'), { secretId: 'prod/db', field: 'password' });
  assert.equal(splitAwsReference('arn:aws:secretsmanager:us-west-2:123456789012:secret:prod/db-AbCdEf'), {
    secretId: 'arn:aws:secretsmanager:us-west-2:123456789012:secret:prod/db-AbCdEf',
  });
  assert.equal(splitAwsReference('arn:aws:secretsmanager:us-west-2:123456789012:secret:prod/db-AbCdEf:password'), {
    secretId: 'arn:aws:secretsmanager:us-west-2:123456789012:secret:prod/db-AbCdEf',
    field: 'password',
  });
});

test('static keys from the URL sign the request (SigV4); whole secrets and JSON fields', async () => {
  const result = await resolveSecrets(uses('plain-token', 'prod/db:password', 'prod/db:port', 'prod/db'), { secretProvider: STATIC, env: env() });
  assert.equal(result.problems, []);
  assert.is(result.values.get('plain-token')?.reveal(), 'plain-token-value');
  assert.is(result.values.get('prod/db:password')?.reveal(), 'db-pass');
  assert.is(result.values.get('prod/db:port')?.reveal(), '5432');
  assert.equal(JSON.parse(result.values.get('prod/db')?.reveal() ?? ''), { username: 'admin', password: 'db-pass', port: 5432 });
  assert.ok(aws.log.every((r) => r.accessKeyId === 'AKIDSTATIC' && r.region === 'us-west-2' && r.target === 'secretsmanager.GetSecretValue'));
  assert.is(aws.log.filter((r) => r.secretId === 'prod/db').length, 1, 'one GetSecretValue per secret, however many fields');
});

test('ARNs, with and without a trailing :field', async () => {
  const result = await resolveSecrets(uses(dbArn, `${dbArn}:username`), { secretProvider: STATIC, env: env() });
  assert.equal(result.problems, []);
  assert.is(result.values.get(`${dbArn}:username`)?.reveal(), 'admin');
  assert.ok(aws.log.every((r) => r.secretId === dbArn));
});

test('credentials from the environment when the URL has none; the endpoint from AWS_ENDPOINT_URL', async () => {
  const result = await resolveSecrets(uses('standalone'), {
    secretProvider: 'awssecretsmanager://amazonaws.com?region=eu-central-1',
    env: { AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-SeCrEt' },
  });
  assert.equal(result.problems, []);
  assert.is(aws.log[0]?.accessKeyId, 'AKIDENV');
  assert.is(aws.log[0]?.region, 'eu-central-1');
});

test('older form awssecretsmanager://<region>/<secret>: fields of that secret first, then secrets by name', async () => {
  const result = await resolveSecrets(uses('oktaAPIToken', 'shared', 'standalone', 'prod/db:username'), {
    secretProvider: 'awssecretsmanager://us-west-2/maverics-secrets?accessKeyID=AKIDSTATIC&secretAccessKey=static-SeCrEt',
    env: env(),
  });
  assert.equal(result.problems, []);
  assert.is(result.values.get('oktaAPIToken')?.reveal(), 'bundled-okta');
  assert.is(result.values.get('shared')?.reveal(), 'from-bundle');
  assert.is(result.values.get('standalone')?.reveal(), 'standalone-value');
  assert.is(result.values.get('prod/db:username')?.reveal(), 'admin');
  assert.is(aws.log.filter((r) => r.secretId === 'maverics-secrets').length, 1);
});

test('not found: a missing secret or field is unresolved; a field of a non-JSON secret says so', async () => {
  const result = await resolveSecrets(uses('nope', 'prod/db:nope', 'not-json:field'), { secretProvider: STATIC, env: env() });
  const by = new Map(result.problems.map((p) => [p.reference, p]));
  assert.is(by.get('nope')?.ruleId, 'unresolved-secret');
  assert.is(by.get('prod/db:nope')?.ruleId, 'unresolved-secret');
  assert.is(by.get('not-json:field')?.ruleId, 'secret-provider-error');
  assert.match(by.get('not-json:field')?.message ?? '', /not a JSON object, so it has no field field/);
  assert.not.match(by.get('not-json:field')?.message ?? '', /just text/);
});

test('a secret scheduled for deletion (InvalidRequestException) is unresolved, as absent to the Orchestrator', async () => {
  aws.put('retiring', 'old-value');
  aws.scheduleDeletion('retiring');
  const result = await resolveSecrets(uses('retiring'), { secretProvider: STATIC, env: env() });
  assert.equal(result.problems.map((p) => [p.ruleId, p.reference]), [['unresolved-secret', 'retiring']]);
  assert.is(result.requests, 1);
});

test('throttling is retried with backoff, then succeeds; throttling that persists ends after the retries', async () => {
  await assertRetriesThenGivesUp(resolve, 'plain-token', {
    injectTransient: () => aws.throttleNext(2),
    transient: 2,
    injectPersistent: () => aws.throttleNext(10),
    persistent: /ThrottlingException/,
    reset: () => (aws.resetCounters(), aws.resetFaults()),
  });
});

test('AccessDenied and bad keys are not retried', async () => {
  const denied = await resolveSecrets(uses('locked'), { secretProvider: STATIC, env: env() });
  assert.is(denied.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(denied.problems[0]?.message ?? '', /AccessDeniedException/);
  assert.is(aws.requests, 1);
  const badKey = await resolveSecrets(uses('plain-token'), {
    secretProvider: 'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDUNKNOWN&secretAccessKey=bad-SeCrEt',
    env: env(),
  });
  assert.match(badKey.problems[0]?.message ?? '', /UnrecognizedClientException/);
  assert.not.match(badKey.problems[0]?.message ?? '', /AKIDUNKNOWN|bad-SeCrEt/);
  assert.is(badKey.requests, 1);
});

test('5xx InternalServiceError is retried; garbage bodies are bad responses that quote nothing', async () => {
  aws.faults.failNext(1, 500);
  const recovered = await resolveSecrets(uses('plain-token'), { secretProvider: STATIC, env: env(), retryBaseMs: 5 });
  assert.equal(recovered.problems, []);
  assert.is(recovered.requests, 2);
  aws.faults.garbageNext(1);
  const garbage = await resolveSecrets(uses('plain-token'), { secretProvider: STATIC, env: env() });
  assert.match(garbage.problems[0]?.message ?? '', /not Secrets Manager JSON/);
  assert.not.match(garbage.problems[0]?.message ?? '', /upstream|html/);
});

test('connection refused', async () => {
  const down = await new AwsSecretsTestServer().start();
  await down.stop();
  const result = await resolveSecrets(uses('plain-token'), { secretProvider: STATIC, env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: down.endpoint } });
  assert.match(result.problems[0]?.message ?? '', /cannot connect \(ECONNREFUSED\)/);
});

test('a dropped kept-alive connection (ECONNRESET) is tried once more, not more', async () => {
  await assertDroppedConnectionRetriedOnce(resolve, 'plain-token', (n) => aws.faults.dropNext(n), () => aws.resetFaults());
});

test.run();
