import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { KeyHasher, openRedisCache, type IntegrityEvent, type RedisCache } from '../../src/cache/index.js';
import { aclArgs, allKeys, startRedis, stopAll, type RedisServer } from '../support/redis-servers.js';
import { canary, freshKeys, hexKey, redisSpec, secret, sleep } from '../support/redis-specs.js';

let plain: RedisServer;
let acl: RedisServer;
let raw: Redis;
const open: RedisCache[] = [];

async function openCache(...args: Parameters<typeof redisSpec>): Promise<RedisCache> {
  const { cache } = await openRedisCache(redisSpec(...args));
  open.push(cache);
  return cache;
}

function integrityEvents(cache: RedisCache): IntegrityEvent[] {
  const events: IntegrityEvent[] = [];
  cache.on('integrity', (e) => events.push(e));
  return events;
}

test.before(async () => {
  [plain, acl] = await Promise.all([startRedis(), startRedis({ args: aclArgs('alice', 'CANARY-acl-password') })]);
  raw = new Redis({ host: '127.0.0.1', port: plain.port, lazyConnect: true });
  await raw.connect();
});

test.after(async () => {
  await Promise.all(open.map((c) => c.close()));
  raw.disconnect();
  await stopAll([plain, acl]);
});

test('round trip, miss, overwrite, delete, stats; topology detected as standalone', async () => {
  const c = await openCache('rt', [plain.address]);
  assert.match(c.description, 'standalone');
  assert.is(await c.get('missing'), undefined);
  await c.set('k', Buffer.from('one'));
  await c.set('k', Buffer.from('two'));
  assert.equal(await c.get('k'), Buffer.from('two'));
  await c.set('empty', Buffer.alloc(0));
  assert.equal(await c.get('empty'), Buffer.alloc(0));
  await c.delete('k');
  assert.is(await c.get('k'), undefined);
  assert.equal(c.stats(), { hits: 2, misses: 2, errors: 0, integrityFailures: 0 });
});

test('commands issued in one tick reach Redis in the order they were issued', async () => {
  const c = await openCache('order', [plain.address]);
  // Not awaited one by one: all of these leave in one write, and each must see the one before.
  const done = [c.set('k', Buffer.from('one')), c.delete('k'), c.set('k', Buffer.from('two')), c.get('k'), c.delete('k'), c.get('k')];
  const results = await Promise.all(done);
  assert.equal(results[3], Buffer.from('two'));
  assert.is(results[5], undefined);
  const many = await Promise.all(Array.from({ length: 200 }, (_, i) => c.set(`m${i}`, Buffer.from(`v${i}`)).then(() => c.get(`m${i}`))));
  many.forEach((v, i) => assert.equal(v, Buffer.from(`v${i}`)));
});

test('a cache name with spaces and non-ASCII works (it also names the connection)', async () => {
  const c = await openCache('my cache é', [plain.address]);
  await c.set('k', Buffer.from('v'));
  assert.equal(await c.get('k'), Buffer.from('v'));
  assert.match(plain.cli('client', 'list'), 'name=maverics-config:my_cache__');
});

test('nothing in Redis reveals a key name or a value', async () => {
  const c = await openCache('canary', [plain.address]);
  const key = canary('key');
  const value = canary('value');
  await c.set(key, Buffer.from(value), { ttlMs: 60_000 });
  await c.set(`user:${key}`, Buffer.from(`${value}${value}`));
  const keys = allKeys(plain);
  assert.ok(keys.length >= 2);
  for (const k of keys) {
    assert.not.match(k, 'CANARY');
    const stored = await raw.getBuffer(k);
    assert.ok(stored);
    assert.not.ok(stored.includes('CANARY'), 'value visible in Redis');
  }
  assert.not.match(plain.cli('--raw', 'scan', '0', 'count', '1000'), 'CANARY');
  assert.equal(await c.get(key), Buffer.from(value));
});

test('a flipped bit in Redis is a miss plus an integrity event, never garbage', async () => {
  const c = await openCache('flip', [plain.address]);
  const events = integrityEvents(c);
  await c.set('k', Buffer.from('precious'));
  const [redisKey] = (await raw.keys('maverics:flip:*')) as [string];
  const stored = (await raw.getBuffer(redisKey)) as Buffer;
  for (const at of [0, 5, 15, stored.length - 20, stored.length - 1]) {
    const copy = Buffer.from(stored);
    copy[at] = (copy[at] as number) ^ 0x10;
    await raw.set(redisKey, copy);
    assert.is(await c.get('k'), undefined, `flip at ${at}`);
  }
  assert.is(events.length, 5);
  assert.equal(new Set(events.map((e) => e.reason)), new Set(['unsupported-version', 'unknown-key', 'tag-mismatch']));
  assert.equal(c.stats().integrityFailures, 5);
  for (const e of events) assert.equal(Object.keys(e).sort(), ['cache', 'reason']);
});

test('a value copied to another key is refused', async () => {
  const keys = freshKeys();
  const c = await openCache('swap', [plain.address], keys);
  const events = integrityEvents(c);
  await c.set('alice', Buffer.from('alice-data'));
  await c.set('mallory', Buffer.from('mallory-data'));
  // The Redis keys, computed the way the cache does, to play the attacker who copies values around.
  const hasher = new KeyHasher('swap', { disabled: false, current: secret(keys.hash), old: [] });
  await raw.copy(hasher.primary('mallory'), hasher.primary('alice'), 'REPLACE');
  assert.is(await c.get('alice'), undefined);
  assert.equal(events.map((e) => e.reason), ['tag-mismatch']);
  assert.equal(await c.get('mallory'), Buffer.from('mallory-data'));
});

