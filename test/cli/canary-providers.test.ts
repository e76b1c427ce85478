/**
 * Canary through every command and format: secrets resolved by the real node-vault and AWS SDK
 * clients (loopback servers) and by a secret file, then everything the CLI prints (check in each
 * format, with the provider healthy, denying and down; compile; lint) is searched for the values
 * and for the credentials in the provider URLs.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsSecretsTestServer } from '../support/aws-secrets-server.js';
import { runCliAsync, type CliRun } from '../support/cli.js';
import { tempDir } from '../support/redis-servers.js';
import { VaultTestServer } from '../support/vault-server.js';

const canary = (label: string) => `CANARY${label}${randomBytes(6).toString('hex')}`;
const VALUES = { vault: canary('vault'), aws: canary('aws'), file: canary('file'), shortKey: canary('short') };
const CREDENTIALS = { vaultToken: canary('token'), awsSecret: canary('awssecret') };
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'];
const dir = tempDir('mc-canary-');
let vault: VaultTestServer;
let aws: AwsSecretsTestServer;

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function assertClean(label: string, run: CliRun): void {
  const all = run.stdout + run.stderr;
  for (const [name, value] of Object.entries({ ...VALUES, ...CREDENTIALS })) {
    assert.not.ok(all.includes(value), `${label}: printed ${name}`);
  }
}

const config = `version: 1
caches:
  - name: shared
    type: redis
    redis:
      addresses: ["127.0.0.1:6390"]
      password: <vault.redis_password>
    encryption:
      keys:
        current: <aws.maverics:short_key>
connectors:
  - name: idp
    type: okta
    oauthClientSecret: <client_secret>
    apiToken: "{{ env.API_TOKEN }}"
    domain: https://example.okta.com
`;

test.before(async () => {
  vault = await new VaultTestServer().start();
  vault.addToken(CREDENTIALS.vaultToken).mount('secret', 2).put('secret', 'maverics', { redis_password: VALUES.vault });
  aws = (await new AwsSecretsTestServer().start()).allowAccessKey('AKIDSTATIC');
  aws.put('maverics', { short_key: VALUES.shortKey, other: VALUES.aws });
  write('secrets.yaml', `secrets:\n  client_secret: ${VALUES.file}\n`);
});
test.after(async () => {
  await vault.stop();
  await aws.stop();
});

const providers = () => [
  '--secret-provider',
  `secretfile://${join(dir, 'secrets.yaml')}`,
  '--secret-provider',
  `vault=hashivault+http://${vault.url}/secret/data/maverics?token=${CREDENTIALS.vaultToken}`,
  '--secret-provider',
  `aws=awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDSTATIC&secretAccessKey=${CREDENTIALS.awsSecret}`,
];
const env = () => ({ AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint, API_TOKEN: VALUES.file, MAVERICS_SECRET_PROVIDER: undefined });

test('check, every format: resolved values and provider credentials never printed', async () => {
  const file = write('maverics.yaml', config);
  for (const format of FORMATS) {
    const r = await runCliAsync(['check', '--format', format, ...providers(), file], { env: env() });
    // The AWS key resolves to something that is not 64 hex: an error, so exit 1, and a report to search.
    assert.is(r.code, 1, `${format}: ${r.stderr}`);
    assert.ok(r.stdout.includes('encryption-key-format'), `${format}: the resolved key was judged`);
    // (SARIF lists every rule in its catalogue, so only the stylish and JSON reports are searched for these ids.)
    if (format === 'json' || format === 'stylish') {
      assert.not.ok(/unresolved-secret|secret-provider-error/.test(r.stdout), `${format}: every reference resolved: ${r.stdout}`);
    }
    assertClean(`check --format ${format}`, r);
  }
});

test('check with the providers denying, failing and down: clear errors, nothing leaked', async () => {
  const file = write('faults.yaml', config);
  vault.deny('secret/data/maverics');
  aws.faults.failNext(10, 500);
  const r = await runCliAsync(['check', '--format', 'json', ...providers(), file], { env: env() });
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stdout, /secret-provider-error/);
  assertClean('check, providers failing', r);
  aws.faults.reset();
  const down = await runCliAsync(['check', ...providers().slice(0, 2), '--secret-provider', `vault=hashivault+http://127.0.0.1:1/secret/data/maverics?token=${CREDENTIALS.vaultToken}`, file], { env: env() });
  assert.is(down.code, 1, down.stderr);
  assertClean('check, vault down', down);
});

test('compile and lint never print a value either', async () => {
  const file = write('compile.yaml', config);
  const compiled = await runCliAsync(['compile', file], { env: env() });
  assert.is(compiled.code, 0, compiled.stderr);
  assert.match(compiled.stdout, /<vault\.redis_password>/);
  assertClean('compile', compiled);
  for (const format of FORMATS) assertClean(`lint --format ${format}`, await runCliAsync(['lint', '--format', format, file], { env: env() }));
});

test.run();
