/**
 * Caches against a hostile world: keys that alias, TTLs that overflow, a TCP echo server posing as
 * Redis, and silent servers that must cost one connect budget however many there are. The real
 * ioredis client, real redis-server, real sockets; no timing figures, only structural facts and a
 * generous hang guard (the test runner's).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CacheError, createCacheRegistry, LocalCache, openRedisCache, probeRedis, type Cache } from '../../src/cache/index.js';
import { MavericsConfigError } from '../../src/base/errors.js';
import { startRedis, stopAll, type RedisServer } from '../support/redis-servers.js';
import { redisSpec } from '../support/redis-specs.js';

let redis: RedisServer;
const servers: Server[] = [];
const sockets = new Set<Socket>();

test.before(async () => {
  redis = await startRedis();
});

test.after(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await stopAll([redis]);
});

async function listen(onConnection: (socket: Socket) => void): Promise<{ server: Server; address: string }> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, address: `127.0.0.1:${(server.address() as { port: number }).port}` };
}

async function rejection(promise: Promise<unknown>, type: abstract new (...args: never[]) => Error = CacheError): Promise<CacheError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(error, type, `expected a ${type.name}, got ${String(error)}`);
  return error as CacheError;
}

async function everyCache(use: (cache: Cache) => Promise<void>): Promise<void> {
  const { cache } = await openRedisCache(redisSpec('aliasing', [redis.address]));
  const plain = await openRedisCache(redisSpec('plain', [redis.address], undefined, { encryption: { disabled: true, old: [] }, hashing: { disabled: true, old: [] } }));
  try {
    for (const c of [new LocalCache(), cache, plain.cache]) await use(c);
  } finally {
    await Promise.all([cache.close(), plain.cache.close()]);
  }
}

test('ill-formed UTF-16 keys reject with ECACHE_USAGE in every cache, so \\uD800 never reads \\uFFFD', async () => {
  await everyCache(async (c) => {
    await c.set('\uFFFD', Buffer.from('replacement'));
    for (const key of ['\uD800', 'a\uDC00b', 'x\uD83D']) {
      for (const p of [c.get(key), c.set(key, Buffer.from('v')), c.delete(key)]) assert.is((await rejection(p)).code, 'ECACHE_USAGE', `${c.name}: ${JSON.stringify(key)}`);
    }
    // A well-formed astral character (a surrogate pair) is an ordinary key.
    await c.set('\uD83D\uDE00', Buffer.from('smile'));
    assert.is((await c.get('\uD83D\uDE00'))?.toString(), 'smile');
  });
});

test('ttlMs beyond 2^48 ms rejects with ECACHE_USAGE (never a synchronous throw) in every cache', async () => {
  await everyCache(async (c) => {
    for (const ttlMs of [1e300, 2 ** 48 + 1, Number.MAX_VALUE]) {
      let promise: Promise<void> | undefined;
      assert.not.throws(() => (promise = c.set('k', Buffer.from('v'), { ttlMs })));
      assert.is((await rejection(promise as Promise<void>)).code, 'ECACHE_USAGE');
    }
    await c.set('k', Buffer.from('v'), { ttlMs: 2 ** 48 });
  });
});

test('a TCP echo server is not Redis: open rejects, check --connect reports it', async () => {
  const { address } = await listen((socket) => socket.pipe(socket));
  const error = await rejection(openRedisCache(redisSpec('echo', [address]), { connectTimeoutMs: 2000 }));
  assert.match(error.message, /not as Redis does/);
  for (const topology of ['standalone', 'cluster'] as const) {
    await rejection(openRedisCache(redisSpec('echo', [address]), { connectTimeoutMs: 2000, topology }));
  }
  const registry = await rejection(createCacheRegistry([redisSpec('echo', [address], undefined, { encryption: { disabled: true, old: [] } })], { redis: { connectTimeoutMs: 2000 } }), MavericsConfigError);
  assert.match(registry.message, /not as Redis does/);
  const problems = await probeRedis(redisSpec('echo', [address]), { timeoutMs: 2000 });
  assert.equal(problems.map((p) => [p.ruleId, p.addressIndex]), [['redis-unreachable', 0]]);
  assert.match(problems[0]?.message ?? '', /answered, but not as a Redis server does/);
});

/**
 * Speaks just enough RESP to pass as Redis (INFO with redis_version, PING, SET), then answers GET
 * with an array: the reply shapes are Redis's own (https://redis.io/docs/latest/develop/reference/protocol-spec/).
 */
