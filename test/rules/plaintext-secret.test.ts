import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/pipeline/lint.js';
import { CANARY, CANARY_KEY_63, checkInvalid, testRule } from '../support/rule-tester.js';

function connector(key: string, value: string): string {
  return `version: 1
connectors:
  - name: c
    type: oidc
    ${key}: ${value}
`;
}

testRule('plaintext-secret', {
  valid: [
    { name: 'secret references everywhere a secret belongs', code: `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"], username: maverics, password: <vault.redis_password>}
    encryption: {keys: {current: <vault.k>, old: [<vault.k_old>]}}
    hashing: {keys: {current: <vault.h>}}
connectors:
  - {name: okta, type: okta, oauthClientSecret: <okta.secret>, apiToken: "<arn:aws:secretsmanager:us-west-2:1:secret:okta>"}
apps:
  - {name: a, credentials: {secrets: [<vault.app_secret>]}}
` },
    { name: 'env templates are not literals', code: connector('oauthClientSecret', '"{{ env.OKTA_CLIENT_SECRET }}"') },
    { name: 'a file path is not a secret', code: connector('privateKey', '/etc/maverics/keys/jwt.pem') },
    { name: 'a URL is not a secret', code: connector('clientSecret', 'https://vault.example.com/v1/secret/okta') },
    { name: 'keys that only contain the word are not secret keys', code: `${connector('ldapCASecretName', 'my-ca')}    tokenValidation: strict\n    keyFile: k.pem\n    secretsManager: aws\n` },
    { name: 'an empty value', code: connector('password', '""') },
    { name: 'a placeholder is placeholder-value only', code: connector('oauthClientSecret', '{ OAUTH CLIENT SECRET }') },
    { name: 'a username is not a secret', code: connector('username', 'admin') },
  ],
  invalid: [
    { name: 'a literal client secret (as in poddar007)', code: connector('oauthClientSecret', CANARY), errors: [{ line: 5, column: 24, endColumn: 43, severity: 'warning', message: /^`oauthClientSecret` holds a literal secret; .* write a reference such as <vault\.connectors_oauthClientSecret>$/ }] },
    { name: 'clientSecret', code: connector('clientSecret', CANARY), errors: [{ line: 5, column: 19 }] },
    { name: 'apiToken', code: connector('apiToken', CANARY), errors: [{ line: 5, column: 15 }] },
    { name: 'secretAccessKey', code: connector('secretAccessKey', CANARY), errors: [{ line: 5, column: 22 }] },
    { name: 'signingKey', code: connector('signingKey', CANARY), errors: [{ line: 5, column: 17 }] },
    { name: 'a service account password', code: connector('serviceAccountPassword', CANARY), errors: [{ line: 5, column: 29 }] },
    { name: 'a redis password and literal keys', code: `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"], password: ${CANARY}}
    encryption: {keys: {current: ${CANARY_KEY_63}, old: ["${CANARY_KEY_63}0"]}}
    hashing: {keys: {current: ${CANARY_KEY_63}}}
`, errors: [
      { line: 5, column: 54, message: /`password` holds a literal secret.*<vault\.redis_password>/ },
      { line: 6, column: 34, message: /`encryption\.keys\.current`/ },
      { line: 6, column: 105, message: /`encryption\.keys\.old`/ },
      { line: 7, column: 31, message: /`hashing\.keys\.current`/ },
    ] },
    { name: 'a PEM private key in a block scalar', code: `version: 1
oidcProvider:
  jwks:
    - algorithm: RS256
      privateKey: |
        -----BEGIN PRIVATE KEY-----
        ${CANARY}
        -----END PRIVATE KEY-----
`, errors: [{ line: 5, column: 19, endLine: 8, message: /`privateKey`/ }] },
    { name: 'an app credential secret', code: `version: 1\napps:\n  - name: a\n    credentials:\n      secrets: [${CANARY}, <vault.ok>]\n`, errors: [{ line: 5, column: 17, message: /`credentials\.secrets`/ }] },
    { name: 'a broken reference at a secret key is still a literal', code: connector('password', `<${CANARY}`), errors: [{ line: 5, column: 15 }] },
  ],
});

// An unquoted number is as literal a secret as text is; YAML merely reads it as a number.

test('an unquoted numeric password is a plaintext secret, and is masked in the source results carry', () => {
  const code = 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["localhost:6379"]\n      password: 8675309\n    encryption: {keys: {current: 31415926}}\n';
  checkInvalid('plaintext-secret', { code, errors: [{ line: 7, column: 17, endColumn: 24, message: /`password` holds a literal secret/ }, { line: 8, column: 34, message: /`encryption\.keys\.current`/ }] }, 'numeric');
  const { source } = lintText(code);
  assert.not.ok(source.includes('8675309'), 'the numeric password is still in the result source');
  assert.not.ok(source.includes('31415926'), 'the numeric key is still in the result source');
  assert.is(source.length, code.length);
});
test.run();
