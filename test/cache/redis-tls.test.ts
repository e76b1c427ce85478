import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openRedisCache, probeRedis, type RedisCache } from '../../src/cache/index.js';
import { allKeys, makeCerts, startRedis, stopAll, tlsArgs, tlsCliArgs, type Certs, type RedisServer } from '../support/redis-servers.js';
import { canary, freshKeys, redisSpec, secret } from '../support/redis-specs.js';

let certs: Certs;
let tls: RedisServer;
let mtls: RedisServer;
let tls11: RedisServer;
let plain: RedisServer;
const open: RedisCache[] = [];

test.before(async () => {
  certs = makeCerts();
  [tls, mtls, tls11, plain] = await Promise.all([
    startRedis({ tls: true, args: tlsArgs(certs), cliArgs: tlsCliArgs(certs) }),
    startRedis({ tls: true, args: tlsArgs(certs, 'TLSv1.2 TLSv1.3', 'yes'), cliArgs: [...tlsCliArgs(certs)] }),
    startRedis({ tls: true, args: tlsArgs(certs, 'TLSv1.1') }),
    startRedis(),
  ]);
});

test.after(async () => {
  await Promise.all(open.map((c) => c.close()));
  await stopAll([tls, mtls, tls11, plain]);
});

test('round trip over TLS with the profile CA, by IP and by host name (SNI + hostname check)', async () => {
  for (const address of [tls.address, `localhost:${tls.port}`]) {
    const { cache } = await openRedisCache(redisSpec('tls', [address], freshKeys(), { tls: { caFile: certs.ca, minVersion: '1.2' } }));
    open.push(cache);
    const value = canary('tls');
    await cache.set('k', Buffer.from(value));
    assert.equal(await cache.get('k'), Buffer.from(value));
  }
  const keys = allKeys(tls);
  assert.ok(keys.length > 0);
  assert.not.ok(keys.some((k) => k.includes('CANARY')));
});

test('mutual TLS: client certificate and key from the profile', async () => {
  const { cache } = await openRedisCache(
    redisSpec('mtls', [mtls.address], freshKeys(), { tls: { caFile: certs.ca, certFile: certs.clientCert, keyFile: certs.clientKey, minVersion: '1.3' } }),
  );
  open.push(cache);
  await cache.set('k', Buffer.from('v'));
  assert.equal(await cache.get('k'), Buffer.from('v'));
});

test('refused: untrusted CA, server below minVersion, plaintext server, missing client cert', async () => {
  const cases = [
    redisSpec('untrusted', [tls.address], freshKeys(), { tls: { caFile: certs.otherCa } }),
    redisSpec('old', [tls11.address], freshKeys(), { tls: { caFile: certs.ca, minVersion: '1.2' } }),
    redisSpec('plaintext', [plain.address], freshKeys(), { tls: { caFile: certs.ca } }),
    redisSpec('nocert', [mtls.address], freshKeys(), { tls: { caFile: certs.ca } }),
  ];
  for (const spec of cases) {
    try {
      const { cache } = await openRedisCache(spec, { connectTimeoutMs: 1500 });
      await cache.close();
      assert.unreachable(`${spec.name} opened`);
    } catch (err) {
      assert.is((err as { code: string }).code, 'ECACHE_UNAVAILABLE', spec.name);
    }
  }
});

test('probe: each TLS failure is redis-tls-handshake, naming the address and what to fix', async () => {
  const expectTls = async (spec: ReturnType<typeof redisSpec>, words: RegExp) => {
    const problems = await probeRedis(spec, { timeoutMs: 1500 });
    assert.is(problems.length, 1, JSON.stringify(problems));
    const [p] = problems as [(typeof problems)[number]];
    assert.is(p.ruleId, 'redis-tls-handshake', `${spec.name}: ${p.message}`);
    assert.is(p.addressIndex, 0);
    assert.match(p.message, spec.addresses[0] as string);
    assert.match(p.message, words);
    assert.not.match(p.message, 'CANARY');
  };
  const pw = { password: secret('CANARY-pw') };
  await expectTls(redisSpec('untrusted', [tls.address], freshKeys(), { ...pw, tls: { caFile: certs.otherCa } }), /caFile/);
  await expectTls(redisSpec('old', [tls11.address], freshKeys(), { tls: { caFile: certs.ca } }), /protocol version/);
  await expectTls(redisSpec('plaintext', [plain.address], freshKeys(), { tls: { caFile: certs.ca } }), /speaks plaintext/);
  await expectTls(redisSpec('notls', [tls.address], freshKeys()), /expects TLS/);
  assert.equal(await probeRedis(redisSpec('good', [`localhost:${tls.port}`], freshKeys(), { tls: { caFile: certs.ca } })), []);
});

test('an unreadable CA file fails before connecting, naming the file', async () => {
  try {
    await openRedisCache(redisSpec('nofile', [tls.address], freshKeys(), { tls: { caFile: '/nonexistent/ca.pem' } }));
    assert.unreachable();
  } catch (err) {
    assert.is((err as { code: string }).code, 'ECACHE_CONFIG');
    assert.match((err as Error).message, '/nonexistent/ca.pem');
  }
});

test.run();