test('encryption key rotation: write under A; B+old A reads it; B alone does not', async () => {
  const a = hexKey();
  const b = hexKey();
  const hash = hexKey();
  const writer = await openCache('rot', [plain.address], { enc: a, hash });
  await writer.set('k', Buffer.from('under A'));
  const rotated = await openCache('rot', [plain.address], { enc: b, oldEnc: [a], hash });
  assert.equal(await rotated.get('k'), Buffer.from('under A'));
  const onlyB = await openCache('rot', [plain.address], { enc: b, hash });
  const events = integrityEvents(onlyB);
  assert.is(await onlyB.get('k'), undefined);
  assert.equal(events.map((e) => e.reason), ['unknown-key']);
  await rotated.set('k', Buffer.from('under B'));
  assert.equal(await onlyB.get('k'), Buffer.from('under B'));
});

test('hashing key rotation: get falls back to the old variant, delete removes every variant', async () => {
  const enc = hexKey();
  const h1 = hexKey();
  const h2 = hexKey();
  const old = await openCache('hrot', [plain.address], { enc, hash: h1 });
  await old.set('k', Buffer.from('v1'));
  const rotated = await openCache('hrot', [plain.address], { enc, hash: h2, oldHash: [h1] });
  assert.equal(await rotated.get('k'), Buffer.from('v1'));
  await rotated.set('k', Buffer.from('v2'));
  assert.is((await raw.keys('maverics:hrot:*')).length, 2);
  assert.equal(await rotated.get('k'), Buffer.from('v2'), 'current variant wins');
  await rotated.delete('k');
  assert.is((await raw.keys('maverics:hrot:*')).length, 0);
  assert.is(await old.get('k'), undefined);
});

test('TTL: Redis expiry is set, and an expired envelope replayed later is refused', async () => {
  const c = await openCache('ttl', [plain.address]);
  const events = integrityEvents(c);
  await c.set('k', Buffer.from('short-lived'), { ttlMs: 400 });
  const [redisKey] = (await raw.keys('maverics:ttl:*')) as [string];
  const pttl = await raw.pttl(redisKey);
  assert.ok(pttl > 0 && pttl <= 400, `PTTL ${pttl}`);
  const captured = (await raw.getBuffer(redisKey)) as Buffer;
  assert.equal(await c.get('k'), Buffer.from('short-lived'));
  await sleep(500);
  assert.is(await raw.exists(redisKey), 0);
  assert.is(await c.get('k'), undefined);
  await raw.set(redisKey, captured); // replay without an expiry
  assert.is(await c.get('k'), undefined);
  assert.equal(events.map((e) => e.reason), ['expired']);
  await c.set('forever', Buffer.from('v'));
  const keys = await raw.keys('maverics:ttl:*');
  assert.ok((await Promise.all(keys.map((k) => raw.pttl(k)))).includes(-1));
});

test('hashing disabled shows raw names under the cache prefix; encryption disabled stores raw values', async () => {
  const c = await openCache('clear', [plain.address], freshKeys(), {
    encryption: { disabled: true, old: [] },
    hashing: { disabled: true, old: [] },
  });
  await c.set('user:42', Buffer.from('visible'), { ttlMs: 10_000 });
  assert.equal(await raw.getBuffer('maverics:clear:user:42'), Buffer.from('visible'));
  assert.equal(await c.get('user:42'), Buffer.from('visible'));
  assert.ok((await raw.pttl('maverics:clear:user:42')) > 0);
});

test('no hashing key: unkeyed hashing and a warning from the factory', async () => {
  const spec = redisSpec('unkeyed', [plain.address]);
  spec.hashing = { disabled: false, old: [] };
  const { cache, warnings } = await openRedisCache(spec);
  open.push(cache);
  assert.is(warnings.length, 1);
  assert.match(warnings[0] as string, 'dictionary');
  await cache.set('user:1', Buffer.from('v'));
  assert.equal(await cache.get('user:1'), Buffer.from('v'));
  assert.not.ok((await raw.keys('maverics:unkeyed:*')).some((k) => k.includes('user')));
});

test('a bad key never reaches the network and never appears in the error', async () => {
  const spec = redisSpec('badkey', [plain.address]);
  spec.encryption.current = secret('CANARY-not-a-hex-key', 'vault.enc');
  try {
    await openRedisCache(spec);
    assert.unreachable();
  } catch (err) {
    assert.is((err as { code: string }).code, 'ECACHE_KEY_FORMAT');
    assert.not.match(inspect(err, { depth: 10 }), 'CANARY');
  }
});

test('ACL user: round trip with username and password; wrong password is refused without leaking it', async () => {
  const c = await openCache('acl', [acl.address], freshKeys(), { username: 'alice', password: secret('CANARY-acl-password', 'vault.redis_password') });
  await c.set('k', Buffer.from('v'));
  assert.equal(await c.get('k'), Buffer.from('v'));
  try {
    await openRedisCache(redisSpec('acl2', [acl.address], freshKeys(), { username: 'alice', password: secret('CANARY-wrong-password') }));
    assert.unreachable();
  } catch (err) {
    const text = inspect(err, { depth: 10 });
    assert.match(text, 'WRONGPASS');
    assert.not.match(text, 'CANARY');
  }
  assert.not.match(inspect(c, { depth: 6 }), 'CANARY-acl');
});

test('the deadline defaults to one second and misuse rejects with ECACHE_USAGE', async () => {
  const c = await openCache('misuse', [plain.address]);
  for (const p of [c.set('', Buffer.from('v')), c.set('k', Buffer.from('v'), { ttlMs: -5 }), c.delete('')]) {
    try {
      await p;
      assert.unreachable();
    } catch (err) {
      assert.is((err as { code: string }).code, 'ECACHE_USAGE');
    }
  }
});

test.run();
