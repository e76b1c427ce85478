/**
 * SARIF 2.1.0, shaped for GitHub code scanning: every catalogue rule in `tool.driver.rules` with its
 * help, one region per result, URIs relative to `%SRCROOT%` (the repository top level), and
 * `partialFingerprints.primaryLocationLineHash` (the one key GitHub reads) computed without the line
 * number, so an edit above a finding keeps its alert. Security rules carry the `security` tag and
 * `security-severity`. Suppressed findings are left out unless `includeSuppressed` (GitHub ignores
 * SARIF `suppressions`, so it would open an alert for each); kept, they carry their justification.
 * No source text is copied in: there is no `snippet`, so no secret can travel in the report.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic, FileResult } from '../base/diagnostics.js';
import { readPackageVersion } from '../base/version.js';
import { catalogue, type RuleMeta } from '../rules/catalogue.js';
import type { Formatter } from './formatter.js';
import { fingerprints, relativePath, reportRoot } from './locations.js';
import { PROJECT_URL, reportedBy, ruleDocUrl, ruleHelpText } from './rule-help.js';

const SRCROOT = '%SRCROOT%';

export const sarif: Formatter = (results, options) => {
  const root = reportRoot(options);
  const rules = catalogue();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const out: unknown[] = [];
  for (const result of results) {
    const rel = relativePath(root, result.filePath);
    // Fingerprints over every diagnostic, suppressed or not, so that the flag never changes them.
    const prints = fingerprints(result, rel ?? result.filePath);
    result.diagnostics.forEach((d, i) => {
      if (!d.suppression || options.includeSuppressed) out.push(toResult(d, result, rel, prints[i] ?? '', index.get(d.ruleId)));
    });
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'maverics-config',
            semanticVersion: readPackageVersion(),
            informationUri: PROJECT_URL,
            rules: rules.map(descriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(root) } },
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function descriptor(rule: RuleMeta) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Reported by ${reportedBy(rule)}.` },
    help: { text: ruleHelpText(rule), markdown: `${rule.description}\n\nReported by ${reportedBy(rule)}; severity ${rule.severity}. [Documentation, examples and how to fix it](${ruleDocUrl(rule.id)})` },
    helpUri: ruleDocUrl(rule.id),
    defaultConfiguration: { level: rule.severity },
    properties: ruleProperties(rule),
  };
}

/**
 * What GitHub code scanning reads from a rule's properties: `security` among the tags and a
 * `security-severity` (a number, as a string) make a security alert; `precision` and
 * `problem.severity` decide whether an alert is shown by default.
 */
function ruleProperties(rule: RuleMeta) {
  const tags = ['maverics', 'configuration', rule.stage];
  const common = { precision: rule.security?.precision ?? 'very-high', 'problem.severity': rule.severity };
  if (!rule.security) return { tags, ...common };
  return { tags: ['security', ...tags], ...common, 'security-severity': rule.security.severity.toFixed(1) };
}

function toResult(d: Diagnostic, result: FileResult, rel: string | undefined, fingerprint: string, ruleIndex: number | undefined) {
  const artifactLocation = rel !== undefined ? { uri: encodePath(rel), uriBaseId: SRCROOT } : { uri: pathToFileURL(result.filePath).href };
  return {
    ruleId: d.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: d.severity,
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.endLine === d.line ? d.column + 1 : 1) },
        },
        ...(d.path.length ? { logicalLocations: [{ fullyQualifiedName: jsonPointer(d.path), kind: 'member' }] } : {}),
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...(d.suppression ? { suppressions: [{ kind: 'inSource', ...(d.suppression.justification ? { justification: d.suppression.justification } : {}) }] } : {}),
  };
}

/** `caches/0/redis/addresses`: an RFC 6901 pointer, unambiguous whatever the keys hold. */
function jsonPointer(path: Diagnostic['path']): string {
  return `/${path.map((seg) => String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** A relative URI reference: each segment percent-encoded, the slashes kept. */
function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

