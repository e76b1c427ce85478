import type { FileResult, Fix } from '../base/diagnostics.js';
import { lintText, type LintOptions } from '../pipeline/lint.js';
import { applyFixes } from './apply-fixes.js';

/** As ESLint: a fix can make room for another, but a cycle of fixes must still end. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The text with every fix applied. Holds the file's secrets as they were: write it only to the file itself. */
  output: string;
  /** The lint of `output`: what is left. */
  result: FileResult;
  /** The lint of the text as given (its `source` redacted), for a diff. */
  before: FileResult;
  fixed: number;
}

/** Lints, applies every fix that does not overlap another, and lints again, up to MAX_FIX_PASSES times. */
export function fixText(input: string, options: LintOptions = {}): FixOutcome {
  // Fix offsets count from after a byte-order mark (the linter drops it); the mark itself is kept.
  const bom = input.charCodeAt(0) === 0xfeff ? input.slice(0, 1) : '';
  const text = input.slice(bom.length);
  const before = lintText(text, options);
  let result = before;
  let output = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = fixesOf(result);
    if (!fixes.length) break;
    const next = applyFixes(output, fixes);
    if (!next.applied || next.text === output) break;
    output = next.text;
    fixed += next.applied;
    result = lintText(output, options);
  }
  return { output: bom + output, result, before, fixed };
}

/** The fixes of the diagnostics that count (a suppressed finding is left as it is). */
export function fixesOf(result: FileResult): Fix[] {
  return result.diagnostics.filter((d) => d.fix && !d.suppression).map((d) => d.fix as Fix);
}
