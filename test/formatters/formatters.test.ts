/**
 * Every formatter against a frozen list of results (test/fixtures/formatters/results.json), compared
 * byte for byte with golden files. UPDATE_GOLDENS=1 rewrites the goldens; read the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FileResult } from '../../src/base/diagnostics.js';
import { formatters } from '../../src/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { lintText } from '../../src/pipeline/lint.js';
import { catalogue, securityRules } from '../../src/rules/catalogue.js';
import { sarifProblems } from '../support/sarif-validator.js';

const dir = new URL('../fixtures/formatters/', import.meta.url);
const results = JSON.parse(readFileSync(new URL('results.json', dir), 'utf8')) as FileResult[];
const options = { cwd: '/repo', root: '/repo', color: false };
const goldens: Record<string, string> = { stylish: 'txt', json: 'json', 'json-with-metadata': 'json', sarif: 'sarif', github: 'txt', junit: 'xml', gitlab: 'json' };

/**
 * The SARIF golden holds the results, not the catalogue: the tool version, the rule descriptors and
 * the rule indexes change whenever a rule is added or reworded, and are tested on their own below.
 */
function normalise(name: string, output: string): string {
  if (name !== 'sarif') return output;
  const log = JSON.parse(output) as { runs: { tool: { driver: Record<string, unknown> }; results: Record<string, unknown>[] }[] };
  for (const run of log.runs) {
    run.tool.driver.semanticVersion = '0.0.0';
    run.tool.driver.rules = "one descriptor per catalogue rule, tested below";
    for (const result of run.results) delete result.ruleIndex;
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifLog(output: string) {
  const log = JSON.parse(output) as { runs: { results: Record<string, unknown>[]; tool: { driver: { rules: { id: string }[] } } }[] };
  assert.equal(sarifProblems(log), [], 'the SARIF log validates against the 2.1.0 schema');
  return log;
}

for (const [name, ext] of Object.entries(goldens)) {
  test(`${name}: matches its golden output`, () => {
    const formatter = formatters[name];
    assert.ok(formatter, `formatter ${name} is registered`);
    const output = normalise(name, formatter(results, options));
    const golden = new URL(`golden.${name}.${ext}`, dir);
    if (process.env.UPDATE_GOLDENS === '1') writeFileSync(golden, output);
    assert.fixture(output, readFileSync(golden, 'utf8'));
  });

  test(`${name}: pure and byte-stable (same input, same bytes; input untouched)`, () => {
    const before = JSON.stringify(results);
    const formatter = formatters[name];
    assert.ok(formatter);
    assert.is(formatter(results, options), formatter(structuredClone(results), options));
    assert.is(JSON.stringify(results), before);
  });
}

test('the SARIF validator does reject an invalid log (so the other tests mean something)', () => {
  assert.ok(sarifProblems({ version: '2.1.0' }).length > 0);
  assert.ok(sarifProblems({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }).length > 0);
});

test('sarif: the frozen results validate, with every catalogue rule described', () => {
  const log = sarifLog(formatters.sarif?.(results, options) ?? '');
  const run = log.runs[0];
  assert.ok(run);
  const rules = run.tool.driver.rules as unknown as Record<string, unknown>[];
  assert.equal(rules.map((r) => r.id), catalogue().map((r) => r.id));
  const ids = rules.map((r) => r.id);
  for (const result of run.results) assert.is(ids[result.ruleIndex as number], result.ruleId, 'ruleIndex points at the rule');
  for (const rule of rules) {
    assert.ok((rule.shortDescription as { text: string }).text, `${String(rule.id)} has a short description`);
    assert.ok((rule.fullDescription as { text: string }).text);
    assert.ok((rule.help as { text: string }).text);
    assert.match(String(rule.helpUri), new RegExp(`/docs/rules/${String(rule.id)}\\.md$`));
  }
});

test('sarif: repository-relative URIs under %SRCROOT%, absolute file URIs outside it', () => {
  const log = sarifLog(formatters.sarif?.(results, options) ?? '') as unknown as {
    runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
  };
  const run = log.runs[0];
  assert.ok(run);
  assert.equal(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
  const uris = [...new Set(run.results.map((r) => JSON.stringify(r.locations[0]?.physicalLocation.artifactLocation)))];
  assert.equal(uris, [
    JSON.stringify({ uri: 'config/maverics.yaml', uriBaseId: '%SRCROOT%' }),
    JSON.stringify({ uri: 'odd%20dir/a%2Cb%3Ac%20%C3%A4.maverics.yaml', uriBaseId: '%SRCROOT%' }),
    JSON.stringify({ uri: 'file:///outside/maverics.yml' }),
  ]);
});

test('sarif: suppressed results are left out by default, kept with their justification on request', () => {
  const all = results.flatMap((r) => r.diagnostics);
  const byDefault = sarifLog(formatters.sarif?.(results, options) ?? '').runs[0]?.results ?? [];
  assert.is(byDefault.length, all.filter((d) => !d.suppression).length);
  assert.not.ok(byDefault.some((r) => r.suppressions), 'no suppressed result in the default log');
  const kept = sarifLog(formatters.sarif?.(results, { ...options, includeSuppressed: true }) ?? '').runs[0]?.results ?? [];
  assert.is(kept.length, all.length);
  assert.equal(kept.filter((r) => r.suppressions).map((r) => r.suppressions), [
    [{ kind: 'inSource', justification: 'the Redis instance encrypts at rest; see <ticket #42> & "ops" notes' }],
    [{ kind: 'inSource' }],
  ]);
  // The flag does not change the fingerprints of the results both logs hold.
  const printsOf = (rs: Record<string, unknown>[]) => rs.filter((r) => !r.suppressions).map((r) => JSON.stringify(r.partialFingerprints));
  assert.equal(printsOf(kept), printsOf(byDefault));
});

test('sarif: primaryLocationLineHash on every result, unique, and unchanged when lines shift', () => {
  const log = sarifLog(formatters.sarif?.(results, { ...options, includeSuppressed: true }) ?? '');
  const all = log.runs[0]?.results ?? [];
  const prints = all.map((r) => (r.partialFingerprints as Record<string, string>).primaryLocationLineHash);
  assert.ok(prints.every((p) => typeof p === 'string' && /^[0-9a-f]{32}$/.test(p)), JSON.stringify(prints));
  assert.is(new Set(prints).size, prints.length, 'one fingerprint per result');
  // Ten lines inserted above every problem: the same alerts, so the same fingerprints.
  const moved = results.map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => ({ ...d, line: d.line + 10, endLine: d.endLine + 10 })) }));
  const movedPrints = (sarifLog(formatters.sarif?.(moved, { ...options, includeSuppressed: true }) ?? '').runs[0]?.results ?? []).map((r) => (r.partialFingerprints as Record<string, string>).primaryLocationLineHash);
  assert.equal(movedPrints, prints);
});

