import { parseArgs } from 'node:util';
import { checkText } from '../pipeline/check.js';
import { readEnvFile } from './env-file.js';
import { UsageError } from '../base/errors.js';
import { secretProviderFlags } from '../secrets/providers-config.js';
import { parseCliArgs } from './parse-cli-args.js';
import { quietClientDebugOrRestart } from './quiet-client-debug.js';
import { inputDir, readInputs } from './read-inputs.js';
import { readReportOptions, report, reportOptionSpec } from './report-options.js';

/**
 * `check <file>`: lint, then resolve every secret reference and env template through the provider
 * (values are never printed), then the resolved-value rules; `--connect` also probes every Redis
 * cache. Exit 1 for what the config or the provider got wrong, 2 only when the tool itself failed.
 */
export async function checkCommand(args: string[]): Promise<number> {
  const restarted = quietClientDebugOrRestart();
  if (restarted !== undefined) return restarted;
  // The AWS SDK warns on stderr about Node 20 once per process; in a CLI that is noise around the report.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values, positionals } = parseCliArgs(parseArgs, args, {
    ...reportOptionSpec,
    'secret-provider': { type: 'string', multiple: true },
    'env-file': { type: 'string' },
    connect: { type: 'boolean' },
  });
  const options = readReportOptions(values);
  if (positionals.length !== 1) throw new UsageError('check takes exactly one file (or - for standard input)');
  const { secretProvider, namedProviders } = secretProviderFlags((values['secret-provider'] as string[] | undefined) ?? []);
  const env = typeof values['env-file'] === 'string' ? readEnvFile(values['env-file']) : process.env;
  const inputs = await readInputs(positionals, options.stdinFilename, options.maxFileBytes);
  const results = [];
  for (const input of inputs) {
    results.push(
      await checkText(input.text, {
        filePath: input.filePath,
        configDir: inputDir(input),
        secretProvider: secretProvider ?? process.env.MAVERICS_SECRET_PROVIDER,
        namedProviders,
        env,
        connect: values.connect === true,
      }),
    );
  }
  return report(results, options);
}
