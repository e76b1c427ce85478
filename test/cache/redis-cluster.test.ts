import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openRedisCache, probeRedis, type RedisCache } from '../../src/cache/index.js';
import { allKeys, startCluster, startSentinel, stopAll, type RedisServer } from '../support/redis-servers.js';
import { canary, freshKeys, hexKey, redisSpec, secret } from '../support/redis-specs.js';

let nodes: RedisServer[];
let master: RedisServer;
let sentinel: RedisServer;
let aclMaster: RedisServer;
let aclSentinel: RedisServer;
const open: RedisCache[] = [];

test.before(async () => {
  const [cluster, sentinelPair, aclPair] = await Promise.all([
    startCluster(3),
    startSentinel('mymaster'),
    startSentinel('aclmaster', { user: 'alice', password: 'CANARY-master-pw' }),
  ]);
  nodes = cluster;
  ({ master, sentinel } = sentinelPair);
  ({ master: aclMaster, sentinel: aclSentinel } = aclPair);
});

test.after(async () => {
  await Promise.all(open.map((c) => c.close()));
  await stopAll([...nodes, master, sentinel, aclMaster, aclSentinel]);
});

test('cluster: detected, keys spread over every master, nothing readable in any node', async () => {
  const { cache } = await openRedisCache(redisSpec('clu', nodes.map((n) => n.address)));
  open.push(cache);
  assert.match(cache.description, 'cluster');
  const value = canary('cluster-value');
  const keyName = canary('cluster-key');
  await Promise.all(Array.from({ length: 60 }, (_, i) => cache.set(`${keyName}:${i}`, Buffer.from(`${value}:${i}`), { ttlMs: 60_000 })));
  const got = await Promise.all(Array.from({ length: 60 }, (_, i) => cache.get(`${keyName}:${i}`)));
  got.forEach((v, i) => assert.is(v?.toString(), `${value}:${i}`));
  for (const node of nodes) {
    const keys = allKeys(node);
    assert.ok(keys.length > 0, `node ${node.port} holds keys`);
    assert.not.ok(keys.some((k) => k.includes('CANARY')));
    assert.not.match(node.cli('--raw', 'get', keys[0] as string), 'CANARY');
  }
});

test('cluster: delete removes every hashing variant although they live in different slots', async () => {
  const enc = hexKey();
  const h1 = hexKey();
  const h2 = hexKey();
  const { cache: before } = await openRedisCache(redisSpec('clurot', nodes.map((n) => n.address), { enc, hash: h1 }));
  const { cache: after } = await openRedisCache(redisSpec('clurot', nodes.map((n) => n.address), { enc, hash: h2, oldHash: [h1] }));
  open.push(before, after);
  await before.set('k', Buffer.from('old'));
  assert.equal(await after.get('k'), Buffer.from('old'));
  await after.set('k', Buffer.from('new'));
  await after.delete('k');
  assert.is(await before.get('k'), undefined);
  assert.is(await after.get('k'), undefined);
});

test('cluster probe: all nodes listed is clean; one listed gives redis-cluster-incomplete naming the others', async () => {
  assert.equal(await probeRedis(redisSpec('clu', nodes.map((n) => n.address))), []);
  const problems = await probeRedis(redisSpec('clu', [nodes[0]?.address as string]));
  assert.is(problems.length, 1);
  const [p] = problems as [(typeof problems)[number]];
  assert.is(p.ruleId, 'redis-cluster-incomplete');
  for (const n of nodes.slice(1)) assert.match(p.message, `:${n.port}`);
  assert.not.match(p.message, `:${nodes[0]?.port},`);
});

test('sentinel: detected through the sentinel, master name asked of it, round trip on the master', async () => {
  const { cache } = await openRedisCache(redisSpec('sen', [sentinel.address], freshKeys()));
  open.push(cache);
  assert.match(cache.description, 'sentinel master "mymaster"');
  await cache.set('k', Buffer.from('via sentinel'));
  assert.equal(await cache.get('k'), Buffer.from('via sentinel'));
  assert.is(allKeys(master).length, 1);
  const named = await openRedisCache(redisSpec('sen2', [sentinel.address], freshKeys()), { topology: 'sentinel', sentinelMasterName: 'mymaster' });
  open.push(named.cache);
  await named.cache.set('k', Buffer.from('v'));
  assert.equal(await named.cache.get('k'), Buffer.from('v'));
  assert.equal(await probeRedis(redisSpec('sen', [sentinel.address])), []);
});

test('sentinel without ACL in front of a master with one: credentials go to the master only', async () => {
  const spec = redisSpec('senacl', [aclSentinel.address], freshKeys(), { username: 'alice', password: secret('CANARY-master-pw', 'vault.pw') });
  const { cache } = await openRedisCache(spec);
  open.push(cache);
  assert.match(cache.description, 'sentinel master "aclmaster"');
  await cache.set('k', Buffer.from('v'));
  assert.equal(await cache.get('k'), Buffer.from('v'));
  assert.is(allKeys(aclMaster).length, 1);
  assert.equal(await probeRedis(spec), []);
  const wrong = await probeRedis({ ...spec, password: secret('CANARY-wrong', 'vault.pw') });
  assert.equal(wrong.map((p) => p.ruleId), ['redis-auth-failed']);
  assert.match(wrong[0]?.message as string, `127.0.0.1:${aclMaster.port}`);
  assert.not.match(JSON.stringify(wrong), 'CANARY');
});

test.run();
