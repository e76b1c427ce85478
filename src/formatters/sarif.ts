/**
 * SARIF 2.1.0, shaped for GitHub code scanning: every catalogue rule in `tool.driver.rules` with its
 * help, one region per result, URIs relative to `%SRCROOT%` (the repository top level), fingerprints
 * that survive edits elsewhere in the file, and suppressed results kept with their justification.
 * No source text is copied in: there is no `snippet`, so no secret can travel in the report.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic, FileResult } from '../diagnostics.js';
import { readPackageVersion } from '../meta/version.js';
import { catalogue, type RuleMeta } from '../rules/catalogue.js';
import type { Formatter } from './formatter.js';
import { fingerprints, relativePath, reportRoot } from './locations.js';
import { PROJECT_URL, reportedBy, ruleDocUrl, ruleHelpText } from './rule-help.js';

const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'mavericsConfig/v1';

export const sarif: Formatter = (results, options) => {
  const root = reportRoot(options);
  const rules = catalogue();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const out: unknown[] = [];
  for (const result of results) {
    const rel = relativePath(root, result.filePath);
    const prints = fingerprints(result, rel ?? result.filePath);
    result.diagnostics.forEach((d, i) => out.push(toResult(d, result, rel, prints[i] ?? '', index.get(d.ruleId))));
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
    properties: { tags: ['maverics', 'configuration', rule.stage] },
  };
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
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
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

