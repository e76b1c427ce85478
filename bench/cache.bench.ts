// SET+GET pairs per second with 1 KiB values, through the encrypted and hashed Redis cache and
// through raw ioredis (same client options) against one self-started redis-server, at 1 and 50
// operations in flight. "Ideal" is raw ioredis plus the bare crypto the cache must add per pair (one
// AES-256-GCM seal and one open of 1 KiB, two HMAC-SHA256), all measured in this run.
// The cache sends its commands through sendCommand on a socket corked for the tick, which is cheaper
// than ioredis's auto-pipelining; "raw, same path" does that without crypto, and its ideal is the
// like-for-like one (the ideal is built on plain raw ioredis, which the cache now beats).
// Then a 3-master cluster: ioredis's auto-pipelining (what the cache used, and what cannot retry a
// redirected mixed batch) against the cache's own per-node tick batching; and the lost-write window
// of a SENTINEL FAILOVER on a 1+2 Sentinel set with 3 sentinels, under a verifying load.
// Reproduce: npx tsx bench/cache.bench.ts   (or: npm run bench -- cache)
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Cluster, Command, Redis } from 'ioredis';
import { LocalCache, openRedisCache, type Cache } from '../src/cache/index.js';
import { startCluster, startRedis, startSentinelSet, stopAll } from '../test/support/redis-servers.js';
import { redisSpec } from '../test/support/redis-specs.js';
import { eventually } from '../test/support/settle.js';
import { VerifyingLoad } from '../test/support/verifying-load.js';

const VALUE = randomBytes(1024);
const KEYS = 1000;
// Short rounds, raw and cache alternating, ratios taken per adjacent pair and then the median: on
// a shared 2-core machine the background load drifts, and this keeps the drift out of the ratios.
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

type Pair = (i: number) => Promise<unknown>;

/** Pairs per second with `inFlight` workers each running pairs back to back for ROUND_MS. */
async function pairsPerSecond(pair: Pair, inFlight: number): Promise<number> {
  let done = 0;
  const until = performance.now() + ROUND_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async (_, w) => {
      for (let i = w; performance.now() < until; i += inFlight) {
        await pair(i % KEYS);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Nanoseconds per call of `fn`, best of three batches. */
function nsPer(fn: () => void, n = 20000): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / n);
  }
  return best;
}

function bareCryptoNs(): { seal: number; open: number; hmac2: number } {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const aad = Buffer.from('\x01aaaaaaaa\x00\x05benchuser:123');
  const seal = () => {
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(aad);
    const out = c.update(VALUE);
    c.final();
    return [out, c.getAuthTag()] as const;
  };
  const [ct, tag] = seal();
  const open = () => {
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAAD(aad);
    d.setAuthTag(tag);
    d.update(ct);
    d.final();
  };
  const hkey = randomBytes(32);
  const hmac2 = () => {
    createHmac('sha256', hkey).update('user:123').digest('hex');
    createHmac('sha256', hkey).update('user:123').digest('hex');
  };
  return { seal: nsPer(seal), open: nsPer(open), hmac2: nsPer(hmac2) };
}

const server = await startRedis();
const raw = new Redis({ host: '127.0.0.1', port: server.port, enableAutoPipelining: true, lazyConnect: true, disableClientInfo: true });
raw.on('error', () => undefined);
await raw.connect();
const batched = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: true, disableClientInfo: true });
batched.on('error', () => undefined);
await batched.connect();
let corked = false;
const uncork = () => {
  corked = false;
  batched.stream.uncork();
};
const send = (command: Command): Promise<unknown> => {
  if (!corked) {
    corked = true;
    batched.stream.cork();
    process.nextTick(uncork);
  }
  return batched.sendCommand(command) as Promise<unknown>;
};
const batchedPair: Pair = async (i) => {
  await send(new Command('set', [`raw2:${i}`, VALUE]));
  await send(new Command('get', [`raw2:${i}`]));
};
const { cache } = await openRedisCache(redisSpec('bench', [server.address]));
const rawPair: Pair = async (i) => {
  await raw.set(`raw:${i}`, VALUE);
  await raw.getBuffer(`raw:${i}`);
};
const cachePair = (c: Cache): Pair => async (i) => {
  await c.set(`user:${i}`, VALUE);
  await c.get(`user:${i}`);
};

