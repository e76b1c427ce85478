import { relative } from 'node:path';
import type { FileResult } from '../base/diagnostics.js';
import { ansi, codeFrame, noColor } from './code-frame.js';
import type { Formatter } from './formatter.js';
import { escapeControl } from './terminal-safe.js';

/** ESLint's stylish layout, plus a one-line code frame under each problem. */
export const stylish: Formatter = (results, { cwd, color }) => {
  const paint = color ? ansi : noColor;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const shown = result.diagnostics.filter((d) => !d.suppression);
    if (!shown.length) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    out.push(paint.underline(escapeControl(displayPath(result, cwd))));
    const lines = result.source.split('\n');
    for (const d of shown) {
      const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
      out.push(`  ${paint.dim(`${d.line}:${d.column}`)}  ${severity}  ${escapeControl(d.message)}  ${paint.dim(escapeControl(d.ruleId))}`);
      out.push(codeFrame(lines, d, paint));
    }
    out.push('');
  }
  if (errors + warnings === 0) return '';
  const total = errors + warnings;
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push((errors ? paint.red : paint.yellow)(paint.bold(summary)));
  return `${out.join('\n')}\n`;
};

function displayPath(result: FileResult, cwd: string): string {
  if (!result.filePath.startsWith('/')) return result.filePath;
  const rel = relative(cwd, result.filePath);
  return rel.startsWith('..') ? result.filePath : rel;
}
