/**
 * Linting must not load node-vault or the AWS SDK: importing the resolver, the URL parser and the
 * built-in registrations, and parsing URLs of every scheme, leaves both out of the module cache.
 * Creating a provider of those schemes is what loads them.
 */
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const require = createRequire(import.meta.url);
const loaded = (name: string): boolean => Object.keys(require.cache).some((path) => path.includes(`/node_modules/${name}/`));

test('importing and parsing loads no client', async () => {
  const { parseProviderUrl } = await import('../../src/secrets/providers/index.js');
  await import('../../src/secrets/resolver.js');
  await import('../../src/secrets/providers/index.js');
  parseProviderUrl('hashivault://v:8200/secret/data/x?token=t');
  parseProviderUrl('awssecretsmanager://amazonaws.com?region=us-west-2');
  assert.not.ok(loaded('node-vault'), 'node-vault loaded');
  assert.not.ok(loaded('@aws-sdk/client-secrets-manager'), 'AWS SDK loaded');
});

test('creating the providers loads them (so the check above can see a load)', async () => {
  const { secretProviderFactory } = await import('../../src/secrets/registry.js');
  const vault = await secretProviderFactory('hashivault')(new URL('hashivault+http://127.0.0.1:1/secret/data/x?token=t'), { env: {} });
  await vault.get('k', AbortSignal.timeout(2000)).catch(() => undefined);
  await vault.close?.();
  const aws = await secretProviderFactory('awssecretsmanager')(new URL('awssecretsmanager://amazonaws.com?region=us-west-2'), { env: {} });
  await aws.close?.();
  assert.ok(loaded('node-vault'));
  assert.ok(loaded('@aws-sdk/client-secrets-manager'));
});

test.run();
