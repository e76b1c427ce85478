import type { parseArgs as ParseArgs } from 'node:util';
import { UsageError } from '../base/errors.js';

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** node:util parseArgs, with its errors turned into one clear usage line (exit 2). */
export function parseCliArgs(parseArgs: typeof ParseArgs, args: string[], options: Spec) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    const flag = /'(-[^']*)'/.exec(message)?.[1];
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
      throw new UsageError(`unknown option ${flag}; run maverics-config --help for the options`);
    }
    throw new UsageError(message.replace(/\. To specify.*$/, ''));
  }
}
