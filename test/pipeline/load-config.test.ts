/** loadConfig end to end: a real redis-server, a real secret file, the real registry. */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, loadConfig, MavericsConfigError } from '../../src/index.js';
import { aclArgs, allKeys, startRedis, stopAll, tempDir, type RedisServer } from '../support/redis-servers.js';

const CANARY_PW = `CANARY-pw-${randomBytes(4).toString('hex')}`;
const KEY = randomBytes(32).toString('hex');
const OLD_KEY = randomBytes(32).toString('hex');
const HASH_KEY = randomBytes(32).toString('hex');
const dir = tempDir('mc-load-');
const secretsFile = join(dir, 'secrets.yaml');
writeFileSync(secretsFile, `secrets:\n  redis_password: ${CANARY_PW}\n  redis_key: "${KEY}"\n  redis_key_old: "${OLD_KEY}"\n  redis_hash: "${HASH_KEY}"\n  short_key: "abc"\n`);
const provider = `secretfile://${secretsFile}`;
let server: RedisServer;

const config = (address: string, extra = '') => `version: 1
caches:
  - name: shared
    type: redis
    redis:
      addresses: ["${address}"]
      username: maverics
      password: <redis_password>
    encryption:
      keys:
        current: <redis_key>
        old: [<redis_key_old>]
    hashing:
      keys:
        current: <redis_hash>
oidcProvider:
  cache: shared
${extra}`;

function handles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'Timeout');
}

test.before(async () => {
  server = await startRedis({ args: aclArgs('maverics', CANARY_PW), cliArgs: ['--user', 'maverics', '--pass', CANARY_PW, '--no-auth-warning'] });
});
test.after(async () => {
  await stopAll([server]);
});

test('a ready registry: local_default and the encrypted Redis cache, sharing one interface', async () => {
  const { registry, config: compiled, diagnostics } = await loadConfig({ text: config(server.address), secretProvider: provider });
  try {
    assert.equal(registry.names().sort(), ['local_default', 'shared']);
    assert.equal(diagnostics.filter((d) => d.severity === 'error'), []);
    // The compiled config keeps references: safe to log.
    assert.match(JSON.stringify(compiled), /<redis_password>/);
    for (const name of ['shared', 'local_default']) {
      const cache = registry.get(name);
      await cache.set('user:42', Buffer.from('hello CANARY-value'), { ttlMs: 60_000 });
      assert.equal((await cache.get('user:42'))?.toString(), 'hello CANARY-value');
      await cache.delete('user:42');
      assert.is(await cache.get('user:42'), undefined);
    }
    await registry.get('shared').set('session:abc', Buffer.from('CANARY-value'));
    const raw = allKeys(server).join('\n');
    assert.not.match(raw, /session|abc/, 'a key name reached Redis');
    assert.throws(() => registry.get('nope'), (e: Error) => e instanceof MavericsConfigError && /no cache named "nope"/.test(e.message));
  } finally {
    await registry.close();
  }
});

test('a config with errors rejects with ConfigError listing every error, and opens nothing', async () => {
  const before = handles().length;
  const broken = config(server.address, 'tls:\n  x:\n    minVersion: 1.4\n').replace('<redis_key_old>', '<short_key>').replace('cache: shared', 'cache: sharde');
  const error = await loadConfig({ text: broken, filePath: 'maverics.yaml', secretProvider: provider }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(error, ConfigError);
  const ids = (error as ConfigError).diagnostics.map((d) => d.ruleId).sort();
  assert.equal(ids, ['encryption-key-format', 'tls-min-version', 'unknown-cache']);
  assert.match((error as Error).message, /maverics\.yaml:\d+:\d+/);
  for (const text of [(error as Error).message, (error as Error).stack ?? '', inspect(error, { depth: 5 }), JSON.stringify(error)]) {
    assert.not.match(text, /CANARY/);
    assert.not.ok(text.includes(KEY) || text.includes('abc"'), 'a key reached the error');
  }
  assert.ok(handles().length <= before, `handles left open: ${handles().join(', ')}`);
});

test('an unreachable Redis rejects within its deadline and leaves nothing open', async () => {
  const before = handles().length;
  const error = await loadConfig({ text: config('127.0.0.1:1'), secretProvider: provider, redis: { connectTimeoutMs: 500 } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(error, MavericsConfigError);
  assert.is((error as MavericsConfigError).code, 'ECACHE_REGISTRY');
  assert.not.match(inspect(error, { depth: 5 }), /CANARY/);
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(handles().length <= before, `handles left open: ${handles().join(', ')}`);
});

test('unresolved secrets and a missing provider are errors, not crashes', async () => {
  const noProvider = await loadConfig({ text: config(server.address), secretProvider: '' }).catch((e: unknown) => e);
  assert.instance(noProvider, ConfigError);
  assert.ok((noProvider as ConfigError).diagnostics.every((d) => d.ruleId === 'secret-provider-error'));
  const missing = await loadConfig({ text: config(server.address).replace('<redis_hash>', '<nope>'), secretProvider: provider }).catch((e: unknown) => e);
  assert.equal((missing as ConfigError).diagnostics.map((d) => [d.ruleId, d.line]), [['unresolved-secret', 15]]);
});

test('warnings come back with the registry: no hashing key says what that costs', async () => {
  const text = config(server.address).replace('    hashing:\n      keys:\n        current: <redis_hash>\n', '');
  const { registry, diagnostics } = await loadConfig({ text, secretProvider: provider });
  await registry.close();
  assert.ok(diagnostics.some((d) => d.ruleId === 'hashing-key-weak' && /hash/i.test(d.message)), JSON.stringify(diagnostics));
});

test('file: reads the config from disk; an unreadable file is an error with a code', async () => {
  const file = join(dir, 'maverics.yaml');
  writeFileSync(file, config(server.address));
  const { registry } = await loadConfig({ file, secretProvider: provider });
  await registry.close();
  const error = await loadConfig({ file: join(dir, 'missing.yaml') }).catch((e: unknown) => e);
  assert.is((error as MavericsConfigError).code, 'ECONFIG_READ');
});

test.run();
