/**
 * loadConfig to a ready registry: parse, validate, resolve secrets through a secret file, open an
 * encrypted Redis cache (a redis-server started here) and local_default. Reproduce: npm run bench -- load-config
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/pipeline/load-config.js';
import { startRedis, stopAll, tempDir } from '../test/support/redis-servers.js';

const dir = tempDir('mc-bench-load-');
const secrets = join(dir, 'secrets.yaml');
writeFileSync(secrets, `secrets:\n  key: "${randomBytes(32).toString('hex')}"\n  hash: "${randomBytes(32).toString('hex')}"\n`);
const server = await startRedis();
const text = `version: 1
caches:
  - name: shared
    type: redis
    redis:
      addresses: ["${server.address}"]
    encryption:
      keys:
        current: <key>
    hashing:
      keys:
        current: <hash>
oidcProvider:
  cache: shared
`;

const times: number[] = [];
for (let i = 0; i < 21; i++) {
  const started = performance.now();
  const { registry } = await loadConfig({ text, secretProvider: `secretfile://${secrets}` });
  times.push(performance.now() - started);
  await registry.close();
}
await stopAll([server]);
const first = times[0] as number;
const warm = times.slice(1).sort((a, b) => a - b);
console.log('| loadConfig to a ready registry | time |');
console.log('|---|---:|');
console.log(`| first call (imports the resolver, ioredis) | ${first.toFixed(1)} ms |`);
console.log(`| later calls, median of 20 | ${(warm[10] as number).toFixed(1)} ms |`);
console.log('\nOne encrypted+hashed Redis cache on a local redis-server, secrets from a secret file.');
console.log('Reproduce: npx tsx bench/load-config.bench.ts');
