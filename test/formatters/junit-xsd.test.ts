/**
 * `--format junit` against the Jenkins xunit plugin's own schema (vendor/junit/junit-10.xsd), checked
 * by a real XSD validator: `xmllint --schema` from libxml2 (Debian's libxml2-utils; .ci/run installs
 * it). Without xmllint the file fails and says so: a validation that did not run is not a pass.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FileResult } from '../../src/base/diagnostics.js';
import { junit } from '../../src/formatters/junit.js';
import { lintText } from '../../src/pipeline/lint.js';

const xsd = fileURLToPath(new URL('../../vendor/junit/junit-10.xsd', import.meta.url));
const frozen = JSON.parse(readFileSync(new URL('../fixtures/formatters/results.json', import.meta.url), 'utf8')) as FileResult[];
const options = { cwd: '/repo', root: '/repo', color: false };
const dir = mkdtempSync(join(tmpdir(), 'maverics-junit-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's verdict on `xml`: its exit status and what it printed. */
function xmllint(xml: string): { status: number | null; output: string } {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (${(run.error as NodeJS.ErrnoException).code ?? run.error.message}): install libxml2-utils (apt-get install -y libxml2-utils); .ci/run does`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function testcases(xml: string): string[] {
  return [...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1] ?? '');
}

test('xmllint is there and rejects what junit-10.xsd forbids (so the passes below mean something)', () => {
  const bad = xmllint('<?xml version="1.0"?>\n<testsuites skipped="0"><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="x" file="a.yaml"/></testsuite></testsuites>\n');
  assert.is.not(bad.status, 0, bad.output);
  assert.match(bad.output, /skipped/);
  assert.match(bad.output, /file/);
});

test('the frozen results validate against junit-10.xsd', () => {
  const v = xmllint(junit(frozen, options));
  assert.is(v.status, 0, v.output);
  assert.match(v.output, /validates/);
});

test('one failing testcase per diagnostic, one skipped testcase per suppressed one', () => {
  const xml = junit(frozen, options);
  const all = frozen.flatMap((r) => r.diagnostics);
  assert.is((xml.match(/<failure /g) ?? []).length, all.filter((d) => !d.suppression).length);
  assert.is((xml.match(/<skipped /g) ?? []).length, all.filter((d) => d.suppression).length);
  // A clean file still counts, as one passing testcase.
  assert.is(testcases(xml).length, all.length + frozen.filter((r) => r.diagnostics.length === 0).length);
});

test('two findings of one rule in one file are two failures, and a real lint run validates', () => {
  const text = ['version: 1', 'caches:', '  - name: a', '    type: redis', '    redis:', '      addresses: ["redis://x:1", "redis://y:2"]', ''].join('\n');
  const result = lintText(text, { filePath: '/repo/two.yaml' });
  const addressFindings = result.diagnostics.filter((d) => d.ruleId === 'redis-address');
  assert.is(addressFindings.length, 2, JSON.stringify(result.diagnostics));
  const xml = junit([result], options);
  assert.equal(testcases(xml).filter((n) => n.endsWith(' redis-address')), addressFindings.map((d) => `${d.line}:${d.column} redis-address`));
  const v = xmllint(xml);
  assert.is(v.status, 0, v.output);
  // And an empty report validates too.
  assert.is(xmllint(junit([], options)).status, 0);
});

test.run();
