/**
 * The real-world corpus, resolved end to end: references are taken from the configs by the parse
 * stage, and resolved through the provider each project actually used.
 *
 * - fips/ldap-search runs with its secret file (`secretfile://`), `<secrets.serviceAccountUsername>`
 *   against a file whose `secrets:` map holds `serviceAccountUsername`.
 * - The nickgamb-strata projects load their `secrets.yaml` into Vault with vault/seed.sh: every
 *   `value:` (or the `file:`'s contents) becomes a flat key, dotted name and all, of one KV v2 secret
 *   written to `/v1/secret/data/maverics` with the dev token `blueprints`. The loopback Vault is
 *   seeded the same way, and the configs resolve through `hashivault+http://…/secret/data/maverics`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseConfig } from '../../src/parse/parse-config.js';
import { secretReferenceName } from '../../src/config/secret-references.js';
import { resolveSecrets, type SecretUse } from '../../src/secrets/resolver.js';
import { VaultTestServer } from '../support/vault-server.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/real-world', import.meta.url));

function usesOf(configFile: string): SecretUse[] {
  const parsed = parseConfig(readFileSync(join(CORPUS, configFile), 'utf8'));
  assert.not.ok(parsed.fatal, configFile);
  const uses: SecretUse[] = [];
  for (const entry of parsed.strings) {
    const reference = secretReferenceName(entry.value);
    if (reference) uses.push({ reference, path: entry.path });
  }
  return uses;
}

test('fips ldap-search resolves every reference through its secret file', async () => {
  const uses = usesOf('strata-io__service-extension__examples__fips__ldap-search__maverics.yaml');
  assert.equal(uses.map((u) => u.reference).sort(), ['secrets.serviceAccountPassword', 'secrets.serviceAccountUsername']);
  const result = await resolveSecrets(uses, {
    secretProvider: `secretfile://${join(CORPUS, 'secrets/strata-io__service-extension__examples__fips__ldap-search__secrets.yaml')}`,
  });
  assert.equal(result.problems, []);
  assert.is(result.values.get('secrets.serviceAccountUsername')?.reveal(), 'cn=service,dc=examples,dc=com');
});

for (const project of ['connect-snowflake-to-maverics', 'connect-aws-bedrock-to-maverics']) {
  test(`${project}: every reference resolves through Vault seeded as vault/seed.sh does`, async () => {
    const seedFile = parse(readFileSync(join(CORPUS, `secrets/nickgamb-strata__${project}__secrets.yaml`), 'utf8')) as {
      secrets: Record<string, { value?: string; file?: string }>;
    };
    const flat: Record<string, string> = {};
    for (const [key, entry] of Object.entries(seedFile.secrets)) flat[key] = entry.value ?? `contents of ${entry.file}`;
    const vault = await new VaultTestServer().start();
    try {
      vault.addToken('blueprints').mount('secret', 2).put('secret', 'maverics', flat);
      const uses = [
        ...usesOf(`nickgamb-strata__${project}__orchestrator__oidc-provider__maverics.yaml`),
        ...usesOf(`nickgamb-strata__${project}__orchestrator__ai-identity-gateway__maverics.yaml`),
      ];
      assert.ok(uses.length >= 8);
      const result = await resolveSecrets(uses, { secretProvider: `hashivault+http://${vault.url}/secret/data/maverics?token=blueprints` });
      assert.equal(result.problems, []);
      for (const use of uses) assert.is(result.values.get(use.reference)?.reveal(), flat[use.reference]);
      // One read of the one secret, whatever the number of references.
      assert.equal(vault.log.map((r) => r.path), ['/v1/secret/data/maverics']);
    } finally {
      await vault.stop();
    }
  });
}

test.run();
