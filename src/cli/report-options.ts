/** Options shared by the commands that print diagnostics (lint, check). */
import { writeFile } from 'node:fs/promises';
import { sortAndDedupe, type FileResult } from '../base/diagnostics.js';
import { UsageError } from '../base/errors.js';
import { formatterNamed, formatters } from '../formatters/index.js';
import { maxFileBytes } from './read-inputs.js';

export interface ReportOptions {
  format: string;
  output?: string;
  maxWarnings?: number;
  quiet: boolean;
  stdinFilename?: string;
  sarifIncludeSuppressed: boolean;
  maxFileBytes?: number;
}

export const reportOptionSpec = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'sarif-include-suppressed': { type: 'boolean' },
  'max-file-size': { type: 'string' },
} as const;

export function readReportOptions(values: Record<string, string | boolean | string[] | undefined>): ReportOptions {
  const format = (values.format as string | undefined) ?? (process.env.GITHUB_ACTIONS === 'true' && formatterNamed('github') ? 'github' : 'stylish');
  if (!formatterNamed(format)) throw new UsageError(`unknown format "${format}"; choose one of ${Object.keys(formatters).join(', ')}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number ≥ 0, got "${String(values['max-warnings'])}"`);
  }
  return {
    format,
    output: values.output as string | undefined,
    maxWarnings,
    quiet: values.quiet === true,
    stdinFilename: values['stdin-filename'] as string | undefined,
    sarifIncludeSuppressed: values['sarif-include-suppressed'] === true,
    maxFileBytes: maxFileBytes(values),
  };
}

/** Prints (or writes) the report and returns the exit code it implies. */
export async function report(results: FileResult[], options: ReportOptions): Promise<number> {
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const sorted = [...shown].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const formatter = formatterNamed(options.format);
  if (!formatter) throw new UsageError(`unknown format "${options.format}"`);
  const color = !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = formatter(sorted, { cwd: process.cwd(), color, includeSuppressed: options.sarifIncludeSuppressed });
  if (options.output) {
    try {
      await writeFile(options.output, text);
    } catch (error) {
      throw new UsageError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
    }
  } else if (text) {
    process.stdout.write(text);
  }
  return exitCodeFor(results, options);
}

/** 1 for an error, or for more warnings than --max-warnings allows; 0 otherwise. */
export function exitCodeFor(results: readonly FileResult[], options: Pick<ReportOptions, 'maxWarnings'>): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`maverics-config: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function errorsOnly(result: FileResult): FileResult {
  const diagnostics = sortAndDedupe(result.diagnostics.filter((d) => d.severity === 'error'));
  return { ...result, diagnostics, warningCount: 0 };
}
