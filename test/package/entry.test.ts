/**
 * `import 'maverics-config'` as a user writes it (the package's own name, resolved through its
 * `exports` to the built dist/index.js) loads `yaml` and no runtime client: not ioredis, not a
 * cloud SDK. Linting and a registry of `local_default` alone load none either; a Redis cache does.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ensureBuilt } from '../support/built-cli.js';
import { watchModuleLoads } from '../support/module-loads.js';

ensureBuilt();

const loads = watchModuleLoads();
const RUNTIME = ['ioredis', 'node-vault', '@aws-sdk/client-secrets-manager', '@azure/identity', '@azure/keyvault-secrets'];

test('importing the package, linting and a local_default registry load no runtime client', async () => {
  const m = await import('maverics-config');
  assert.is(m.lintText('version: 1\n').errorCount, 0);
  const { registry } = await m.loadConfig({ text: 'version: 1\n', env: {} });
  await registry.get('local_default').set('k', Buffer.from('v'));
  await registry.close();
  await loads.seen('/dist/index.js');
  assert.ok([...loads.urls].some((url) => url.endsWith('/dist/index.js')), 'the hook sees the package entry');
  assert.ok(loads.packages().includes('yaml'), loads.packages().join(' '));
  for (const name of RUNTIME) assert.not.ok(loads.packages().includes(name), `${name} loaded: ${loads.packages().join(' ')}`);
});

test('a Redis cache is what loads ioredis (so the check above can see a load)', async () => {
  const m = await import('maverics-config');
  const text = 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["127.0.0.1:1"]\n    encryption:\n      disabled: true\n    hashing:\n      keys:\n        disabled: true\n';
  await m.loadConfig({ text, env: {}, redis: { connectTimeoutMs: 200 } }).then(
    ({ registry }) => registry.close(),
    () => undefined,
  );
  await loads.seen('/node_modules/ioredis/');
  assert.ok(loads.packages().includes('ioredis'), loads.packages().join(' '));
});

test.run();
