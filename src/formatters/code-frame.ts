import type { Diagnostic } from '../base/diagnostics.js';
import { escapeControl } from './terminal-safe.js';

export interface Paint {
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const plain = (s: string): string => s;
export const noColor: Paint = { dim: plain, red: plain, yellow: plain, bold: plain, underline: plain };
export const ansi: Paint = {
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
  red: (s) => `\u001b[31m${s}\u001b[39m`,
  yellow: (s) => `\u001b[33m${s}\u001b[39m`,
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  underline: (s) => `\u001b[4m${s}\u001b[24m`,
};

/**
 * The diagnostic's first line with its line number, and carets under the range. `lines` is the
 * already-redacted source: literal secrets were masked before any formatter saw the text.
 */
export function codeFrame(lines: readonly string[], d: Diagnostic, paint: Paint): string {
  const raw = (lines[d.line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  const width = String(d.line).length;
  const start = Math.max(1, d.column);
  const end = d.endLine === d.line ? Math.max(start + 1, d.endColumn) : raw.length + 1;
  // Control characters are shown escaped (wider than one column): carets follow the escaped text.
  const before = escapeControl(raw.slice(0, start - 1));
  const under = escapeControl(raw.slice(start - 1, Math.min(end, raw.length + 1) - 1));
  const text = escapeControl(raw);
  const caretCount = Math.max(1, under.length);
  const gutter = `${' '.repeat(width)} |`;
  const shown = text.length > 160 ? `${text.slice(0, 157)}…` : text;
  return [
    `    ${paint.dim(`${d.line} |`)} ${shown}`,
    `    ${paint.dim(gutter)} ${' '.repeat(before.length)}${(d.severity === 'error' ? paint.red : paint.yellow)('^'.repeat(caretCount))}`,
  ].join('\n');
}