function almostRedis(socket: Socket): void {
  let buffered = '';
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    // Each command arrives as an array of bulk strings: *<n>\r\n then $<len>\r\n<arg>\r\n per argument.
    for (;;) {
      const m = /^\*(\d+)\r\n/.exec(buffered);
      if (!m) return;
      let at = m[0].length;
      const args: string[] = [];
      for (let i = 0; i < Number(m[1]); i++) {
        const len = /^\$(\d+)\r\n/.exec(buffered.slice(at));
        if (!len || buffered.length < at + len[0].length + Number(len[1]) + 2) return;
        args.push(buffered.slice(at + len[0].length, at + len[0].length + Number(len[1])));
        at += len[0].length + Number(len[1]) + 2;
      }
      buffered = buffered.slice(at);
      const command = (args[0] ?? '').toUpperCase();
      const info = 'redis_version:7.2.4\r\nredis_mode:standalone\r\n';
      if (command === 'INFO') socket.write(`$${info.length}\r\n${info}\r\n`);
      else if (command === 'PING') socket.write('+PONG\r\n');
      else if (command === 'GET') socket.write('*2\r\n$3\r\nnot\r\n$5\r\nvalue\r\n');
      // ioredis speaks RESP3: HELLO 3 is answered with a map, as Redis 6+ does.
      else if (command === 'HELLO') socket.write('%2\r\n$6\r\nserver\r\n$5\r\nredis\r\n$5\r\nproto\r\n:3\r\n');
      else socket.write('+OK\r\n');
    }
  });
}

test('a GET reply that is not a string is a fault, never a value handed to the caller', async () => {
  const { address } = await listen(almostRedis);
  const { cache } = await openRedisCache(redisSpec('almost', [address], undefined, { encryption: { disabled: true, old: [] } }), { connectTimeoutMs: 5000 });
  const errors: CacheError[] = [];
  cache.on('error', (e) => errors.push(e));
  try {
    assert.is(await cache.get('k'), undefined);
    assert.equal(errors.map((e) => e.code), ['ECACHE_COMMAND']);
    assert.match(errors[0]?.message ?? '', /not a Redis string/);
    assert.is(cache.stats().errors, 1);
  } finally {
    await cache.close();
  }
});

test('opening tries every address within one budget: all six silent servers are asked before the first gives up', async () => {
  let connected = 0;
  let connectedWhenFirstDropped: number | undefined;
  let dropped = 0;
  let allDropped: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (allDropped = resolve));
  const silent = await Promise.all(
    Array.from({ length: 6 }, () =>
      listen((socket) => {
        connected++;
        // Read and ignore: a socket nobody reads never sees the client's FIN.
        socket.resume();
        socket.on('close', () => {
          connectedWhenFirstDropped ??= connected;
          if (++dropped === 6) allDropped();
        });
      }),
    ),
  );
  const error = await rejection(openRedisCache(redisSpec('silent', silent.map((s) => s.address)), { connectTimeoutMs: 1500 }));
  assert.is(error.code, 'ECACHE_UNAVAILABLE');
  await closed;
  // One after another, the first would be dropped when only it had been asked.
  assert.is(connectedWhenFirstDropped, 6);
  for (const s of silent) assert.match(error.message, s.address);
});

test('a silent address beside a live one does not hold the open: the live one answers', async () => {
  const { address } = await listen((socket) => socket.resume());
  const { cache } = await openRedisCache(redisSpec('mixed', [address, redis.address]), { connectTimeoutMs: 30_000 });
  try {
    await cache.set('k', Buffer.from('v'));
    assert.is((await cache.get('k'))?.toString(), 'v');
  } finally {
    await cache.close();
  }
});

test.run();
