/**
 * The mapping from Ajv's errors to diagnostics (src/schema/validate.ts): one diagnostic per real
 * problem, even where the schema branches by `type`, and nothing twice that a rule already owns.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/pipeline/lint.js';
import { unknownKeySeverity } from '../../src/schema/validate.js';

const SCHEMA_RULES = new Set(['unknown-key', 'wrong-type', 'required-key', 'invalid-value']);
const schemaFindings = (code: string) =>
  lintText(code).diagnostics.filter((d) => SCHEMA_RULES.has(d.ruleId)).map((d) => `${d.line}:${d.column} ${d.ruleId}`);

test('an unknown type is one invalid-value: no cascade from the fifteen connector definitions', () => {
  const code = 'version: 1\nconnectors:\n  - name: idp\n    type: okat\n    oidcWellKnownURL: https://idp/.well-known/openid-configuration\n    oauthClientSecert: x\n    url: ldaps://x\n';
  assert.equal(schemaFindings(code), ['4:11 invalid-value']);
});

test('one misspelt key in a typed connector is one unknown-key', () => {
  const code = 'version: 1\nconnectors:\n  - name: idp\n    type: okta\n    oidcWellKnownURL: https://idp/.well-known/openid-configuration\n    oauthClientID: x\n    oauthClientSecret: <s>\n    disablePKCe: true\n';
  assert.equal(schemaFindings(code), ['8:5 unknown-key']);
});

test('a wrong type inside a typed app is one wrong-type, with no required-key or enum noise', () => {
  const code = 'version: 1\napps:\n  - name: m\n    type: mcpBridge\n    mode: openapi\n    openapi: {spec: {uri: "file:///s.json"}}\n    authorization:\n      outbound:\n        type: [tokenExchange]\n';
  assert.equal(schemaFindings(code), ['9:15 wrong-type']);
});

test('values known only at start-up pass at enums, booleans, numbers and durations', () => {
  const code = [
    'version: 1',
    'logger: {level: "{{ env.LEVEL }}", jsonOutput: <vault.json>}',
    'http: {readTimeoutSeconds: "{{ env.T }}"}',
    'session: {lifetime: {maxTimeout: <vault.max>}, store: {type: "{{ env.STORE }}"}}',
    'connectors:',
    '  - {name: idp, type: "{{ env.IDP_TYPE }}", anything: 1}',
    '',
  ].join('\n');
  assert.equal(schemaFindings(code), []);
});

test('the editor-only checks are left to their rules: a cache named local_default and a bad key are reported once each', () => {
  const code = 'version: 1\ncaches:\n  - name: local_default\n    type: redis\n    redis: {addresses: ["r:6379"]}\n    encryption: {keys: {current: not-hex}}\n    hashing: {keys: {current: "abc"}}\n';
  // plaintext-secret rightly warns about the literal keys too; the point is that the schema says nothing.
  const ids = lintText(code).diagnostics.filter((d) => d.ruleId !== 'plaintext-secret').map((d) => `${d.line} ${d.ruleId}`);
  assert.equal(ids.filter((i) => i.startsWith('3 ')), ['3 reserved-cache-name']);
  assert.equal(ids.filter((i) => i.startsWith('6 ')), ['6 encryption-key-format']);
  assert.equal(ids.filter((i) => i.startsWith('7 ')), ['7 hashing-key-format']);
});

test('the severity policy: complete → error, partial → warning', () => {
  assert.is(unknownKeySeverity('complete'), 'error');
  assert.is(unknownKeySeverity(undefined), 'error');
  assert.is(unknownKeySeverity('partial'), 'warning');
});

test.run();
