// Every offline rule has its test file (test/rules/<rule-id>.test.ts), and no test file names a
// rule that does not exist; a new rule without tests fails here.
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rules } from '../../../src/rules/index.js';
import { CANARY, CANARY_KEY_63, lint } from '../../support/rule-tester.js';

const dir = new URL('../', import.meta.url);

test('every offline rule has a test file named after its id', () => {
  const missing = rules.map((r) => r.id).filter((id) => !existsSync(new URL(`${id}.test.ts`, dir)));
  assert.equal(missing, []);
});

test('every rule test file names an offline rule', () => {
  const ids = new Set(rules.map((r) => r.id));
  const orphans = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, '')).filter((id) => !ids.has(id));
  assert.equal(orphans, []);
});

test('there are 32 offline rules, and their ids are unique', () => {
  assert.is(new Set(rules.map((r) => r.id)).size, rules.length);
  assert.is(rules.length, 32);
});

// One file that trips as many rules as possible with canaries in every secret slot: no message, of
// any rule, may carry one.
test('no message of any rule repeats a literal secret', () => {
  const code = `version: 1
sessions: {}
caches:
  - name: local_default
    type: redis
    redis:
      adresses: ["x"]
      addresses: ["redis://u:${CANARY}@h:6379", "u:${CANARY}@h:6379", "::1:6379", "h:0"]
      password: ${CANARY}
      tls: redis-tl
    encryption:
      keys:
        current: ${CANARY_KEY_63}
        old: ["${CANARY_KEY_63}", "<${CANARY}", 12345]
    hashing:
      keys:
        current: "${CANARY} ${CANARY}"
        old: ["${CANARY}>"]
  - name: local_default
    type: redis
    redis: {addresses: ["localhost:6379"], password: "*${CANARY}"}
    encryption: {disabled: true}
connectors:
  - name: c
    oauthClientSecret: <${CANARY}
    apiToken: "Bearer <${CANARY}>"
    clientSecret: ${CANARY}.x>
    password: "{{ ENV.${CANARY} }}"
oidcProvider:
  jwks:
    - privateKey: ${CANARY}
tls:
  redis-tls: {minVersion: "${CANARY}"}
`;
  const all = lint(code);
  assert.ok(all.length > 15, `expected many diagnostics, got ${all.length}`);
  const leaking = all.filter((d) => /CANARY|5ecret/.test(d.message)).map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
  // Non-secret slots may echo what was written (minVersion here); secret slots never.
  const secretLines = new Set([8, 9, 13, 14, 17, 18, 21, 25, 26, 27, 28, 31]);
  assert.equal(leaking.filter((l) => secretLines.has(Number(l.split(':')[0]))), []);
});

test.run();
