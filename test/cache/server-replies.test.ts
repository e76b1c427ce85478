import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { retryDelay, redisModeOf, sentinelMasterNames } from '../../src/cache/redis-connect.js';
import { clusterMasters } from '../../src/cache/probe.js';

test('INFO and SENTINEL replies are read as the servers write them', () => {
  assert.is(redisModeOf('# Server\r\nredis_version:7.0.15\r\nredis_mode:cluster\r\n'), 'cluster');
  assert.is(redisModeOf('redis_version:7.2.4\r\nredis_mode:sentinel\r\n'), 'sentinel');
  assert.is(redisModeOf('redis_version:7.2.4\r\nredis_mode:standalone\r\n'), 'standalone');
  assert.is(redisModeOf('redis_version:4.0.0\r\n'), 'standalone');
  // What an echo server or another service sends back is not an INFO reply.
  for (const reply of [['info', 'server'], 'redis_mode:standalone\r\n', 'OK', null]) assert.throws(() => redisModeOf(reply), /not as Redis does/);
  assert.equal(sentinelMasterNames([['name', 'mymaster', 'ip', '10.0.0.1'], ['name', 'other']]), ['mymaster', 'other']);
  assert.equal(sentinelMasterNames([{ name: 'm' }]), ['m']);
  assert.equal(sentinelMasterNames('garbage'), []);
});

test('CLUSTER NODES: live masters only, IPv6 and hostnames kept', () => {
  const nodes = [
    'a1 10.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460',
    'a2 10.0.0.2:7000@17000,node2.example master - 0 0 2 connected 5461-10922',
    'a3 [::1]:7002@17002 master - 0 0 3 connected 10923-16383',
    'a4 10.0.0.4:7000@17000 slave a1 0 0 1 connected',
    'a5 10.0.0.5:7000@17000 master,fail - 0 0 4 disconnected',
    '',
  ].join('\n');
  assert.equal(clusterMasters(nodes), [
    { host: '10.0.0.1', port: 7000 },
    { host: '10.0.0.2', port: 7000 },
    { host: '::1', port: 7002 },
  ]);
});

test('reconnection backs off to about two seconds, never more', () => {
  for (let t = 1; t < 50; t++) {
    const d = retryDelay(t);
    assert.ok(d >= 50 && d < 2100, `${t}: ${d}`);
  }
  assert.ok(retryDelay(1) < 300);
});

test.run();
