import * as assert from 'uvu/assert';
import { test } from 'uvu';
import { lintText } from '../../src/lint.js';
import { CANARY, lint, testRule } from '../support/rule-tester.js';

testRule('placeholder-value', {
  valid: [
    { name: 'a flow mapping with values is a mapping, not a placeholder', code: 'version: 1\ntls:\n  t: {caFile: /ca.pem}\n' },
    { name: 'an empty flow mapping is not a placeholder', code: 'version: 1\nhealth: {}\n' },
    { name: 'a quoted brace value is text', code: 'version: 1\nconnectors:\n  - {name: c, description: "{ not a placeholder }"}\n' },
    { name: 'an env template is not a placeholder', code: 'version: 1\nconnectors:\n  - {name: c, url: "{{ env.URL }}"}\n' },
  ],
  invalid: [
    { name: 'a cert file', code: 'version: 1\ntls:\n  maverics:\n    certFile: { ABSOLUTE PATH TO CERT FILE }\n    keyFile: /k.pem\nhttp: {tls: maverics}\n', errors: [{ line: 4, column: 15, endLine: 4, endColumn: 45, severity: 'error', message: /^`tls\.maverics\.certFile` is an unfilled placeholder `\{ ABSOLUTE PATH TO CERT FILE \}` \(YAML reads it as a mapping\); replace it with the real value$/ }] },
    { name: 'a connector secret: at a secret key the text is not quoted', code: 'version: 1\nconnectors:\n  - name: okta\n    oauthClientSecret: { OAUTH CLIENT SECRET }\n', errors: [{ line: 4, column: 24, endColumn: 47, message: /^`connectors\[0\]\.oauthClientSecret` is an unfilled placeholder `\{ … \}`/ }] },
    { name: 'a password in braces is read as a placeholder, and never repeated', code: `version: 1\ncaches:\n  - redis:\n      password: {${CANARY}}\n`, errors: [{ line: 4, column: 17 }] },
    { name: 'one word', code: 'version: 1\nconnectors:\n  - {name: okta, domain: { DOMAIN }}\n', errors: [{ line: 3, column: 26, message: /`connectors\[0\]\.domain`/ }] },
    { name: 'inside a list', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses:\n        - { REDIS HOST }\n    encryption: {disabled: true}\n', errors: [{ line: 7, column: 11, message: /`caches\[0\]\.redis\.addresses\[0\]`/ }] },
    { name: 'a cache\'s encryption key', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {keys: {current: { ENCRYPTION KEY }}}\n', errors: [{ line: 6, column: 34 }] },
    { name: 'a mode\'s cache', code: 'version: 1\noidcProvider:\n  cache: { CACHE NAME }\n', errors: [{ line: 3, column: 10 }] },
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
