import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inspect } from 'node:util';
import { MavericsConfigError } from '../../src/base/errors.js';
import { createCacheRegistry, LocalCache } from '../../src/cache/index.js';
import { freePort, startRedis, stopAll, type RedisServer } from '../support/redis-servers.js';
import { freshKeys, redisSpec, secret } from '../support/redis-specs.js';
import { openHandles as settledHandles } from '../support/settle.js';

/** Sockets (plain or TLS) and timers this process still holds, once closing has had its chance. */
const openHandles = () => settledHandles(['TCPSocketWrap', 'TLSWrap', 'TCPWrap', 'Timeout']);

let a: RedisServer;
let b: RedisServer;

test.before(async () => {
  [a, b] = await Promise.all([startRedis(), startRedis()]);
});

test.after(async () => {
  await stopAll([a, b]);
});

/** Connections a server sees from this package (they carry the cache's name). */
function ourClients(server: RedisServer): string[] {
  return server.cli('client', 'list').split('\n').filter((l) => l.includes('name=maverics-config:'));
}

test('local_default is always present; unknown names throw', async () => {
  const { registry, warnings } = await createCacheRegistry([]);
  assert.equal(registry.names(), ['local_default']);
  assert.equal(warnings, []);
  assert.instance(registry.get('local_default'), LocalCache);
  assert.ok(registry.has('local_default'));
  assert.not.ok(registry.has('nope'));
  assert.throws(() => registry.get('nope'), (e: MavericsConfigError) => e instanceof MavericsConfigError && e.code === 'ECACHE_UNKNOWN');
  await registry.close();
});

test('opens every cache, shares one interface, and close() ends every connection and timer', async () => {
  const specs = [redisSpec('one', [a.address]), redisSpec('two', [b.address])];
  specs[1]!.hashing = { disabled: false, old: [] };
  const { registry, warnings } = await createCacheRegistry(specs, { local: { maxEntries: 10 } });
  assert.equal(registry.names().sort(), ['local_default', 'one', 'two']);
  assert.is(warnings.length, 1);
  assert.is(warnings[0]?.cache, 'two');
  assert.is(warnings[0]?.ruleId, 'hashing-key-weak');
  assert.match(warnings[0]?.message ?? '', 'cache "two"');
  for (const name of registry.names()) {
    const cache = registry.get(name);
    await cache.set('user:42', Buffer.from(name), { ttlMs: 60_000 });
    assert.equal(await cache.get('user:42'), Buffer.from(name));
    await cache.delete('user:42');
    assert.is(await cache.get('user:42'), undefined);
  }
  assert.is(ourClients(a).length, 1);
  await registry.close();
  await registry.close();
  assert.equal(await openHandles(), []);
  assert.equal(ourClients(a), []);
  assert.equal(ourClients(b), []);
});

test('all or nothing: one bad cache closes the good ones and the error lists every failure', async () => {
  const dead = await freePort();
  const specs = [
    redisSpec('good', [a.address]),
    redisSpec('refused', [`127.0.0.1:${dead}`]),
    redisSpec('good2', [b.address]),
    redisSpec('badkey', [a.address], freshKeys(), {}),
  ];
  specs[3]!.encryption.current = secret('CANARY-bad-key', 'vault.bad');
  try {
    await createCacheRegistry(specs, { redis: { connectTimeoutMs: 2000 } });
    assert.unreachable();
  } catch (err) {
    assert.instance(err, MavericsConfigError);
    const e = err as MavericsConfigError;
    assert.is(e.code, 'ECACHE_REGISTRY');
    assert.match(e.message, '2 failures');
    assert.match(e.message, 'cache "refused"');
    assert.match(e.message, `127.0.0.1:${dead}`);
    assert.match(e.message, 'cache "badkey"');
    assert.match(e.message, 'vault.bad');
    assert.not.match(inspect(e, { depth: 10 }), 'CANARY');
  }
  assert.equal(await openHandles(), []);
  assert.equal(ourClients(a), []);
  assert.equal(ourClients(b), []);
});

test('reserved and duplicate names are refused before anything connects', async () => {
  for (const specs of [[redisSpec('local_default', [a.address])], [redisSpec('x', [a.address]), redisSpec('x', [b.address])]]) {
    try {
      await createCacheRegistry(specs);
      assert.unreachable();
    } catch (err) {
      assert.is((err as MavericsConfigError).code, 'ECACHE_REGISTRY');
    }
  }
  assert.equal(ourClients(a), []);
});

test.run();
