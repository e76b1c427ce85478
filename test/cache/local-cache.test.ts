import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LocalCache } from '../../src/cache/local-cache.js';
import { CacheError } from '../../src/cache/cache.js';

test('round trip, miss, delete and stats', async () => {
  const c = new LocalCache();
  assert.is(c.name, 'local_default');
  assert.is(await c.get('k'), undefined);
  await c.set('k', Buffer.from('v'));
  assert.equal(await c.get('k'), Buffer.from('v'));
  await c.delete('k');
  assert.is(await c.get('k'), undefined);
  assert.equal(c.stats(), { hits: 1, misses: 2, errors: 0, integrityFailures: 0 });
});

test('stored and returned values are copies', async () => {
  const c = new LocalCache();
  const v = Buffer.from('abc');
  await c.set('k', v);
  v[0] = 0x7a;
  const got = (await c.get('k')) as Buffer;
  assert.is(got.toString(), 'abc');
  got[0] = 0x7a;
  assert.is(((await c.get('k')) as Buffer).toString(), 'abc');
});

test('bounded by entries: the least recently used goes first', async () => {
  const c = new LocalCache({ maxEntries: 3 });
  for (const k of ['a', 'b', 'c']) await c.set(k, Buffer.from(k));
  await c.get('a'); // a is now the most recent
  await c.set('d', Buffer.from('d'));
  assert.is(c.size, 3);
  assert.is(await c.get('b'), undefined);
  assert.ok(await c.get('a'));
  assert.ok(await c.get('c'));
  assert.ok(await c.get('d'));
});

test('bounded by bytes; a value larger than the bound is not stored', async () => {
  const c = new LocalCache({ maxBytes: 1000 });
  for (let i = 0; i < 10; i++) await c.set(`k${i}`, Buffer.alloc(200));
  assert.ok(c.bytes <= 1000);
  assert.is(await c.get('k0'), undefined);
  assert.ok(await c.get('k9'));
  await c.set('huge', Buffer.alloc(2000));
  assert.is(await c.get('huge'), undefined);
  assert.ok(await c.get('k9'), 'a value that cannot fit evicts nothing');
  await c.set('k9', Buffer.alloc(10));
  assert.is(((await c.get('k9')) as Buffer).length, 10, 'overwrite replaces and re-accounts');
});

test('TTL honoured lazily with no timer', async () => {
  let now = 1000;
  const c = new LocalCache({ now: () => now });
  await c.set('k', Buffer.from('v'), { ttlMs: 100 });
  await c.set('forever', Buffer.from('v'));
  now = 1099;
  assert.ok(await c.get('k'));
  now = 1100;
  assert.is(await c.get('k'), undefined);
  assert.is(c.size, 1);
  assert.ok(await c.get('forever'));
  assert.not.ok(process.getActiveResourcesInfo().includes('Timeout'));
});

test('misuse rejects with CacheError', async () => {
  const c = new LocalCache();
  for (const p of [c.get(''), c.set('k', 'v' as unknown as Buffer), c.set('k', Buffer.from('v'), { ttlMs: -1 }), c.set('k', Buffer.from('v'), { ttlMs: Number.NaN })]) {
    try {
      await p;
      assert.unreachable();
    } catch (err) {
      assert.instance(err, CacheError);
      assert.is((err as CacheError).code, 'ECACHE_USAGE');
    }
  }
  assert.throws(() => new LocalCache({ maxEntries: 0 }), (e: CacheError) => e.code === 'ECACHE_CONFIG');
});

test.run();
