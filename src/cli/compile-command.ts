import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { compileConfig } from '../pipeline/compile.js';
import { readEnvFile } from './env-file.js';
import { UsageError } from '../base/errors.js';
import { stylish } from '../formatters/stylish.js';
import { lintParsed } from '../pipeline/lint.js';
import { finishResult } from '../pipeline/result.js';
import { parseCliArgs } from './parse-cli-args.js';
import { maxFileBytes, readInputs } from './read-inputs.js';

/**
 * `compile <file>`: the normalised config as JSON on stdout (or --out). A config with errors is not
 * compiled: its diagnostics go to stderr and the exit code is 1.
 */
export async function compileCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(parseArgs, args, {
    out: { type: 'string', short: 'o' },
    'env-file': { type: 'string' },
    'stdin-filename': { type: 'string' },
    'max-file-size': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('compile takes exactly one file (or - for standard input)');
  const [input] = await readInputs(positionals, values['stdin-filename'] as string | undefined, maxFileBytes(values));
  if (!input) throw new UsageError('compile takes exactly one file');
  const env = typeof values['env-file'] === 'string' ? readEnvFile(values['env-file']) : process.env;
  const { parsed, diagnostics } = lintParsed(input.text);
  const compiled = parsed.fatal ? undefined : compileConfig(parsed, env);
  const result = finishResult(input.filePath, parsed, [...diagnostics, ...(compiled?.diagnostics ?? [])]);
  const report = stylish([result], { cwd: process.cwd(), color: process.stderr.isTTY === true && !process.env.NO_COLOR });
  if (report) process.stderr.write(report);
  if (!compiled || result.errorCount > 0) return 1;
  const json = `${JSON.stringify(compiled.config, null, 2)}\n`;
  if (typeof values.out === 'string') {
    try {
      await writeFile(values.out, json);
    } catch (error) {
      // A missing folder or a read-only path is the caller's to fix: a usage error (exit 2), one line.
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot write --out ${values.out}: ${code === 'ENOENT' ? 'no such folder' : (code ?? 'error')}`, { cause: error });
    }
  } else {
    process.stdout.write(json);
  }
  return 0;
}
