/**
 * Linting must not load a cloud SDK (node-vault, the AWS SDK, the Azure SDKs): importing the resolver
 * and the built-in registrations, and parsing URLs of every scheme, leaves them unloaded. Creating a
 * provider is what loads its SDK.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { watchModuleLoads } from '../support/module-loads.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const loads = watchModuleLoads();
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));
const loaded = loads.loaded;

test('importing and parsing loads no client', async () => {
  const { parseProviderUrl } = await import('../../src/secrets/providers/index.js');
  await import('../../src/secrets/resolver.js');
  await import('../../src/secrets/providers/index.js');
  parseProviderUrl('hashivault://v:8200/secret/data/x?token=t');
  parseProviderUrl('awssecretsmanager://amazonaws.com?region=us-west-2');
  parseProviderUrl('azurekeyvault://v.vault.azure.net?clientID=c&clientSecret=s&tenantID=t');
  parseProviderUrl('conjur://c/acct/host%2Fm?apikey=k');
  parseProviderUrl('delinea://ss?username=u&password=p&folder=f');
  parseProviderUrl('cyberarkccp://ccp?appID=a&safe=s&certFile=/c&keyFile=/k');
  await settle();
  assert.ok([...loads.urls].some((url) => url.includes('/src/secrets/resolver.')), 'the hook sees the imports above');
  assert.not.ok(loaded('@azure/keyvault-secrets'), 'Azure Key Vault SDK loaded');
  assert.not.ok(loaded('@azure/identity'), 'Azure identity loaded');
  assert.not.ok(loaded('@azure/msal-node'), 'MSAL loaded');
  // Each provider's file holds its URL grammar, so parsing loads it; its SDK stays unloaded.
  assert.not.ok(loaded('@aws-sdk/client-secrets-manager'), 'AWS SDK loaded');
  assert.not.ok(loaded('node-vault'), 'node-vault loaded');
});

test('creating a provider loads its SDK (so the check above can see a load)', async () => {
  const { secretProviderFactory } = await import('../../src/secrets/registry.js');
  const vault = await secretProviderFactory('hashivault')(new URL('hashivault+http://127.0.0.1:1/secret/data/x?token=t'), { env: {} });
  await vault.get('k', AbortSignal.timeout(2000)).catch(() => undefined);
  await vault.close?.();
  const aws = await secretProviderFactory('awssecretsmanager')(new URL('awssecretsmanager://amazonaws.com?region=us-west-2'), { env: {} });
  await aws.close?.();
  const azure = await secretProviderFactory('azurekeyvault')(new URL('azurekeyvault://v.vault.azure.net?clientID=c&clientSecret=s&tenantID=t'), { env: {} });
  await azure.close?.();
  await settle();
  assert.ok(loaded('node-vault'));
  assert.ok(loaded('@aws-sdk/client-secrets-manager'));
  assert.ok(loaded('@azure/keyvault-secrets'));
  assert.ok(loaded('@azure/identity'));
  assert.ok([...loads.urls].some((url) => /\/providers\/azurekeyvault\./.test(url)), 'the provider module itself');
});

test.run();
