import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { lookup } from '../../src/secrets/providers/secretfile.js';
import { settles } from '../support/resolver-assertions.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/real-world/secrets', import.meta.url));
const fips = join(CORPUS, 'strata-io__service-extension__examples__fips__ldap-search__secrets.yaml');
const ldapSearch = join(CORPUS, 'strata-io__strata-service-extension-examples__ldap-search__secrets.yaml');
const ldapTls = join(CORPUS, 'strata-io__strata-service-extension-examples__ldap-tls__secrets.yaml');
const jwt = join(CORPUS, 'strata-io__service-extension__examples__fips__jwt-sign-verify__secrets.yaml');

const dir = mkdtempSync(join(tmpdir(), 'maverics-secretfile-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function uses(...references: string[]): SecretUse[] {
  return references.map((reference, i) => ({ reference, path: ['x', i] }));
}

test('fips ldap-search: <secrets.serviceAccountUsername> resolves against the flat secrets: map', async () => {
  const result = await resolveSecrets(uses('secrets.serviceAccountUsername', 'secrets.serviceAccountPassword'), {
    secretProvider: `secretfile://${fips}`,
  });
  assert.equal(result.problems, []);
  assert.is(result.values.get('secrets.serviceAccountUsername')?.reveal(), 'cn=service,dc=examples,dc=com');
  assert.is(result.values.get('secrets.serviceAccountPassword')?.reveal(), 'uCgfpeeyGk9Vgf$*$');
  // The flat name works too.
  const flat = await resolveSecrets(uses('serviceAccountUsername'), { secretProvider: `secretfile://${fips}` });
  assert.is(flat.values.get('serviceAccountUsername')?.reveal(), 'cn=service,dc=examples,dc=com');
});

test('multi-line block scalars keep their text, |+ keeps the trailing newlines', async () => {
  const result = await resolveSecrets(uses('ldapCACert', 'ldapCA'), { secretProvider: `secretfile://${ldapSearch}` });
  assert.is(result.values.get('ldapCACert')?.reveal(), '-----BEGIN CERTIFICATE-----\nTODO: Add LDAP CA Cert.\n-----END CERTIFICATE-----\n\n');
  assert.is(result.problems.length, 1);
  assert.is(result.problems[0]?.ruleId, 'unresolved-secret');
  const tls = await resolveSecrets(uses('ldapCA'), { secretProvider: `secretfile://${ldapTls}` });
  assert.is(tls.values.get('ldapCA')?.reveal(), '-----BEGIN CERTIFICATE-----\nTODO: Add LDAP CA Cert.\n-----END CERTIFICATE-----\n');
  const keys = await resolveSecrets(uses('jwtSigningKey', 'jwtVerificationKeys'), { secretProvider: `secretfile://${jwt}` });
  assert.equal(keys.problems, []);
  assert.match(keys.values.get('jwtSigningKey')?.reveal() ?? '', /^-----BEGIN PRIVATE KEY-----\n/);
  assert.is(keys.values.get('jwtVerificationKeys')?.reveal(), '{"keys": []}\n');
});

test('lookup order: whole name under secrets:, then from the root, then under secrets:', () => {
  const root = {
    secrets: { 'a.b': 'flat-in-secrets', nested: { key: 'nested-in-secrets' }, only: 'x' },
    a: { b: 'from-root' },
    maverics: { azure_client_secret: 'namespaced' },
    nested: { other: 'y' },
  };
  assert.is(lookup(root, 'a.b'), 'flat-in-secrets');
  assert.is(lookup(root, 'maverics.azure_client_secret'), 'namespaced');
  assert.is(lookup(root, 'nested.key'), 'nested-in-secrets');
  assert.is(lookup(root, 'secrets.only'), 'x');
  assert.is(lookup(root, 'maverics'), undefined, 'a mapping is not a value');
  assert.is(lookup(root, 'nope'), undefined);
});

test('values are the text written (failsafe schema): numbers and booleans are not reinterpreted', async () => {
  const file = join(dir, 'typed.yaml');
  writeFileSync(file, 'secrets:\n  pin: 007\n  flag: true\n  ver: 1.10\n  key: 0123456789012345678901234567890123456789012345678901234567890123\n');
  const result = await resolveSecrets(uses('pin', 'flag', 'ver', 'key'), { secretProvider: `secretfile://${file}` });
  assert.is(result.values.get('pin')?.reveal(), '007');
  assert.is(result.values.get('flag')?.reveal(), 'true');
  assert.is(result.values.get('ver')?.reveal(), '1.10');
  assert.is(result.values.get('key')?.reveal(), '0123456789012345678901234567890123456789012345678901234567890123');
});

test('a missing file and a broken file are provider errors that quote no content', async () => {
  const missing = await resolveSecrets(uses('a'), { secretProvider: `secretfile://${join(dir, 'missing.yaml')}` });
  assert.is(missing.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(missing.problems[0]?.message ?? '', /cannot read the secret file .*missing\.yaml: no such file/);
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'secrets:\n  good: fine\n  bad: "unterminated-CANARY-Q9\n');
  const result = await resolveSecrets(uses('good'), { secretProvider: `secretfile://${broken}` });
  assert.is(result.problems[0]?.ruleId, 'secret-provider-error');
  assert.match(result.problems[0]?.message ?? '', /not valid YAML/);
  assert.not.match(result.problems[0]?.message ?? '', /CANARY/);
  const list = join(dir, 'list.yaml');
  writeFileSync(list, '- a\n- b\n');
  const notMap = await resolveSecrets(uses('a'), { secretProvider: `secretfile://${list}` });
  assert.match(notMap.problems[0]?.message ?? '', /not a YAML mapping/);
});

test('the file is read once however many references', async () => {
  const file = join(dir, 'many.yaml');
  writeFileSync(file, `secrets:\n${Array.from({ length: 50 }, (_, i) => `  k${i}: v${i}`).join('\n')}\n`);
  const result = await resolveSecrets(uses(...Array.from({ length: 50 }, (_, i) => `k${i}`)), { secretProvider: `secretfile://${file}` });
  assert.is(result.values.size, 50);
  assert.is(result.values.get('k49')?.reveal(), 'v49');
});

test('a FIFO (a file that never finishes reading) is refused at once, and nothing is left open', async () => {
  const fifo = join(dir, 'secrets.fifo');
  execFileSync('mkfifo', [fifo]);
  const result = await settles(resolveSecrets(uses('a', 'b'), { secretProvider: `secretfile://${fifo}` }), 'a FIFO secret file');
  assert.is(result.problems.length, 2);
  assert.ok(result.problems.every((p) => p.ruleId === 'secret-provider-error' && /not a regular file/.test(p.message)), result.problems[0]?.message);
  const device = await settles(resolveSecrets(uses('a'), { secretProvider: 'secretfile:///dev/zero' }), 'a device secret file');
  assert.match(device.problems[0]?.message ?? '', /not a regular file/);
});

test.run();