test('sarif: security rules carry the security tag, security-severity, precision and problem.severity', () => {
  const log = sarifLog(formatters.sarif?.(results, options) ?? '');
  const descriptors = log.runs[0]?.tool.driver.rules as unknown as { id: string; properties: Record<string, unknown> }[];
  const security = descriptors.filter((r) => (r.properties.tags as string[]).includes('security')).map((r) => r.id);
  for (const id of ['plaintext-secret', 'insecure-tls-version', 'tls-min-version', 'redis-without-tls', 'encryption-disabled', 'hashing-disabled', 'hashing-key-weak', 'encryption-key-reuse']) {
    assert.ok(security.includes(id), `${id} is a security rule`);
  }
  for (const rule of descriptors) {
    const p = rule.properties;
    assert.ok(['very-high', 'high', 'medium', 'low'].includes(p.precision as string), `${rule.id} precision`);
    assert.ok(['error', 'warning', 'recommendation'].includes(p['problem.severity'] as string), `${rule.id} problem.severity`);
    if (!security.includes(rule.id)) {
      assert.is(p['security-severity'], undefined, `${rule.id} is not a security rule`);
      continue;
    }
    const score = p['security-severity'];
    assert.type(score, 'string', `${rule.id}: security-severity is a string`);
    assert.ok(Number(score) > 0 && Number(score) <= 10, `${rule.id}: ${String(score)}`);
  }
  // Every security entry names a rule of the catalogue (a typo would silently drop the data).
  assert.equal(Object.keys(securityRules).filter((id) => !catalogue().some((r) => r.id === id)), []);
});

