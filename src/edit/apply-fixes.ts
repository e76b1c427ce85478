import type { Fix } from '../base/diagnostics.js';

/**
 * Applies the fixes that do not overlap, in source order, as ESLint's source-code fixer does: a
 * fix that starts at or before the end of one already taken waits for the next pass.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = -1;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start <= last) continue;
    out += text.slice(Math.max(last, 0), start) + fix.text;
    last = end;
    applied++;
  }
  return { text: out + text.slice(Math.max(last, 0)), applied };
}
