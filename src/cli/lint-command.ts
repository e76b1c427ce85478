import { parseArgs } from 'node:util';
import { UsageError } from '../base/errors.js';
import { lintText } from '../pipeline/lint.js';
import { parseCliArgs } from './parse-cli-args.js';
import { inputDir, readInputs } from './read-inputs.js';
import { exitCodeFor, readReportOptions, report, reportOptionSpec } from './report-options.js';

const lintOptionSpec = { ...reportOptionSpec, fix: { type: 'boolean' }, 'fix-dry-run': { type: 'boolean' } } as const;

export async function lintCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(parseArgs, args, lintOptionSpec);
  const options = readReportOptions(values);
  const fix = values.fix === true;
  const dryRun = values['fix-dry-run'] === true;
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run exclude each other; choose one');
  if (fix && positionals.includes('-')) throw new UsageError('--fix cannot write back to standard input; use --fix-dry-run to see the changes as a diff');
  const inputs = (await readInputs(positionals, options.stdinFilename, options.maxFileBytes)).map((input) => ({ ...input, options: { filePath: input.filePath, configDir: inputDir(input) } }));
  if (!fix && !dryRun) return report(inputs.map((input) => lintText(input.text, input.options)), options);
  // Loaded only here: plain lint never pays for the fixer.
  const { fixFiles } = await import('../edit/fix-files.js');
  const { results, diff } = fixFiles(inputs, dryRun);
  if (!dryRun) return report(results, options);
  // The diff owns standard output; the report of what would be left goes to --output, when given.
  process.stdout.write(diff);
  return options.output ? report(results, options) : exitCodeFor(results, options);
}
