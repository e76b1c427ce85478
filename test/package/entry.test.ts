/**
 * `import 'maverics-config'` as a user writes it (the package's own name, resolved through its
 * `exports` to the built dist/index.js) loads `yaml` and no runtime client: not ioredis, not a
 * cloud SDK. Linting and a registry of `local_default` alone load none either; a Redis cache does.
 */
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ensureBuilt } from '../support/built-cli.js';

ensureBuilt();

// A resolve hook sees every module, ESM and CommonJS alike, that an `import` reaches.
const resolved = new Set<string>();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url: string) => resolved.add(url));
port1.unref();
const hook = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const result = await next(specifier, context); port.postMessage(result.url); return result; }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });

// Messages from the hook's thread arrive asynchronously: wait until the hook has reported `marker`.
async function seen(marker: string): Promise<void> {
  for (let i = 0; i < 600 && ![...resolved].some((url) => url.includes(marker)); i++) await new Promise((r) => setTimeout(r, 50));
}
const packages = (): string[] => [...new Set([...resolved].flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))].sort();
const RUNTIME = ['ioredis', 'node-vault', '@aws-sdk/client-secrets-manager', '@azure/identity', '@azure/keyvault-secrets'];

test('importing the package, linting and a local_default registry load no runtime client', async () => {
  const m = await import('maverics-config');
  assert.is(m.lintText('version: 1\n').errorCount, 0);
  const { registry } = await m.loadConfig({ text: 'version: 1\n', env: {} });
  await registry.get('local_default').set('k', Buffer.from('v'));
  await registry.close();
  await seen('/dist/index.js');
  assert.ok([...resolved].some((url) => url.endsWith('/dist/index.js')), 'the hook sees the package entry');
  assert.ok(packages().includes('yaml'), packages().join(' '));
  for (const name of RUNTIME) assert.not.ok(packages().includes(name), `${name} loaded: ${packages().join(' ')}`);
});

test('a Redis cache is what loads ioredis (so the check above can see a load)', async () => {
  const m = await import('maverics-config');
  const text = 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["127.0.0.1:1"]\n    encryption:\n      disabled: true\n    hashing:\n      keys:\n        disabled: true\n';
  await m.loadConfig({ text, env: {}, redis: { connectTimeoutMs: 200 } }).then(
    ({ registry }) => registry.close(),
    () => undefined,
  );
  await seen('/node_modules/ioredis/');
  assert.ok(packages().includes('ioredis'), packages().join(' '));
});

test.run();
