import * as assert from 'uvu/assert';
import { test } from 'uvu';
import { lintText } from '../../src/pipeline/lint.js';
import { CANARY, lint, testRule } from '../support/rule-tester.js';

testRule('placeholder-value', {
  valid: [
    { name: 'a flow mapping with values is a mapping, not a placeholder', code: 'version: 1\ntls:\n  t: {caFile: /ca.pem}\n' },
    { name: 'an empty flow mapping is not a placeholder', code: 'version: 1\nhealth: {}\n' },
    { name: 'a quoted brace value is text', code: 'version: 1\nconnectors:\n  - {name: c, description: "{ not a placeholder }"}\n' },
    { name: 'an env template is not a placeholder', code: 'version: 1\nconnectors:\n  - {name: c, url: "{{ env.URL }}"}\n' },
    { name: 'upper-case names where no URL or path belongs are ordinary values', code: 'version: 1\ntls:\n  t: {caFile: /ca.pem, clientAuth: REQUIRE_AND_VERIFY, enabledCiphers: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]}\nconnectors:\n  - {name: c, tls: t, scopes: OPENID_PROFILE}\napps:\n  - {name: a, headers: [{name: X-USER-ID, value: USER_ID}]}\n' },
    { name: 'real URLs and paths, and a one-word upper-case value, are not placeholders', code: 'version: 1\nconnectors:\n  - {name: c, samlMetadataURL: "https://login.example.com/metadata", samlSPCertPath: /etc/maverics/SP_CERT.pem, oidcWellKnownURL: METADATA}\n' },
  ],
  invalid: [
    { name: 'a cert file', code: 'version: 1\ntls:\n  maverics:\n    certFile: { ABSOLUTE PATH TO CERT FILE }\n    keyFile: /k.pem\nhttp: {tls: maverics}\n', errors: [{ line: 4, column: 15, endLine: 4, endColumn: 45, severity: 'error', message: /^`tls\.maverics\.certFile` is an unfilled placeholder `\{ ABSOLUTE PATH TO CERT FILE \}` \(YAML reads it as a mapping\); replace it with the real value$/ }] },
    { name: 'a connector secret: at a secret key the text is not quoted', code: 'version: 1\nconnectors:\n  - name: okta\n    oauthClientSecret: { OAUTH CLIENT SECRET }\n', errors: [{ line: 4, column: 24, endColumn: 47, message: /^`connectors\[0\]\.oauthClientSecret` is an unfilled placeholder `\{ … \}`/ }] },
    { name: 'a password in braces is read as a placeholder, and never repeated', code: `version: 1\ncaches:\n  - redis:\n      password: {${CANARY}}\n`, errors: [{ line: 4, column: 17 }] },
    { name: 'one word', code: 'version: 1\nconnectors:\n  - {name: okta, domain: { DOMAIN }}\n', errors: [{ line: 3, column: 26, message: /`connectors\[0\]\.domain`/ }] },
    { name: 'inside a list', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses:\n        - { REDIS HOST }\n    encryption: {disabled: true}\n', errors: [{ line: 7, column: 11, message: /`caches\[0\]\.redis\.addresses\[0\]`/ }] },
    { name: 'a cache\'s encryption key', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {keys: {current: { ENCRYPTION KEY }}}\n', errors: [{ line: 6, column: 34 }] },
    { name: 'a mode\'s cache', code: 'version: 1\noidcProvider:\n  cache: { CACHE NAME }\n', errors: [{ line: 3, column: 10 }] },
    {
      name: 'an upper-case name where a URL belongs (Microsoft\'s Azure AD B2C tutorial)',
      code: 'version: 1\nconnectors:\n  - name: azureADB2C\n    type: azure\n    samlMetadataURL: METADATA_URL\n',
      errors: [{ line: 5, column: 22, endColumn: 34, severity: 'error', message: /^`connectors\[0\]\.samlMetadataURL` is `METADATA_URL`, an unfilled placeholder where a URL belongs; replace it with the real URL$/ }],
    },
    {
      name: 'paths, URL lists, hyphenated names, endpoints and the named URL keys',
      code: 'version: 1\ntls:\n  t: {certFile: CERT_FILE_PATH, keyFile: /k.pem}\nconnectors:\n  - {name: c, oauthLoginRedirect: {urls: [REDIRECT-URL]}}\napps:\n  - {name: a, upstream: UPSTREAM_URL}\noidcProvider:\n  discovery: {endpoints: {jwks: JWKS_URL}}\n',
      errors: [{ line: 3, column: 17, message: /where a path belongs/ }, { line: 5, column: 43, message: /`REDIRECT-URL`, an unfilled placeholder where a URL belongs/ }, { line: 7, column: 25 }, { line: 9, column: 33 }],
    },
  ],
});

// The corpus README: on a placeholder's line, placeholder-value and nothing else.
test('a placeholder gets placeholder-value and nothing else on its line', () => {
  const code = `version: 1
http:
  tls: { SERVER PROFILE }
tls:
  maverics:
    certFile: { CERT FILE }
    keyFile: { KEY FILE }
    minVersion: { MIN VERSION }
    clientAuth: { CLIENT AUTH }
caches:
  - name: { CACHE NAME }
    type: redis
    redis:
      addresses: { REDIS ADDRESSES }
      password: { REDIS PASSWORD }
      tls: { REDIS TLS }
    encryption:
      keys:
        current: { ENCRYPTION KEY }
        old:
          - { OLD KEY }
    hashing:
      keys:
        current: { HASHING KEY }
connectors:
  - name: { IDP NAME }
    type: oidc
    oidcWellKnownURL: { WELL KNOWN URL }
    oauthClientID: { CLIENT ID }
    oauthClientSecret: { SECRET }
apps:
  - name: a
    authentication: {idps: [{ IDP }]}
oidcProvider:
  cache: { CACHE }
logger:
  level: { LEVEL }
session:
  store: {type: { STORE TYPE }}
`;
  const all = lint(code);
  const placeholderLines = new Set(all.filter((d) => d.ruleId === 'placeholder-value').map((d) => d.line));
  const lines = code.split('\n');
  lines.forEach((text, i) => {
    if (/\{ [A-Z ]+ \}/.test(text)) assert.ok(placeholderLines.has(i + 1), `line ${i + 1} has a placeholder but no placeholder-value`);
  });
  const others = all.filter((d) => d.ruleId !== 'placeholder-value' && placeholderLines.has(d.line));
  assert.equal(others.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`), []);
});
test('a placeholder at a secret key is masked in the source results carry', () => {
  const code = `version: 1\ncaches:\n  - redis:\n      password: {${CANARY}}\n`;
  const { source } = lintText(code);
  assert.not.ok(source.includes(CANARY));
  assert.is(source.length, code.length);
});
test.run();
