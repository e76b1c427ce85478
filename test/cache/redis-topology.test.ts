// Topology changes under a verifying load (issue 15): a 3+3 cluster through a graceful failover, a
// slot migration (ASK, then MOVED) and a SIGKILLed master; a 1+2 Sentinel set with 3 sentinels through
// SENTINEL FAILOVER. Counts only: the durations are the servers' own (node timeout, Sentinel's
// reconfiguration), each wait is bounded by the hang guard, and npm run bench measures the times.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openRedisCache, type CacheError, type RedisCache } from '../../src/cache/index.js';
import { startCluster, startSentinelSet, stopAll, type RedisServer } from '../support/redis-servers.js';
import { eventually, settles } from '../support/settle.js';
import { freshKeys, redisSpec } from '../support/redis-specs.js';
import { VerifyingLoad, type LoadReport } from '../support/verifying-load.js';

const MASTERS = 3;
/** The load; TOPOLOGY_WORKERS and TOPOLOGY_VALUE_BYTES reproduce the heavier one (32, 1024). */
const LOAD = { workers: Number(process.env.TOPOLOGY_WORKERS ?? 4), valueBytes: Number(process.env.TOPOLOGY_VALUE_BYTES ?? 64) };
/** Operations the load runs after each change has settled, so every worker reads the new topology. */
const AFTER = 600;
/** Sentinel's lost-write window is about 1 s (npm run bench); 11 s before failoverDetector. */
const LOST_WINDOW_GUARD_MS = 5000;

let nodes: RedisServer[] = [];
let sentinelSet: Awaited<ReturnType<typeof startSentinelSet>> | undefined;
const open: RedisCache[] = [];

test.before(async () => {
  // Settled, not Promise.all: if one set fails to start, the other is still stopped by test.after.
  const [cluster, set] = await Promise.allSettled([startCluster(MASTERS, 1), startSentinelSet('topomaster', 2, 3)]);
  if (cluster.status === 'fulfilled') nodes = cluster.value;
  if (set.status === 'fulfilled') sentinelSet = set.value;
  for (const r of [cluster, set]) if (r.status === 'rejected') throw r.reason;
});

test.after(async () => {
  await Promise.allSettled(open.map((c) => c.close()));
  await stopAll([...nodes, ...(sentinelSet ? [sentinelSet.master, ...sentinelSet.replicas, ...sentinelSet.sentinels] : [])]);
});

/** Node id, role and master id of every node, from CLUSTER NODES as one node sees it. */
function clusterNodes(via: RedisServer): Array<{ id: string; port: number; master: boolean; masterId: string; failed: boolean }> {
  return via
    .cli('cluster', 'nodes')
    .trim()
    .split('\n')
    .map((line) => {
      const [id, address, flags, masterId] = line.split(' ') as [string, string, string, string];
      return { id, port: Number(/:(\d+)@/.exec(address)?.[1]), master: flags.includes('master'), masterId, failed: /fail\b/.test(flags) };
    });
}

/** The port of the replica of the master on `port`. */
function replicaOf(via: RedisServer, port: number): number {
  const all = clusterNodes(via);
  const master = all.find((n) => n.port === port);
  const replica = all.find((n) => !n.master && n.masterId === master?.id);
  if (!replica) throw new Error(`no replica of ${port}`);
  return replica.port;
}

function byPort(port: number): RedisServer {
  const node = nodes.find((n) => n.port === port);
  if (!node) throw new Error(`no node on port ${port}`);
  return node;
}

function errorStats(node: RedisServer): { ask: number; moved: number } {
  const info = node.cli('info', 'errorstats');
  return { ask: Number(/errorstat_ASK:count=(\d+)/.exec(info)?.[1] ?? 0), moved: Number(/errorstat_MOVED:count=(\d+)/.exec(info)?.[1] ?? 0) };
}

/** Every running node agrees that the master on `port` serves `slot`. */
function slotOwnerEverywhere(slot: number, port: number): boolean {
  return nodes.filter((n) => n.process.exitCode === null && n.process.signalCode === null).every((n) => ownerOf(n, slot) === port);
}

function ownerOf(via: RedisServer, slot: number): number | undefined {
  const out = via.cli('cluster', 'slots').trim().split('\n');
  // redis-cli prints CLUSTER SLOTS flattened: start, end, then the master's ip, port, id, ...
  for (let i = 0; i + 3 < out.length; i++) {
    const start = Number(out[i]);
    const end = Number(out[i + 1]);
    if (/^\d+$/.test(out[i] ?? '') && /^\d+$/.test(out[i + 1] ?? '') && out[i + 2] === '127.0.0.1' && start <= slot && slot <= end) return Number(out[i + 3]);
  }
  return undefined;
}

