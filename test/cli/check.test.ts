/**
 * `maverics-config check` as a user runs it: real secret file, a loopback Vault driven by the real
 * node-vault client, real redis-servers for --connect. Canary values must never reach any output.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aclArgs, startRedis, stopAll, tempDir, type RedisServer } from '../support/redis-servers.js';
import { VaultTestServer } from '../support/vault-server.js';
import { runCliAsync } from '../support/cli.js';

const CANARY = `CANARY-${randomBytes(6).toString('hex')}`;
const SHORT_KEY = `${CANARY}-not-a-key`;
const GOOD_KEY = randomBytes(32).toString('hex');
const dir = tempDir('mc-check-');
const secretsFile = join(dir, 'secrets.yaml');
writeFileSync(secretsFile, `secrets:\n  redis_password: ${CANARY}\n  redis_key: "${GOOD_KEY}"\n  bad_key: "${SHORT_KEY}"\n  client_secret: ${CANARY}-client\n`);
const fileProvider = `secretfile://${secretsFile}`;
let vault: VaultTestServer;
let plain: RedisServer;
let acl: RedisServer;

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const cacheConfig = (address: string, password = '<redis_password>', key = '<redis_key>') => `version: 1
caches:
  - name: shared
    type: redis
    redis:
      addresses: ["${address}"]
      username: maverics
      password: ${password}
    encryption:
      keys:
        current: ${key}
    hashing:
      keys:
        current: <redis_key>
`;

test.before(async () => {
  vault = await new VaultTestServer().start();
  vault.addToken('root-token').mount('secret', 2).put('secret', 'maverics', { client_secret: `${CANARY}-vault`, redis_key: GOOD_KEY });
  plain = await startRedis();
  acl = await startRedis({ args: aclArgs('maverics', CANARY) });
});
test.after(async () => {
  await vault.stop();
  await stopAll([plain, acl]);
});

test('every reference resolves: exit 0, nothing printed', async () => {
  const file = write('ok.yaml', cacheConfig('127.0.0.1:6390'));
  const r = await runCliAsync(['check', '--secret-provider', fileProvider, file]);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.is(r.stdout, '');
});

test('a missing secret and a resolved key of the wrong shape: exit 1, positions, never the value', async () => {
  const file = write('bad.yaml', cacheConfig('127.0.0.1:6390', '<nope.password>', '<bad_key>'));
  const r = await runCliAsync(['check', '--format', 'json', '--secret-provider', fileProvider, file]);
  assert.is(r.code, 1, r.stderr);
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[];
  const got = result?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
  assert.equal(got, ['8:17 unresolved-secret', '11:18 encryption-key-format']);
  assert.match(result?.messages[1]?.message ?? '', /resolves to an encryption key that has \d+ characters/);
  assert.not.match(r.stdout + r.stderr, /CANARY/);
});

test('no provider configured: secret-provider-error per reference, exit 1 (not 2)', async () => {
  const file = write('noprov.yaml', cacheConfig('127.0.0.1:6390'));
  const r = await runCliAsync(['check', file], { env: { MAVERICS_SECRET_PROVIDER: undefined } });
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stdout, /secret-provider-error/);
  assert.match(r.stdout, /MAVERICS_SECRET_PROVIDER/);
});

test('MAVERICS_SECRET_PROVIDER is the default; named providers route <name.key>', async () => {
  const file = write('named.yaml', `version: 1\nconnectors:\n  - name: idp\n    type: oidc\n    oidcWellKnownURL: https://idp.example.com/.well-known/openid-configuration\n    oauthClientID: orchestrator\n    oauthClientSecret: <vault.client_secret>\napps:\n  - name: a\n    type: oidc\n    clientID: a\n    credentials:\n      secrets: [<client_secret>]\n`);
  const r = await runCliAsync(['check', '--secret-provider', `vault=hashivault+http://${vault.url}/secret/data/maverics?token=root-token`, file], {
    env: { MAVERICS_SECRET_PROVIDER: fileProvider },
  });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.ok(vault.requests > 0, 'vault was asked');
});

test('the provider down: a clear secret-provider-error in bounded time, exit 1', async () => {
  const file = write('down.yaml', `version: 1\nconnectors:\n  - name: idp\n    type: oidc\n    oidcWellKnownURL: https://idp.example.com/.well-known/openid-configuration\n    oauthClientID: orchestrator\n    oauthClientSecret: <client_secret>\n`);
  const started = Date.now();
  const r = await runCliAsync(['check', '--secret-provider', 'hashivault+http://127.0.0.1:1/secret/data/maverics?token=root-token', file]);
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stdout, /secret-provider-error/);
  assert.not.match(r.stdout + r.stderr, /root-token/, 'a credential from the provider URL was printed');
  assert.ok(Date.now() - started < 30_000);
});

test('a bad --secret-provider flag or a missing --env-file is a usage error (exit 2)', async () => {
  const file = write('usage.yaml', 'version: 1\n');
  assert.is((await runCliAsync(['check', '--secret-provider', fileProvider, '--secret-provider', fileProvider, file])).code, 2);
  assert.is((await runCliAsync(['check', '--env-file', join(dir, 'none.env'), file])).code, 2);
  assert.is((await runCliAsync(['check', file, file])).code, 2);
});

test('--env-file feeds {{ env.X }}; unset ones are warned about; substituted addresses are checked', async () => {
  const envFile = write('vars.env', 'REDIS_ADDR=redis://cache.internal:6379\n');
  const file = write('env.yaml', `${cacheConfig('{{ env.REDIS_ADDR }}')}http:\n  address: "{{ env.LISTEN }}"\n`);
  const r = await runCliAsync(['check', '--format', 'json', '--env-file', envFile, '--secret-provider', fileProvider, file]);
  assert.is(r.code, 1, r.stderr);
  const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[])[0]?.messages.map((m) => m.ruleId);
  assert.ok(ids?.includes('unset-env-var'), JSON.stringify(ids));
  assert.ok(ids?.includes('redis-address'), JSON.stringify(ids));
});

test('--connect: a reachable server passes; wrong port, wrong password each get their own rule', async () => {
  const ok = write('conn-ok.yaml', cacheConfig(acl.address));
  const good = await runCliAsync(['check', '--connect', '--secret-provider', fileProvider, ok]);
  assert.is(good.code, 0, good.stdout + good.stderr);

  const down = write('conn-down.yaml', cacheConfig('127.0.0.1:1'));
  const r1 = await runCliAsync(['check', '--connect', '--format', 'json', '--secret-provider', fileProvider, down]);
  assert.is(r1.code, 1);
  assert.match(r1.stdout, /"ruleId":"redis-unreachable"/);

  writeFileSync(join(dir, 'wrong.yaml'), `secrets:\n  redis_password: wrong-${CANARY}\n  redis_key: "${GOOD_KEY}"\n`);
  const auth = write('conn-auth.yaml', cacheConfig(acl.address));
  const r2 = await runCliAsync(['check', '--connect', '--format', 'json', '--secret-provider', `secretfile://${join(dir, 'wrong.yaml')}`, auth]);
  assert.is(r2.code, 1);
  assert.match(r2.stdout, /"ruleId":"redis-auth-failed"/);
  assert.not.match(r1.stdout + r1.stderr + r2.stdout + r2.stderr, /CANARY/);
});

test('suppressions apply to check findings; an unused check-rule directive is reported by check', async () => {
  const file = write('suppress.yaml', `version: 1
connectors:
  - name: idp
    type: okta
    # maverics-config-disable-next-line unresolved-secret -- rotated next week
    oauthClientSecret: <missing_one>
    # maverics-config-disable-next-line unresolved-secret -- stale
    apiToken: <client_secret>
    domain: https://example.okta.com
`);
  const r = await runCliAsync(['check', '--format', 'json', '--secret-provider', fileProvider, file]);
  assert.is(r.code, 0, r.stdout + r.stderr);
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number }[]; suppressedMessages: { ruleId: string; suppressions: { justification: string }[] }[] }[];
  assert.equal(result?.messages.map((m) => `${m.line} ${m.ruleId}`), ['7 unused-disable']);
  assert.equal(result?.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0]?.justification]), [['unresolved-secret', 'rotated next week']]);
});

test('canary: no format of check prints a resolved value', async () => {
  const file = write('canary.yaml', `${cacheConfig(plain.address, '<redis_password>', '<bad_key>')}connectors:\n  - name: idp\n    type: okta\n    oauthClientSecret: <client_secret>\n    apiToken: literal-${CANARY}\n    domain: https://example.okta.com\n`);
  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab']) {
    const r = await runCliAsync(['check', '--connect', '--format', format, '--secret-provider', fileProvider, file]);
    assert.is(r.code, 1, `${format}: ${r.stderr}`);
    assert.not.match(r.stdout + r.stderr, /CANARY/, `${format} printed a secret`);
  }
});

test.run();
