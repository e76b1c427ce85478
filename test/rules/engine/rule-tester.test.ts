// The rule tester must be able to fail: each check below feeds it a wrong expectation and
// asserts that it throws, so that a passing rule suite means something.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CANARY, CANARY_KEY_63, assertNoCanary, checkInvalid, checkValid, lintRule } from '../../support/rule-tester.js';

const unknownCache = `version: 1
oidcProvider:
  cache: nope
`;

function throws(fn: () => void): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

test('passes on the right expectation', () => {
  checkInvalid('unknown-cache', { code: unknownCache, errors: [{ line: 3, column: 10, endLine: 3, endColumn: 14, severity: 'error', message: /no cache named `nope`/ }] }, 'ok');
  checkValid('unknown-cache', 'version: 1\noidcProvider:\n  cache: local_default\n', 'ok');
});

test('fails on a wrong count, position, end, severity or message', () => {
  const ok = { line: 3, column: 10 };
  assert.ok(throws(() => checkInvalid('unknown-cache', { code: unknownCache, errors: [ok, ok] }, 't')), 'count');
  assert.ok(throws(() => checkInvalid('unknown-cache', { code: unknownCache, errors: [{ line: 3, column: 9 }] }, 't')), 'column');
  assert.ok(throws(() => checkInvalid('unknown-cache', { code: unknownCache, errors: [{ line: 2, column: 10 }] }, 't')), 'line');
  assert.ok(throws(() => checkInvalid('unknown-cache', { code: unknownCache, errors: [{ ...ok, endColumn: 13 }] }, 't')), 'endColumn');
  assert.ok(throws(() => checkInvalid('unknown-cache', { code: unknownCache, errors: [{ ...ok, endLine: 4 }] }, 't')), 'endLine');
  assert.ok(throws(() => checkInvalid('unknown-cache', { code: unknownCache, errors: [{ ...ok, severity: 'warning' }] }, 't')), 'severity');
  assert.ok(throws(() => checkInvalid('unknown-cache', { code: unknownCache, errors: [{ ...ok, message: /did you mean/ }] }, 't')), 'message');
});

test('severity defaults to the rule\'s own: an error rule reported as a warning would fail', () => {
  // yaml-syntax reports an unresolved tag as a warning: without saying so, the case fails.
  const code = 'version: 1\nconnectors:\n  - {name: c, description: !weird x}\n';
  assert.ok(throws(() => checkInvalid('yaml-syntax', { code, errors: [{ line: 3, column: 28 }] }, 't')));
  checkInvalid('yaml-syntax', { code, errors: [{ line: 3, column: 28, severity: 'warning' }] }, 't');
});

test('a valid case fails when the rule reports', () => {
  assert.ok(throws(() => checkValid('unknown-cache', unknownCache, 't')));
});

test('only the rule under test is compared', () => {
  // unknown-key also fires here; unknown-cache's own single diagnostic is what counts.
  const code = `version: 1\nbogus: 1\noidcProvider:\n  cache: nope\n`;
  checkInvalid('unknown-cache', { code, errors: [{ line: 4, column: 10 }] }, 'ok');
  assert.is(lintRule('unknown-key', code).length, 1);
});

test('a message that repeats a canary fails', () => {
  const fake = { ruleId: 'x', severity: 'error' as const, line: 1, column: 1, endLine: 1, endColumn: 2, path: [], message: `bad key ${CANARY}` };
  assert.ok(throws(() => assertNoCanary([fake], 't')));
  assert.ok(throws(() => assertNoCanary([{ ...fake, message: `a 63 character key ${CANARY_KEY_63.slice(0, 10)}` }], 't')));
  assertNoCanary([{ ...fake, message: 'has 63 characters' }], 't');
  assert.is(CANARY_KEY_63.length, 63);
});

test.run();