function sum(errors: Record<string, number>): number {
  return Object.values(errors).reduce((a, b) => a + b, 0);
}

/** The phase's counts, for assertion messages; TOPOLOGY_REPORT=1 prints them (the table in docs/cache.md). */
function describeReport(phase: string, r: LoadReport): string {
  const text = `${phase}: ${JSON.stringify({ ...r, connectionErrors: r.connectionErrors.length })}`;
  if (process.env.TOPOLOGY_REPORT) console.log(text);
  return text;
}

test('cluster 3+3: graceful failover, slot migration (ASK and MOVED), SIGKILLed master under a verifying load', async () => {
  const { cache } = await openRedisCache(
    // Hashing off and a hash tag per worker: each worker's keys stay in one known slot, so the
    // migration can move a slot that is in use.
    redisSpec('topo', nodes.map((n) => n.address), freshKeys(), { hashing: { disabled: true, old: [] } }),
  );
  open.push(cache);
  const nodeErrors: CacheError[] = [];
  cache.on('error', (e) => nodeErrors.push(e));
  const keyOf = (w: number, suffix: string) => `{w${w}}:${suffix}`;

  // 1. Graceful failover: a replica takes over its master's slots with CLUSTER FAILOVER.
  let load = new VerifyingLoad(cache, { ...LOAD, keyOf }).start();
  await load.runFor(AFTER);
  const masterPort = nodes[0]?.port as number;
  const replica = byPort(replicaOf(nodes[0] as RedisServer, masterPort));
  assert.match(replica.cli('cluster', 'failover'), 'OK');
  await eventually('every node to see the replica as master and the old master as its replica', () =>
    nodes.every((n) => {
      const view = clusterNodes(n);
      return view.find((c) => c.port === replica.port)?.master === true && view.find((c) => c.port === masterPort)?.master === false;
    }),
  );
  await load.runFor(AFTER);
  let report = await load.stop();
  let seen = describeReport('graceful failover', report);
  assert.is(report.wrong + report.lostReads, 0, seen);
  assert.is(sum(report.commandErrors), 0, `no command errors: ${seen}`);
  assert.ok(report.checked > AFTER / 3, 'the load checked its reads');

  // 2. Slot migration of worker 0's slot: MIGRATING/IMPORTING, keys moved while the load runs (ASK),
  // then the slot assigned to the target (MOVED).
  const slot = Number(nodes[0]?.cli('cluster', 'keyslot', `maverics:topo:${keyOf(0, '')}`).trim());
  const sourcePort = ownerOf(nodes[0] as RedisServer, slot) as number;
  const source = byPort(sourcePort);
  const masters = clusterNodes(source).filter((n) => n.master && !n.failed);
  const targetInfo = masters.find((n) => n.port !== sourcePort) as { id: string; port: number };
  const target = byPort(targetInfo.port);
  assert.match(target.cli('info', 'replication'), 'role:master');
  const sourceId = (masters.find((n) => n.port === sourcePort) as { id: string }).id;
  for (const n of nodes) n.cli('config', 'resetstat');
  load = new VerifyingLoad(cache, { ...LOAD, keyOf }).start();
  await load.runFor(AFTER);
  target.cli('cluster', 'setslot', String(slot), 'importing', sourceId);
  source.cli('cluster', 'setslot', String(slot), 'migrating', targetInfo.id);
  const migrateAll = () => {
    const keys = source.cli('cluster', 'getkeysinslot', String(slot), '100').split('\n').filter(Boolean);
    if (keys.length) source.cli('migrate', '127.0.0.1', String(target.port), '', '0', '5000', 'keys', ...keys);
  };
  migrateAll();
  await load.runFor(AFTER);
  migrateAll();
  for (const n of [target, source, ...masters.filter((m) => m.port !== sourcePort && m.port !== target.port).map((m) => byPort(m.port))]) {
    n.cli('cluster', 'setslot', String(slot), 'node', targetInfo.id);
  }
  await eventually('every node to agree on the slot owner', () => slotOwnerEverywhere(slot, target.port));
  await load.runFor(AFTER);
  report = await load.stop();
  const redirections = nodes.map(errorStats).reduce((a, b) => ({ ask: a.ask + b.ask, moved: a.moved + b.moved }));
  assert.ok(redirections.ask > 0 && redirections.moved > 0, `both ASK and MOVED happened: ${JSON.stringify(redirections)}`);
  seen = describeReport(`slot migration ${JSON.stringify(redirections)}`, report);
  assert.is(report.wrong + report.lostReads, 0, seen);
  assert.is(sum(report.commandErrors), 0, `no command errors: ${seen}`);

  // 3. A master SIGKILLed: its replica is promoted after the node timeout. Errors are allowed until
  // then; wrong values are not, and the lost node is reported as an error event.
  nodeErrors.length = 0;
  load = new VerifyingLoad(cache, { ...LOAD, keyOf }).start();
  await load.runFor(AFTER);
  const victim = byPort(ownerOf(nodes[0] as RedisServer, 0) as number);
  const promotedPort = replicaOf(victim, victim.port);
  await victim.stop('SIGKILL');
  const alive = nodes.filter((n) => n !== victim);
  await eventually('the replica to be promoted', () => alive.every((n) => clusterNodes(n).find((c) => c.port === promotedPort)?.master === true));
  await eventually('every node to serve slot 0 from the promoted replica', () => alive.every((n) => ownerOf(n, 0) === promotedPort));
  await load.runFor(AFTER);
  report = await load.stop();
  assert.is(report.wrong + report.lostReads, 0, describeReport('SIGKILLed master', report));
  assert.ok(
    nodeErrors.some((e) => e.message.includes(`connection to cluster node 127.0.0.1:${victim.port}`)),
    `the lost node is reported: ${nodeErrors.map((e) => e.message).join('; ')}`,
  );
});

