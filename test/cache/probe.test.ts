import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type Socket } from 'node:net';
import { probeRedis } from '../../src/cache/index.js';
import { aclArgs, freePort, startRedis, stopAll, type RedisServer } from '../support/redis-servers.js';
import { freshKeys, redisSpec, secret } from '../support/redis-specs.js';
import { openHandles, settles } from '../support/settle.js';

let plain: RedisServer;
let acl: RedisServer;

test.before(async () => {
  [plain, acl] = await Promise.all([startRedis(), startRedis({ args: aclArgs('alice', 'CANARY-right') })]);
});

test.after(async () => {
  await stopAll([plain, acl]);
});

test('a healthy server gives no problems', async () => {
  assert.equal(await probeRedis(redisSpec('ok', [plain.address])), []);
  assert.equal(await probeRedis(redisSpec('ok', [acl.address], freshKeys(), { username: 'alice', password: secret('CANARY-right') })), []);
});

test('refused and unresolvable addresses are redis-unreachable, one problem per address', async () => {
  const dead = await freePort();
  const problems = await probeRedis(redisSpec('u', [plain.address, `127.0.0.1:${dead}`, 'no-such-host.invalid:6380']));
  assert.equal(problems.map((p) => [p.ruleId, p.addressIndex]), [
    ['redis-unreachable', 1],
    ['redis-unreachable', 2],
  ]);
  assert.match(problems[0]?.message as string, `127.0.0.1:${dead}`);
  assert.match(problems[0]?.message as string, 'firewalls');
  assert.match(problems[1]?.message as string, 'does not resolve');
});

test('wrong password and missing credentials are redis-auth-failed, without the password', async () => {
  const wrong = await probeRedis(redisSpec('a', [acl.address], freshKeys(), { username: 'alice', password: secret('CANARY-wrong', 'vault.redis_password') }));
  assert.is(wrong.length, 1);
  assert.is(wrong[0]?.ruleId, 'redis-auth-failed');
  assert.match(wrong[0]?.message as string, 'user "alice"');
  assert.match(wrong[0]?.message as string, '<vault.redis_password>');
  assert.match(wrong[0]?.message as string, acl.address);
  assert.not.match(JSON.stringify(wrong), 'CANARY');
  const none = await probeRedis(redisSpec('a', [acl.address]));
  assert.is(none[0]?.ruleId, 'redis-auth-failed');
  assert.match(none[0]?.message as string, 'no username or password');
});

test('a silent server is unreachable within the timeout, and nothing stays open', async () => {
  // A listener that accepts and never answers: the probe must give up on its own.
  const sockets = new Set<Socket>();
  const silent = createServer((s) => sockets.add(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as { port: number }).port;
  const problems = await settles('the probe', probeRedis(redisSpec('s', [`127.0.0.1:${port}`]), { timeoutMs: 500 }));
  for (const s of sockets) s.destroy();
  silent.close();
  assert.is(problems[0]?.ruleId, 'redis-unreachable');
  assert.match(problems[0]?.message as string, 'timed out');
  assert.equal(await openHandles(['TCPSocketWrap', 'TCPServerWrap', 'Timeout']), []);
});

test('a malformed address is reported, not thrown', async () => {
  const problems = await probeRedis(redisSpec('m', ['redis://x:1']));
  assert.equal(problems.map((p) => [p.ruleId, p.addressIndex]), [['redis-unreachable', 0]]);
});

test.run();
