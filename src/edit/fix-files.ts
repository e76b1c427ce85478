import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { FileResult } from '../base/diagnostics.js';
import type { LintOptions } from '../pipeline/lint.js';
import { fixText } from './fix-text.js';
import { unifiedDiff } from './unified-diff.js';

export interface FixInput {
  filePath: string;
  text: string;
  /** Only a file on disk is written back; standard input can only be shown as a diff. */
  onDisk: boolean;
  options: LintOptions;
}

/**
 * `lint --fix` (writes each changed file in place) and `--fix-dry-run` (writes nothing; returns the
 * unified diff). The diff is drawn between the redacted texts: fixes never touch a secret, so every
 * changed line is shown exactly, while a literal secret in a context line is masked as in any report.
 */
export function fixFiles(inputs: readonly FixInput[], dryRun: boolean, cwd = process.cwd()): { results: FileResult[]; diff: string } {
  let diff = '';
  const results = inputs.map((input) => {
    const outcome = fixText(input.text, input.options);
    if (outcome.output === input.text) return outcome.result;
    if (dryRun) diff += unifiedDiff(outcome.before.source, outcome.result.source, diffName(input.filePath, cwd));
    else if (input.onDisk) writeFileSync(input.filePath, outcome.output);
    return outcome.result;
  });
  return { results, diff };
}

/** The name in `--- a/…` headers: relative to the working directory, with forward slashes, for `patch -p1`. */
function diffName(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath.replace(/[<>]/g, '');
  const rel = relative(cwd, filePath);
  return (rel.startsWith('..') ? filePath : rel).split('\\').join('/');
}
