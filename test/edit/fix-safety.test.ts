/** What a fix must not do: guess between two names, change quoting, drop credentials, rename onto a sibling. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyFixes } from '../../src/edit/apply-fixes.js';
import { fixText } from '../../src/edit/fix-text.js';
import { lintText } from '../../src/pipeline/lint.js';

const cache = (address: string) => `version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: [${address}]\n    encryption: { disabled: true }\n`;
const fixesOf = (text: string, rule: string) => lintText(text).diagnostics.filter((d) => d.ruleId === rule && d.fix);

test('a reference with two equally close names is not guessed', () => {
  const text = 'version: 1\ntls:\n  edge1: { caFile: /a.pem }\n  edge2: { caFile: /b.pem }\nconnectors:\n  - { name: c, type: oidc, tls: edge, oidcWellKnownURL: "https://i.example.com/.well-known/openid-configuration", oauthClientID: x, oauthClientSecret: <v.s> }\n';
  assert.is(fixesOf(text, 'unknown-tls-profile').length, 0);
  assert.ok(lintText(text).diagnostics.some((d) => d.ruleId === 'unknown-tls-profile'));
});

test('the quoting style is kept: single, double and plain', () => {
  assert.is(fixText(cache("'redis.example.com'")).output, cache("'redis.example.com:6379'"));
  assert.is(fixText(cache('"redis.example.com"')).output, cache('"redis.example.com:6379"'));
  assert.is(fixText(cache('redis.example.com')).output, cache('redis.example.com:6379'));
});

test('an address with credentials, a path or a query, or with rediss:// (TLS), is reported but never rewritten', () => {
  for (const address of ['"redis://:pw-canary@r.example.com:6379"', '"redis://r.example.com:6379/0"', '"redis://r.example.com:6379?password=x"', '"rediss://r.example.com:6379"']) {
    assert.ok(lintText(cache(address)).diagnostics.some((d) => d.ruleId === 'redis-address'), address);
    assert.is(fixesOf(cache(address), 'redis-address').length, 0, address);
  }
});

test('an unknown key is not renamed onto a key the mapping already has', () => {
  const text = 'version: 1\nsession:\n  cookie: { domain: example.com }\nsesion: {}\n';
  assert.is(fixText(text).output.includes('sesion:'), true);
});

test('an IPv6 host gets its port and stays quoted', () => {
  assert.is(fixText(cache('"[::1]"')).output, cache('"[::1]:6379"'));
});

test('overlapping fixes: the first is applied, the other waits for the next pass', () => {
  const r = applyFixes('abcdef', [{ range: [1, 3], text: 'X' }, { range: [2, 4], text: 'Y' }, { range: [4, 5], text: 'Z' }]);
  assert.equal(r, { text: 'aXdZf', applied: 2 });
});

test('a suppressed finding is not fixed', () => {
  const text = cache('redis.example.com').replace('      addresses', '      # maverics-config-disable-next-line redis-address -- a proxy in front adds the port\n      addresses');
  assert.ok(lintText(text).diagnostics.some((d) => d.ruleId === 'redis-address' && d.suppression && d.fix));
  assert.is(fixText(text).output, text);
});

test('a byte-order mark is kept and does not shift the fix', () => {
  assert.is(fixText(`\uFEFF${cache('redis.example.com')}`).output, `\uFEFF${cache('redis.example.com:6379')}`);
});

test('legacy session keys move to their modern place, one at a time: a second one waits rather than duplicate `lifetime`', () => {
  const text = 'version: 1\nsession:\n  maxLifetimeSeconds: 86400 # a day\n  idleTimeoutSeconds: 900\n';
  const { output, result } = fixText(text);
  assert.is(output, 'version: 1\nsession:\n  lifetime: { maxTimeout: 24h } # a day\n  idleTimeoutSeconds: 900\n');
  assert.equal(result.diagnostics.filter((d) => d.ruleId === 'legacy-key').map((d) => [d.line, Boolean(d.fix)]), [[4, false]]);
});

test.run();