test('json-with-metadata: ESLint’s shape, rulesMeta for every rule that reported, suppressed ones included', () => {
  const out = JSON.parse(formatters['json-with-metadata']?.(results, options) ?? '') as {
    results: unknown[];
    metadata: { cwd: string; rulesMeta: Record<string, { type: string; docs: { description: string; url: string }; messages: Record<string, string> }> };
  };
  assert.equal(out.results, JSON.parse(formatters.json?.(results, options) ?? ''));
  const reported = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)))].sort();
  assert.equal(Object.keys(out.metadata.rulesMeta), reported);
  const byId = new Map(catalogue().map((r) => [r.id, r]));
  for (const [id, meta] of Object.entries(out.metadata.rulesMeta)) {
    assert.ok(['problem', 'suggestion'].includes(meta.type), id);
    assert.is(meta.docs.description, byId.get(id)?.description);
    assert.match(meta.docs.url, new RegExp(`/docs/rules/${id}\\.md$`));
    assert.type(meta.messages, 'object');
  }
  assert.is(out.metadata.rulesMeta['reserved-cache-name']?.type, 'problem');
  assert.is(out.metadata.rulesMeta['unused-disable']?.type, 'suggestion');
});

test('sarif: a real lintText run (errors, warnings, a suppression) validates', () => {
  const text = [
    '# maverics-config-disable-file hashing-disabled -- keys are not sensitive here',
    'version: 1',
    'caches:',
    '  - name: local_default',
    '    type: redis',
    '    redis:',
    '      addresses: ["redis://cache.example.com:6379"]',
    '      password: hunter2-literal',
    '    encryption:',
    '      keys:',
    '        current: 1234',
    '    hashing:',
    '      keys:',
    '        disabled: true',
    '# maverics-config-disable-next-line unknown-key',
    'logger:',
    '  level: info',
    '',
  ].join('\n');
  const result = lintText(text, { filePath: '/repo/maverics.yaml' });
  assert.ok(result.errorCount > 0 && result.diagnostics.some((d) => d.suppression), JSON.stringify(result.diagnostics, null, 1));
  const output = formatters.sarif?.([result], options) ?? '';
  const log = sarifLog(output);
  assert.ok((log.runs[0]?.results.length ?? 0) >= 4);
  assert.not.match(output, /hunter2/, 'no secret in the report');
  // And an empty run validates too.
  sarifLog(formatters.sarif?.([], options) ?? '');
  sarifLog(formatters.sarif?.([lintText('version: 1\n', { filePath: '/repo/ok.yaml' })], options) ?? '');
});

test('github: escapes data (%, CR, LF) and properties (also : and ,) as the runner decodes them', () => {
  assert.is(escapeData('100% a\r\nb: c, d'), '100%25 a%0D%0Ab: c, d');
  assert.is(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
  const out = formatters.github?.(results, options) ?? '';
  for (const line of out.trimEnd().split('\n')) assert.match(line, /^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r\n]+$/);
  assert.ok(out.includes('file=odd dir/a%2Cb%3Ac ä.maverics.yaml,'), out);
  assert.not.ok(out.includes('all suppressed here'), 'suppressed diagnostics are not annotated');
});

test('gitlab: major for errors, minor for warnings, relative paths, unique fingerprints, no suppressed issue', () => {
  const issues = JSON.parse(formatters.gitlab?.(results, options) ?? '') as { severity: string; check_name: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
  assert.equal([...new Set(issues.map((i) => `${i.check_name}:${i.severity}`))].sort(), [
    'plaintext-secret:minor',
    'redis-address:major',
    'reserved-cache-name:major',
    'unknown-key:minor',
    'unused-disable:minor',
    'wrong-type:major',
  ]);
  assert.is(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  assert.equal([...new Set(issues.map((i) => i.location.path))], ['config/maverics.yaml', 'odd dir/a,b:c ä.maverics.yaml', '/outside/maverics.yml']);
});

test('junit: well-formed enough for a strict reader: escaped text, no raw control characters', () => {
  const xml = formatters.junit?.(results, options) ?? '';
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  assert.not.match(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  assert.ok(xml.includes('&amp; retry)'), 'ampersand escaped');
  assert.ok(xml.includes('&lt;host&gt;'), 'angle brackets escaped');
  assert.ok(xml.includes('<skipped message="suppressed inline (the Redis instance encrypts at rest; see &lt;ticket #42&gt; &amp; &quot;ops&quot; notes)"/>'), xml);
  // Every opened element closes, in order.
  const stack: string[] = [];
  for (const [, close, name, self] of xml.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (self) continue;
    if (close) assert.is(stack.pop(), name);
    else stack.push(name ?? '');
  }
  assert.equal(stack, []);
});

test.run();