test('cluster: a stalled node holds at most maxOfflineQueue commands; the rest are refused at once', async () => {
  const live = nodes.filter((n) => n.process.exitCode === null && n.process.signalCode === null && /role:master/.test(n.cli('info', 'replication')));
  const stalled = live[0] as RedisServer;
  const owned = (n: RedisServer, tag: string) => ownerOf(n, Number(n.cli('cluster', 'keyslot', `maverics:stall:{${tag}}`).trim())) === n.port;
  const tag = Array.from({ length: 200 }, (_, i) => `t${i}`).find((t) => owned(stalled, t)) as string;
  const { cache } = await openRedisCache(redisSpec('stall', live.map((n) => n.address), freshKeys(), { hashing: { disabled: true, old: [] } }), { maxOfflineQueue: 10 });
  open.push(cache);
  await cache.set(`{${tag}}:warm`, Buffer.from('v'));
  stalled.process.kill('SIGSTOP');
  try {
    const results = await settles(
      '100 sets to a stalled node',
      Promise.allSettled(Array.from({ length: 100 }, (_, i) => cache.set(`{${tag}}:${i}`, Buffer.from('v')))),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as CacheError).code : 'ok'));
    assert.is(codes.filter((c) => c === 'ECACHE_UNAVAILABLE').length, 90, codes.join(','));
    assert.is(codes.filter((c) => c === 'ECACHE_TIMEOUT').length, 10, codes.join(','));
  } finally {
    stalled.process.kill('SIGCONT');
  }
});

test('sentinel 1+2 with 3 sentinels: SENTINEL FAILOVER loses only writes acknowledged inside the lost-write window', async () => {
  const set = sentinelSet as NonNullable<typeof sentinelSet>;
  const { cache } = await openRedisCache(redisSpec('toposen', set.sentinels.map((s) => s.address)));
  open.push(cache);
  const load = new VerifyingLoad(cache, LOAD).start();
  await load.runFor(AFTER);
  assert.match(set.sentinels[0]?.cli('sentinel', 'failover', 'topomaster') as string, 'OK');
  await eventually('a replica to be the master', () => !(set.sentinels[0]?.cli('sentinel', 'get-master-addr-by-name', 'topomaster') as string).includes(String(set.master.port)));
  // Writes lost on the deposed master only show once Sentinel has made it a replica of the new one.
  await eventually('the deposed master to be a replica in sync', () => /role:slave[\s\S]*master_link_status:up/.test(set.master.cli('info', 'replication')));
  await load.runFor(AFTER);
  const report = await load.stop();
  const seen = describeReport('SENTINEL FAILOVER', report);
  assert.is(report.wrong, 0, seen);
  assert.ok(report.lostWindowMs <= LOST_WINDOW_GUARD_MS, `lost writes only inside the window: ${seen}`);
});

test.run();
