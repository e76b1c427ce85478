import { chmod, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MavericsConfigError, UsageError } from '../base/errors.js';
import { readSourceFile } from '../parse/read-source.js';
import { rotateKey, RotateKeyError } from '../edit/rotate-key.js';
import { parseCliArgs } from './parse-cli-args.js';

const spec = {
  cache: { type: 'string' },
  new: { type: 'string' },
  'drop-old': { type: 'string' },
  stdout: { type: 'boolean' },
} as const;

/**
 * `rotate-key <file> --cache <name> --new <reference> [--drop-old <n>] [--stdout]`: rewrites the file
 * in place (atomically), or prints the result. Every refusal is a usage error: exit 2, one line.
 */
export async function rotateKeyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(parseArgs, args, spec);
  if (positionals.length !== 1) throw new UsageError('rotate-key takes one file: maverics-config rotate-key <file> --cache <name> --new <reference>');
  const file = positionals[0] as string;
  const cache = values.cache;
  const newKey = values.new;
  if (typeof cache !== 'string' || !cache) throw new UsageError('rotate-key needs --cache <name>: the cache whose encryption key to rotate');
  if (typeof newKey !== 'string' || !newKey) throw new UsageError('rotate-key needs --new <reference>: the new key as a secret reference, e.g. <vault.redis_encryption_key_v2>');
  let dropOld = 0;
  if (values['drop-old'] !== undefined) {
    dropOld = Number(values['drop-old']);
    if (!/^\d+$/.test(String(values['drop-old']))) throw new UsageError(`--drop-old takes a whole number ≥ 0, got "${String(values['drop-old'])}"`);
  }
  let text: string;
  try {
    text = readSourceFile(file, file).toString('utf8');
  } catch (error) {
    if (error instanceof MavericsConfigError) throw new UsageError(error.message, { cause: error.cause });
    throw error;
  }
  let rotated: string;
  try {
    rotated = rotateKey(text, { cache, newKey, dropOld });
  } catch (error) {
    if (error instanceof RotateKeyError) throw new UsageError(`rotate-key refused: ${error.message}`, { cause: error });
    throw error;
  }
  if (values.stdout) {
    process.stdout.write(rotated);
    return 0;
  }
  await writeAtomically(file, rotated);
  process.stderr.write(`maverics-config: rotated the encryption key of cache "${cache}" in ${file}\n`);
  return 0;
}

/**
 * Temp file beside the target, same mode, then rename: a crash leaves the old file or the new one,
 * never half of one. A symbolic link is followed first (config managers link maverics.yaml into
 * place): renaming onto the link would replace the link with a file and leave its target unchanged.
 */
async function writeAtomically(link: string, text: string): Promise<void> {
  let file: string;
  try {
    file = await realpath(link);
  } catch (error) {
    throw new UsageError(`cannot write ${link}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
  const temp = join(dirname(file), `.${basename(file)}.rotate-key-${process.pid}.tmp`);
  try {
    const { mode } = await stat(file);
    await writeFile(temp, text, { mode });
    await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
}
