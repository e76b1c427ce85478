import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SecretProviderError } from '../../src/secrets/provider.js';
import { parseProviderUrl } from '../../src/secrets/providers/index.js';
import { describeProviderUrl, scrubCredentials } from '../../src/secrets/url-grammar.js';
import { normalizeProviders, parseSecretProviderFlag, routeReference, secretProviderFlags } from '../../src/secrets/providers-config.js';

const CREDENTIALS = ['tok-SeCrEt', 'sid-SeCrEt', 'AKIA-SeCrEt', 'sak-SeCrEt', 'cs-SeCrEt', 'pw-SeCrEt', 'api-SeCrEt', 'user-SeCrEt'];

function badUrl(url: string, mentions: RegExp): void {
  try {
    parseProviderUrl(url);
  } catch (error) {
    assert.instance(error, SecretProviderError);
    const e = error as SecretProviderError;
    assert.is(e.kind, 'bad-url');
    assert.match(e.message, mentions);
    for (const c of CREDENTIALS) assert.not.ok(e.message.includes(c), `credential ${c} in: ${e.message}`);
    return;
  }
  assert.unreachable(`expected ${url} to be rejected`);
}

test('secretfile: absolute path, percent-decoded', () => {
  assert.equal(parseProviderUrl('secretfile:///etc/maverics/secrets.yaml'), { kind: 'secretfile', path: '/etc/maverics/secrets.yaml' });
  assert.equal(parseProviderUrl('secretfile:///tmp/my%20secrets.yaml'), { kind: 'secretfile', path: '/tmp/my secrets.yaml' });
  badUrl('secretfile://etc/maverics/secrets.yaml', /three slashes/);
  badUrl('secretfile:///', /absolute path/);
});

test('hashivault: the four schemes, HTTP only for hashivault+http', () => {
  const token = parseProviderUrl('hashivault://vault.example.com:8200/secret/data/maverics?token=tok-SeCrEt');
  assert.equal(token, {
    kind: 'hashivault',
    tls: true,
    host: 'vault.example.com',
    port: 8200,
    endpoint: 'https://vault.example.com:8200',
    path: 'secret/data/maverics',
    auth: { method: 'token', token: 'tok-SeCrEt' },
  });
  for (const [scheme, tls] of [['hashivaults', true], ['hashivault+https', true], ['hashivault+http', false]] as const) {
    const c = parseProviderUrl(`${scheme}://vault:8200/kv/app?token=t`);
    assert.is(c.kind === 'hashivault' && c.tls, tls, scheme);
  }
  const c = parseProviderUrl('hashivault+http://vault/secret/data/m?token=t');
  assert.ok(c.kind === 'hashivault' && c.port === 8200 && c.endpoint === 'http://vault:8200');
});

test('hashivault: AppRole, TLS certificate login (client_cert, client_key), namespace', () => {
  const approle = parseProviderUrl('hashivaults://v:8200/secret/data/m?role_id=rid&secret_id=sid-SeCrEt&namespace=team%2Fa');
  assert.ok(approle.kind === 'hashivault');
  assert.equal(approle.auth, { method: 'approle', roleId: 'rid', secretId: 'sid-SeCrEt' });
  assert.is(approle.namespace, 'team/a');
  const cert = parseProviderUrl('hashivault://v:8200/secret/data/m?client_cert=/c.pem&client_key=/k.pem');
  assert.ok(cert.kind === 'hashivault');
  assert.equal(cert.auth, { method: 'cert', certFile: '/c.pem', keyFile: '/k.pem' });
  const none = parseProviderUrl('hashivault://v:8200/secret/data/m');
  assert.ok(none.kind === 'hashivault' && none.auth.method === 'env');
});

test('hashivault: missing parameters are named, credentials never shown', () => {
  badUrl('hashivault://v:8200/secret/data/m?role_id=rid', /secret_id is missing/);
  badUrl('hashivault://v:8200/secret/data/m?secret_id=sid-SeCrEt', /role_id is missing/);
  badUrl('hashivault://v:8200/secret/data/m?client_cert=/c.pem', /client_key is missing/);
  badUrl('hashivault+http://v:8200/secret/data/m?client_cert=/c&client_key=/k', /needs HTTPS/);
  badUrl('hashivault://v:8200?token=tok-SeCrEt', /secret path is missing/);
  badUrl('hashivault:///secret?token=tok-SeCrEt', /host is missing/);
});

