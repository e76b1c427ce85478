/**
 * GitHub Actions workflow commands: one `::error` / `::warning` annotation per diagnostic, which GitHub
 * shows on the pull request's diff at the file and line. Suppressed diagnostics are not annotated.
 */
import type { Diagnostic } from '../base/diagnostics.js';
import type { Formatter } from './formatter.js';
import { displayPath, reportRoot } from './locations.js';
import { escapeControl } from './terminal-safe.js';

export const github: Formatter = (results, options) => {
  const root = reportRoot(options);
  const out: string[] = [];
  for (const result of results) {
    const file = displayPath(root, result.filePath);
    for (const d of result.diagnostics) if (!d.suppression) out.push(annotation(file, d));
  }
  return out.length ? `${out.join('\n')}\n` : '';
};

function annotation(file: string, d: Diagnostic): string {
  const properties = [
    ['file', file],
    ['line', String(d.line)],
    ['col', String(d.column)],
    ['endLine', String(d.endLine)],
    ['endColumn', String(d.endColumn)],
    ['title', d.ruleId],
  ]
    .map(([key, value]) => `${key}=${escapeControl(escapeProperty(value ?? ''))}`)
    .join(',');
  // Line breaks become %0D%0A (a multi-line annotation); any other control character is shown escaped.
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeControl(escapeData(d.message))}`;
}

/** As @actions/core escapes a command's message: the runner decodes these three. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also must not hold the `:` and `,` that delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