// Warm up both paths (JIT, connection, keys present).
await pairsPerSecond(rawPair, 50);
await pairsPerSecond(batchedPair, 50);
await pairsPerSecond(cachePair(cache), 50);

const rows: string[] = [];
const crypto = bareCryptoNs();
const cryptoNs = crypto.seal + crypto.open + crypto.hmac2;
for (const inFlight of [1, 50]) {
  const rawRuns: number[] = [];
  const cacheRuns: number[] = [];
  const idealRatios: number[] = [];
  const rawRatios: number[] = [];
  const sameRuns: number[] = [];
  const sameRatios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so neither always runs on the warmer (or busier) half.
    const first = r % 2 === 0;
    const a = first ? await pairsPerSecond(rawPair, inFlight) : 0;
    const c = await pairsPerSecond(cachePair(cache), inFlight);
    const b = first ? a : await pairsPerSecond(rawPair, inFlight);
    rawRuns.push(b);
    cacheRuns.push(c);
    idealRatios.push(c / (1e9 / (1e9 / b + cryptoNs)));
    rawRatios.push(c / b);
    const same = await pairsPerSecond(batchedPair, inFlight);
    sameRuns.push(same);
    sameRatios.push(c / (1e9 / (1e9 / same + cryptoNs)));
  }
  const rawOps = median(rawRuns);
  const cacheOps = median(cacheRuns);
  const idealOps = 1e9 / (1e9 / rawOps + cryptoNs);
  rows.push(
    `| ${inFlight} | ${fmt(rawOps)} | ${fmt(idealOps)} | ${fmt(cacheOps)} | ${median(idealRatios).toFixed(2)} | ${median(rawRatios).toFixed(2)} | ${fmt(median(sameRuns))} | ${median(sameRatios).toFixed(2)} |`,
  );
}
const local = new LocalCache();
const localOps = median([await pairsPerSecond(cachePair(local), 1), await pairsPerSecond(cachePair(local), 1), await pairsPerSecond(cachePair(local), 1)]);

await cache.close();
raw.disconnect();
batched.disconnect();
await server.stop();

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

console.log(
  `Redis cache, 1 KiB values, SET+GET pairs/s (median of ${ROUNDS} alternating rounds of ${ROUND_MS} ms; encrypted + keyed hashing;` +
    ' ratios are medians of per-round ratios)\n',
);
console.log('| in flight | raw ioredis | ideal | cache | cache / ideal | cache / raw | raw, same path | cache / ideal (same path) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log(
  `\nBare crypto per pair, same run: seal ${(crypto.seal / 1000).toFixed(2)} µs + open ${(crypto.open / 1000).toFixed(2)} µs + 2×HMAC ${(crypto.hmac2 / 1000).toFixed(2)} µs = ${(cryptoNs / 1000).toFixed(2)} µs`,
);
console.log(`local_default, 1 KiB values: ${fmt(localOps)} SET+GET pairs/s`);

await clusterThroughput();
await sentinelLostWrites();
console.log(`\nReproduce: npx tsx bench/cache.bench.ts  (BENCH_ROUND_MS, BENCH_ROUNDS, BENCH_FAILOVERS to change the run length)`);

/**
 * A 3-master cluster, 1 KiB values, SET+GET pairs/s: raw ioredis with auto-pipelining on the Cluster
 * and its nodes (the cache's former setting) and off, and the cache (per-node tick batching) without
 * and with encryption and hashing. Rounds alternate as above.
 */