test('awssecretsmanager: new form, static keys, older region/name form', () => {
  assert.equal(parseProviderUrl('awssecretsmanager://amazonaws.com?region=us-west-2'), { kind: 'awssecretsmanager', region: 'us-west-2' });
  assert.equal(parseProviderUrl('awssecretsmanager://amazonaws.com'), { kind: 'awssecretsmanager' });
  assert.equal(parseProviderUrl('awssecretsmanager://amazonaws.com?region=eu-west-1&accessKeyID=AKIA-SeCrEt&secretAccessKey=sak-SeCrEt'), {
    kind: 'awssecretsmanager',
    region: 'eu-west-1',
    accessKeyId: 'AKIA-SeCrEt',
    secretAccessKey: 'sak-SeCrEt',
  });
  assert.equal(parseProviderUrl('awssecretsmanager://us-west-2/maverics-secrets'), {
    kind: 'awssecretsmanager',
    region: 'us-west-2',
    bundleSecret: 'maverics-secrets',
  });
  badUrl('awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIA-SeCrEt', /secretAccessKey is missing/);
  badUrl('awssecretsmanager://amazonaws.com?secretAccessKey=sak-SeCrEt', /accessKeyID is missing/);
  badUrl('awssecretsmanager://us-west-2', /secret name is missing/);
  badUrl('awssecretsmanager://example.com?region=us-west-2', /host must be amazonaws.com/);
  badUrl('awssecretsmanager://amazonaws.com?region=mars', /not an AWS region/);
});

test('azurekeyvault: parameters, optional entraIDHost', () => {
  assert.equal(parseProviderUrl('azurekeyvault://myvault.vault.azure.net?clientID=cid&clientSecret=cs-SeCrEt&tenantID=tid&entraIDHost=login.microsoftonline.us'), {
    kind: 'azurekeyvault',
    vaultUrl: 'https://myvault.vault.azure.net',
    clientId: 'cid',
    clientSecret: 'cs-SeCrEt',
    tenantId: 'tid',
    entraIdHost: 'login.microsoftonline.us',
  });
  badUrl('azurekeyvault://myvault.vault.azure.net?clientID=cid&tenantID=tid', /clientSecret is missing/);
  badUrl('azurekeyvault://myvault.vault.azure.net?clientSecret=cs-SeCrEt&tenantID=tid', /clientID is missing/);
  badUrl('azurekeyvault://myvault.vault.azure.net?clientID=c&clientSecret=cs-SeCrEt', /tenantID is missing/);
});

test('delinea, conjur (%2F in the login), cyberarkccp', () => {
  assert.equal(parseProviderUrl('delinea://ss.example.com?username=user-SeCrEt&password=pw-SeCrEt&folder=Maverics'), {
    kind: 'delinea',
    host: 'ss.example.com',
    username: 'user-SeCrEt',
    password: 'pw-SeCrEt',
    folder: 'Maverics',
    basePath: '',
  });
  badUrl('delinea://ss.example.com?username=user-SeCrEt', /password is missing/);
  badUrl('delinea://ss.example.com?username=user-SeCrEt&password=pw-SeCrEt', /folder is missing .*single folder|folder is missing .*one folder/);
  assert.equal(parseProviderUrl('conjur://conjur.example.com/myorg/host%2Fmaverics?apikey=api-SeCrEt'), {
    kind: 'conjur',
    host: 'conjur.example.com',
    account: 'myorg',
    login: 'host/maverics',
    apiKey: 'api-SeCrEt',
  });
  badUrl('conjur://conjur.example.com/myorg?apikey=api-SeCrEt', /login is missing after the account/);
  assert.equal(parseProviderUrl('conjur://conjur.example.com'), { kind: 'conjur', host: 'conjur.example.com' }, 'credentials from CONJUR_* variables');
  assert.equal(parseProviderUrl('cyberarkccp://ccp.example.com?appID=mav&safe=Vault1&certFile=/c.pem&keyFile=/k.pem&caFile=/ca.pem&folder=Root'), {
    kind: 'cyberarkccp',
    host: 'ccp.example.com',
    appId: 'mav',
    safe: 'Vault1',
    certFile: '/c.pem',
    keyFile: '/k.pem',
    caFile: '/ca.pem',
    folder: 'Root',
    basePath: '/AIMWebService',
  });
  badUrl('cyberarkccp://ccp.example.com?appID=mav&certFile=/c&keyFile=/k', /safe is missing/);
  badUrl('cyberarkccp://ccp.example.com?appID=mav&safe=s&keyFile=/k', /certFile is missing/);
});

