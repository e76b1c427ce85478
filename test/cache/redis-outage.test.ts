import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inspect } from 'node:util';
import { CacheError, openRedisCache, type RedisCache } from '../../src/cache/index.js';
import { startRedis, stopAll, type RedisServer } from '../support/redis-servers.js';
import { canary, redisSpec, sleep } from '../support/redis-specs.js';
import { eventually, HANG_GUARD_MS, settles } from '../support/settle.js';

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

let server: RedisServer;
let cache: RedisCache;
const DEADLINE = 400;

test.before(async () => {
  server = await startRedis();
  ({ cache } = await openRedisCache(redisSpec('outage', [server.address]), { commandTimeoutMs: DEADLINE, maxOfflineQueue: 50 }));
});

test.after(async () => {
  await cache.close();
  await stopAll([server]);
});

test('server killed mid-load: every operation settles within its deadline, then the cache recovers', async () => {
  const errors: CacheError[] = [];
  cache.on('error', (e) => errors.push(e));
  const secretValue = canary('value');
  const secretKey = canary('key');
  let stop = false;
  let ok = 0;
  let failed = 0;
  const rejections: unknown[] = [];
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        await cache.set(`${secretKey}:${w}:${i % 5}`, Buffer.from(secretValue), { ttlMs: 60_000 });
        await cache.get(`${secretKey}:${w}:${i % 5}`);
        ok++;
      } catch (err) {
        failed++;
        rejections.push(err);
        await sleep(20);
      }
    }
  };
  const workers = Array.from({ length: 20 }, (_, w) => worker(w));
  let okBefore: number | undefined;
  let failedDuring: number | undefined;
  let recovered = false;
  try {
    await eventually('load before the outage', () => ok > 0);
    okBefore = ok;
    await server.stop('SIGKILL');
    await eventually('operations to fail during the outage', () => failed > 0);
    failedDuring = failed;
    await server.restart();
    const until = Date.now() + HANG_GUARD_MS;
    while (Date.now() < until) {
      try {
        await cache.set('after-restart', Buffer.from('v'));
        recovered = (await cache.get('after-restart'))?.toString() === 'v';
        if (recovered) break;
      } catch {
        await sleep(100);
      }
    }
  } finally {
    // Even when a step above fails, the load stops: otherwise the workers keep the process alive.
    stop = true;
    // Every operation settles (each has its deadline): otherwise a worker never sees `stop`.
    await settles('the workers', Promise.all(workers));
  }

  assert.ok(okBefore !== undefined && okBefore > 0, 'load ran before the outage');
  assert.ok(failedDuring !== undefined && failedDuring > 0, 'operations failed during the outage');
  assert.ok(recovered, 'recovered after restart on the same port');
  assert.ok(cache.stats().errors > 0);
  assert.ok(errors.length > 0, 'get emitted error events');
  for (const err of [...rejections, ...errors]) {
    assert.instance(err, CacheError);
    assert.ok(['ECACHE_UNAVAILABLE', 'ECACHE_TIMEOUT'].includes((err as CacheError).code), (err as CacheError).code);
    const text = inspect(err, { depth: 10 });
    assert.not.match(text, 'CANARY');
  }
  assert.equal(unhandled, []);
});

test('the offline queue is bounded: beyond maxOfflineQueue, operations fail at once', async () => {
  await server.stop('SIGKILL');
  await sleep(100);
  const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => cache.set(`k${i}`, Buffer.from('v'))));
  const immediate = results.filter((r) => r.status === 'rejected' && /already waiting/.test(String((r.reason as Error).message)));
  assert.ok(immediate.length >= 150, `${immediate.length} refused at once`);
  assert.ok(results.every((r) => r.status === 'rejected'));
  // get during the outage is a miss, not a rejection.
  assert.is(await cache.get('k1'), undefined);
  await server.restart();
  assert.equal(unhandled, []);
});

test.run();