async function clusterThroughput(): Promise<void> {
  const nodes = await startCluster(3);
  const clients: Cluster[] = [];
  const caches: Array<{ close(): Promise<void> }> = [];
  try {
    const rawCluster = async (autoPipelining: boolean): Promise<Pair> => {
      const client = new Cluster(
        nodes.map((n) => ({ host: '127.0.0.1', port: n.port })),
        { enableAutoPipelining: autoPipelining, lazyConnect: true, redisOptions: { enableAutoPipelining: autoPipelining, disableClientInfo: true } },
      );
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return async (i) => {
        await client.set(`raw:${i}`, VALUE);
        await client.getBuffer(`raw:${i}`);
      };
    };
    const cacheOn = async (name: string, sealed: boolean): Promise<Pair> => {
      const off = { disabled: true, old: [] };
      const spec = redisSpec(name, nodes.map((n) => n.address), undefined, sealed ? {} : { encryption: off, hashing: off });
      const { cache: c } = await openRedisCache(spec);
      caches.push(c);
      return cachePair(c);
    };
    const variants: Array<[string, Pair]> = [
      ['raw ioredis, auto-pipelining on', await rawCluster(true)],
      ['raw ioredis, auto-pipelining off', await rawCluster(false)],
      ['cache, plain (no encryption, no hashing)', await cacheOn('bench-plain', false)],
      ['cache, encrypted + hashed', await cacheOn('bench-sealed', true)],
    ];
    for (const [, pair] of variants) await pairsPerSecond(pair, 50);
    const rounds = Math.max(3, Math.ceil(ROUNDS / 2));
    console.log(`\nCluster (3 masters), 1 KiB values, SET+GET pairs/s, median of ${rounds} rounds of ${ROUND_MS} ms per variant\n`);
    console.log('| variant | 1 in flight | 50 in flight |');
    console.log('|---|---:|---:|');
    const results = variants.map(() => [[] as number[], [] as number[]]);
    for (let r = 0; r < rounds; r++) {
      for (const [f, inFlight] of [1, 50].entries()) {
        const order = r % 2 === 0 ? variants.keys() : [...variants.keys()].reverse();
        for (const v of order) results[v]?.[f]?.push(await pairsPerSecond((variants[v] as [string, Pair])[1], inFlight));
      }
    }
    variants.forEach(([label], v) => console.log(`| ${label} | ${fmt(median(results[v]?.[0] ?? []))} | ${fmt(median(results[v]?.[1] ?? []))} |`));
  } finally {
    await Promise.allSettled(caches.map((c) => c.close()));
    for (const c of clients) c.disconnect();
    await stopAll(nodes);
  }
}

/**
 * SENTINEL FAILOVER under a verifying load (4 workers, 64-byte values): writes acknowledged by the
 * deposed master after the promotion and before the client followed are discarded when Sentinel
 * makes it a replica. The window is from the first to the last acknowledgement of a write found lost.
 */
async function sentinelLostWrites(): Promise<void> {
  const set = await startSentinelSet('benchmaster', 2, 3);
  const servers = [set.master, ...set.replicas, ...set.sentinels];
  try {
    const { cache: c } = await openRedisCache(redisSpec('bench-sentinel', set.sentinels.map((s) => s.address)));
    const failovers = Number(process.env.BENCH_FAILOVERS ?? 3);
    console.log(`\nSENTINEL FAILOVER, 1 master + 2 replicas, 3 sentinels, 4 workers: lost writes per failover\n`);
    console.log('| failover | operations | lost writes | lost-write window (ms) | wrong values | command errors |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    const windows: number[] = [];
    for (let f = 1; f <= failovers; f++) {
      const masterPort = () => set.sentinels[0]?.cli('sentinel', 'get-master-addr-by-name', 'benchmaster').split('\n')[1];
      const before = masterPort();
      const deposed = servers.find((s) => String(s.port) === before);
      const load = new VerifyingLoad(c).start();
      await load.runFor(500);
      // Right after a failover Sentinel answers NOGOODSLAVE or INPROG for a while: ask until it starts one.
      await eventually('sentinel to start a failover', () => /OK/.test(set.sentinels[0]?.cli('sentinel', 'failover', 'benchmaster') ?? ''), 120_000);
      await eventually('a new master', () => masterPort() !== before);
      await eventually('the deposed master to be a replica in sync', () => /role:slave[\s\S]*master_link_status:up/.test(deposed?.cli('info', 'replication') ?? ''));
      await load.runFor(500);
      const r = await load.stop();
      windows.push(r.lostWindowMs);
      const errors = Object.values(r.commandErrors).reduce((a, b) => a + b, 0);
      console.log(`| ${f} | ${fmt(r.ops)} | ${fmt(r.lostWrites)} | ${r.lostWindowMs} | ${r.wrong} | ${errors} |`);
    }
    console.log(`\nLost-write window: median ${median(windows)} ms, worst ${Math.max(...windows)} ms (target ≤ 2000 ms)`);
    await c.close();
  } finally {
    await stopAll(servers);
  }
}
