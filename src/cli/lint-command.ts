import { parseArgs } from 'node:util';
import { lintText } from '../pipeline/lint.js';
import { parseCliArgs } from './parse-cli-args.js';
import { inputDir, readInputs } from './read-inputs.js';
import { readReportOptions, report, reportOptionSpec } from './report-options.js';

export async function lintCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(parseArgs, args, reportOptionSpec);
  const options = readReportOptions(values);
  const inputs = await readInputs(positionals, options.stdinFilename, options.maxFileBytes);
  const results = inputs.map((input) => lintText(input.text, { filePath: input.filePath, configDir: inputDir(input) }));
  return report(results, options);
}
