/**
 * JUnit XML that validates against the Jenkins xunit plugin's `junit-10.xsd` (vendor/junit/) and
 * that GitLab's test reports read: one `<testsuite>` per file, one failing `<testcase>` per finding
 * (two findings of one rule are two failures), one passing testcase for a clean file so that the
 * report counts it, and a `<skipped>` testcase per suppressed finding with its reason. The schema
 * allows no `file` on a testcase and no `skipped` on `<testsuites>`, so neither is written. No
 * timings: the output is byte-stable.
 */
import type { Diagnostic, FileResult } from '../base/diagnostics.js';
import type { Formatter } from './formatter.js';
import { displayPath, reportRoot } from './locations.js';

export const junit: Formatter = (results, options) => {
  const root = reportRoot(options);
  const suites = results.map((r) => suite(r, displayPath(root, r.filePath)));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="maverics-config" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};

interface Suite {
  xml: string;
  tests: number;
  failures: number;
}

function suite(result: FileResult, file: string): Suite {
  const cases = result.diagnostics.map((d) => testcase(d, file));
  const failures = result.diagnostics.filter((d) => !d.suppression).length;
  const skipped = result.diagnostics.length - failures;
  if (!cases.length) cases.push(`    <testcase classname="${attr(file)}" name="maverics-config"/>`);
  const tests = cases.length;
  return {
    xml: `  <testsuite name="${attr(file)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`,
    tests,
    failures,
  };
}

/** `12:7 redis-address`: the rule id with the position, unique in a file for distinct findings. */
function testcase(d: Diagnostic, file: string): string {
  const head = `    <testcase classname="${attr(file)}" name="${attr(`${d.line}:${d.column} ${d.ruleId}`)}">`;
  if (d.suppression) {
    const reason = d.suppression.justification || 'no reason given';
    return `${head}\n      <skipped message="${attr(`suppressed inline (${reason})`)}"/>\n    </testcase>`;
  }
  const body = `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.ruleId})`;
  return `${head}\n      <failure type="${d.severity}" message="${attr(d.message)}">${text(body)}</failure>\n    </testcase>`;
}

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF) become
 * U+FFFD; a parser would reject the whole report otherwise.
 */
function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function text(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and keep line breaks and tabs as references (attribute normalisation would turn them into spaces). */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
