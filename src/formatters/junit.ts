/**
 * JUnit XML, as GitLab's test reports and Jenkins' junit step read it: one `<testsuite>` per file, one
 * `<testcase>` per rule with findings in that file (each finding listed in its `<failure>`), and one
 * passing testcase for a clean file, so that the report counts it. A rule whose findings are all
 * suppressed is a `<skipped>` testcase carrying the reasons. No timings: the output is byte-stable.
 */
import type { Diagnostic, FileResult } from '../diagnostics.js';
import { compareStrings } from '../diagnostics.js';
import type { Formatter } from './formatter.js';
import { displayPath, reportRoot } from './locations.js';

export const junit: Formatter = (results, options) => {
  const root = reportRoot(options);
  const suites = results.map((r) => suite(r, displayPath(root, r.filePath)));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="maverics-config" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  skipped: number;
}

function suite(result: FileResult, file: string): Suite {
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) byRule.set(d.ruleId, [...(byRule.get(d.ruleId) ?? []), d]);
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  const attrs = `classname="${attr(file)}" file="${attr(file)}"`;
  for (const ruleId of [...byRule.keys()].sort(compareStrings)) {
    const all = byRule.get(ruleId) ?? [];
    const shown = all.filter((d) => !d.suppression);
    if (shown.length) {
      failures++;
      const first = shown[0] as Diagnostic;
      const type = shown.some((d) => d.severity === 'error') ? 'error' : 'warning';
      const body = shown.map((d) => `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.ruleId})`).join('\n');
      const message = shown.length === 1 ? first.message : `${shown.length} problems; the first at line ${first.line}: ${first.message}`;
      cases.push(`    <testcase ${attrs} name="${attr(ruleId)}">\n      <failure type="${type}" message="${attr(message)}">${text(body)}</failure>\n    </testcase>`);
    } else {
      skipped++;
      const reasons = all.map((d) => `line ${d.line}: ${d.suppression?.justification || 'no reason given'}`).join('; ');
      cases.push(`    <testcase ${attrs} name="${attr(ruleId)}">\n      <skipped message="${attr(`suppressed inline (${reasons})`)}"/>\n    </testcase>`);
    }
  }
  if (!cases.length) cases.push(`    <testcase ${attrs} name="maverics-config"/>`);
  const tests = cases.length;
  return {
    xml: `  <testsuite name="${attr(file)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`,
    tests,
    failures,
    skipped,
  };
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
