/**
 * loadConfig over mutual TLS, the way the seed's second example is written: a named TLS profile with
 * the CA as a file, and the client certificate and key as secret references that resolve to PEM text.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkText, loadConfig, MavericsConfigError } from '../../src/index.js';
import { makeCerts, startRedis, stopAll, tempDir, tlsArgs, type Certs, type RedisServer } from '../support/redis-servers.js';

let certs: Certs;
let server: RedisServer;
let provider: string;

const indent = (pem: string) => pem.trim().split('\n').map((l) => `    ${l}`).join('\n');

const config = (caFile: string) => `version: 1
caches:
  - name: my-redis
    type: redis
    redis:
      addresses: ["localhost:${server.port}"]
      tls: redis-tls
    encryption:
      keys:
        current: <redis_key>
    hashing:
      keys:
        current: <redis_key>
tls:
  redis-tls:
    caFile: ${caFile}
    certFile: <client_cert>
    keyFile: <client_key>
    minVersion: "1.2"
`;

test.before(async () => {
  certs = makeCerts();
  server = await startRedis({ tls: true, args: tlsArgs(certs, 'TLSv1.2 TLSv1.3', 'yes') });
  const dir = tempDir('mc-load-tls-');
  const secrets = join(dir, 'secrets.yaml');
  writeFileSync(
    secrets,
    `secrets:\n  redis_key: "${randomBytes(32).toString('hex')}"\n  client_cert: |\n${indent(readFileSync(certs.clientCert, 'utf8'))}\n  client_key: |\n${indent(readFileSync(certs.clientKey, 'utf8'))}\n`,
  );
  provider = `secretfile://${secrets}`;
});
test.after(async () => {
  await stopAll([server]);
});

test('mutual TLS with the client key from the secret provider: a working encrypted cache', async () => {
  const { registry } = await loadConfig({ text: config(certs.ca), secretProvider: provider });
  try {
    const cache = registry.get('my-redis');
    await cache.set('k', Buffer.from('v'));
    assert.is((await cache.get('k'))?.toString(), 'v');
  } finally {
    await registry.close();
  }
});

test('a CA that did not sign the server: loadConfig rejects, check --connect says redis-tls-handshake', async () => {
  const text = config(certs.otherCa);
  const error = await loadConfig({ text, secretProvider: provider, redis: { connectTimeoutMs: 1500 } }).catch((e: unknown) => e);
  assert.instance(error, MavericsConfigError);
  const result = await checkText(text, { secretProvider: provider, connect: { timeoutMs: 1500 } });
  assert.ok(result.diagnostics.some((d) => d.ruleId === 'redis-tls-handshake'), JSON.stringify(result.diagnostics));
  assert.not.match(JSON.stringify(result), /PRIVATE KEY/);
});

test.run();
