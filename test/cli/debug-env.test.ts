/**
 * DEBUG=* and NODE_DEBUG=http,net,tls are common in CI, and make ioredis print AUTH's arguments and
 * the HTTP stack print requests. `check` must print neither the Redis password nor the Vault token,
 * say in one line that it switched them off, and still do its job.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCliAsync } from '../support/cli.js';
import { aclArgs, startRedis, stopAll, tempDir, type RedisServer } from '../support/redis-servers.js';
import { VaultTestServer } from '../support/vault-server.js';

const PASSWORD = `CANARYpw${randomBytes(6).toString('hex')}`;
const TOKEN = `CANARYtoken${randomBytes(6).toString('hex')}`;
const dir = tempDir('mc-debug-env-');
let redis: RedisServer;
let vault: VaultTestServer;

test.before(async () => {
  redis = await startRedis({ args: aclArgs('alice', PASSWORD) });
  vault = await new VaultTestServer().start();
  vault.addToken(TOKEN).mount('secret', 2).put('secret', 'maverics', { redis_password: PASSWORD });
});

test.after(async () => {
  await vault.stop();
  await stopAll([redis]);
});

test('check --connect under DEBUG=* and NODE_DEBUG: no password or token printed, one notice line, same result', async () => {
  const file = join(dir, 'maverics.yaml');
  writeFileSync(file, `version: 0.3\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["${redis.address}"]\n      username: alice\n      password: <vault.redis_password>\n    encryption:\n      disabled: true\n`);
  const provider = `vault=hashivault+http://${vault.url}/secret/data/maverics?token=${TOKEN}`;
  for (const env of [{ DEBUG: '*' }, { DEBUG: 'ioredis:*,node-vault' }, { NODE_DEBUG: 'http,net,tls' }, { DEBUG: '*', NODE_DEBUG: 'http,https,net', AZURE_LOG_LEVEL: 'verbose' }]) {
    const r = await runCliAsync(['check', '--connect', '--secret-provider', provider, file], { env });
    const label = JSON.stringify(env);
    assert.is(r.code, 0, `${label}: ${r.stdout}${r.stderr}`);
    assert.not.ok((r.stdout + r.stderr).includes(PASSWORD), `${label}: printed the Redis password`);
    assert.not.ok((r.stdout + r.stderr).includes(TOKEN), `${label}: printed the Vault token`);
    const notices = r.stderr.split('\n').filter((l) => l.includes('ignored for the Redis and secret-provider clients'));
    assert.is(notices.length, 1, `${label}: ${r.stderr}`);
  }
});

test.run();