test('unknown schemes and non-URLs are rejected without echoing the input', () => {
  badUrl('vault://v:8200/x?token=tok-SeCrEt', /unknown secret provider scheme vault:\/\//);
  badUrl('tok-SeCrEt', /not a URL/);
  badUrl('hashivault://[bad?token=tok-SeCrEt', /cannot be parsed/);
});

test('descriptions and scrubbing drop credentials, keep region and namespace', () => {
  assert.is(describeProviderUrl('hashivault://user-SeCrEt:pw-SeCrEt@v:8200/secret/data/m?token=tok-SeCrEt&namespace=ns1'), 'hashivault://v:8200/secret/data/m?namespace=ns1');
  assert.is(describeProviderUrl('awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIA-SeCrEt&secretAccessKey=sak-SeCrEt'), 'awssecretsmanager://amazonaws.com?region=us-west-2');
  const text = 'failed for conjur://c/acct/host%2Fm?apikey=api-SeCrEt: and delinea://u:pw-SeCrEt@ss?password=pw-SeCrEt&region=us-east-1, fine';
  const scrubbed = scrubCredentials(text);
  for (const c of CREDENTIALS) assert.not.ok(scrubbed.includes(c), scrubbed);
  assert.is(scrubbed, 'failed for conjur://c/acct/host%2Fm: and delinea://ss?region=us-east-1, fine');
});

test('--secret-provider values: url or name=url', () => {
  assert.equal(parseSecretProviderFlag('hashivault://v:8200/secret/data/m?token=a=b'), { url: 'hashivault://v:8200/secret/data/m?token=a=b' });
  assert.equal(parseSecretProviderFlag('vault=hashivault://v:8200/secret/data/m?token=a=b'), { name: 'vault', url: 'hashivault://v:8200/secret/data/m?token=a=b' });
  assert.equal(parseSecretProviderFlag('aws_prod-2=awssecretsmanager://amazonaws.com?region=us-west-2'), {
    name: 'aws_prod-2',
    url: 'awssecretsmanager://amazonaws.com?region=us-west-2',
  });
  assert.equal(parseSecretProviderFlag('not a name=secretfile:///x'), { url: 'not a name=secretfile:///x' });
  assert.equal(parseSecretProviderFlag('name=plain'), { url: 'name=plain' });
  assert.equal(secretProviderFlags(['secretfile:///a.yaml', 'v=hashivault://v/secret/data/x?token=t']), {
    secretProvider: 'secretfile:///a.yaml',
    namedProviders: { v: 'hashivault://v/secret/data/x?token=t' },
  });
  assert.throws(() => secretProviderFlags(['secretfile:///a.yaml', 'secretfile:///b.yaml?x=tok-SeCrEt']), (e: Error) => !e.message.includes('tok-SeCrEt') && /two default/.test(e.message));
  assert.throws(() => secretProviderFlags(['v=secretfile:///a.yaml', 'v=secretfile:///b.yaml']), /twice/);
});

test('routing: the first segment names a named provider', () => {
  const setup = normalizeProviders('secretfile:///d.yaml', { vault: 'hashivault://v/secret/data/x?token=t', aws: 'awssecretsmanager://amazonaws.com' });
  assert.equal(routeReference('vault.db.password', setup), { provider: 'vault', key: 'db.password' });
  assert.equal(routeReference('aws.prod/db:password', setup), { provider: 'aws', key: 'prod/db:password' });
  assert.equal(routeReference('vaultx.key', setup), { provider: undefined, key: 'vaultx.key' });
  assert.equal(routeReference('vault', setup), { provider: undefined, key: 'vault' });
  assert.equal(routeReference('maverics.azure_client_secret', setup), { provider: undefined, key: 'maverics.azure_client_secret' });
  const fromMap = normalizeProviders({ default: 'secretfile:///d.yaml', vault: 'hashivault://v/x?token=t' }, undefined);
  assert.is(fromMap.default, 'secretfile:///d.yaml');
  assert.ok(fromMap.named.has('vault'));
  assert.is(normalizeProviders('', undefined).default, undefined);
  assert.throws(() => normalizeProviders(undefined, { 'bad name': 'secretfile:///x' }), /letters, digits/);
});


/** Every example URL on Strata's seven provider pages (docs.strata.io/reference/orchestrator/configuration/secret-providers/…). */
const STRATA_EXAMPLES = [
  'secretfile:///etc/maverics/secrets.yaml',
  'hashivault://vault.example.com:8200/secret/data/maverics?token=tok-SeCrEt',
  'hashivault://vault.example.com:8200/secret/data/maverics?role_id=rid&secret_id=sid-SeCrEt',
  'hashivault://vault.example.com:8200/secret/data/maverics?client_cert=/etc/maverics/vault.pem&client_key=/etc/maverics/vault-key.pem',
  'hashivaults://vault.example.com:8200/secret/data/maverics?token=tok-SeCrEt',
  'awssecretsmanager://amazonaws.com?region=us-west-2',
  'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIA-SeCrEt&secretAccessKey=sak-SeCrEt',
  'azurekeyvault://myvault.vault.azure.net?clientID=cid&clientSecret=cs-SeCrEt&tenantID=tid',
  'delinea://server.example.com?username=svc-maverics&password=pw-SeCrEt&folder=Maverics',
  'conjur://conjur.example.com/myaccount/host%2Fmaverics?apikey=api-SeCrEt',
  'conjur://conjur.example.com',
  'cyberarkccp://ccp.example.com?appID=maverics&safe=Maverics&certFile=/etc/maverics/ccp.pem&keyFile=/etc/maverics/ccp-key.pem',
];

test('every Strata example URL parses', () => {
  for (const url of STRATA_EXAMPLES) parseProviderUrl(url);
});

test('an unknown or misspelt parameter is a bad URL with did-you-mean (Go reads parameters case-sensitively)', () => {
  badUrl('hashivault://v:8200/secret/data/m?roleID=rid&secret_id=sid-SeCrEt', /the parameter roleID is not one this provider takes \(did you mean role_id\?/);
  badUrl('hashivault://v:8200/secret/data/m?certFile=/c&keyFile=/k', /certFile is not one .*did you mean client_cert\?/);
  badUrl('hashivault://v:8200/secret/data/m?token=tok-SeCrEt&tokne=x', /tokne is not one .*did you mean token\?/);
  badUrl('azurekeyvault://v.vault.azure.net?clientId=c&clientSecret=cs-SeCrEt&tenantID=t', /clientId is not one .*did you mean clientID\?/);
  badUrl('awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyId=AKIA-SeCrEt&secretAccessKey=sak-SeCrEt', /did you mean accessKeyID\?/);
  badUrl('delinea://ss?username=u&password=pw-SeCrEt&folder=F&Folder=G', /Folder is not one .*did you mean folder\?/);
  badUrl('conjur://c/acct/host%2Fm?apiKey=api-SeCrEt', /apiKey is not one .*did you mean apikey\?/);
  badUrl('cyberarkccp://ccp?appId=a&safe=s&certFile=/c&keyFile=/k', /appId is not one .*did you mean appID\?/);
  badUrl('secretfile:///etc/s.yaml?mode=x', /takes no parameters/);
  badUrl('hashivault://v:8200/secret/data/m?colour=blue', /colour is not one this provider takes \(it takes token, role_id/);
  // A parameter whose name is not name-shaped is not printed: it may be a pasted credential.
  badUrl('hashivault://v:8200/secret/data/m?tok-SeCrEt%20x', /a parameter is not one this provider takes/);
});

test.run();
