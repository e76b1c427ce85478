import { dirname, resolve } from 'node:path';
import { MavericsConfigError, UsageError } from '../base/errors.js';
import { parseByteSize, readSourceFile, readSourceStream } from '../parse/read-source.js';

export interface Input {
  filePath: string;
  text: string;
  /** Read from a file on disk (not standard input): the files it names can be looked for. */
  onDisk: boolean;
}

/** The directory the files an input names are relative to, when it is a file on disk. */
export function inputDir(input: Input): string | undefined {
  return input.onDisk ? dirname(input.filePath) : undefined;
}

/**
 * Reads the named files (and `-` as standard input), each within `maxBytes`; an unreadable file, or
 * one that is not a regular file (a FIFO, /dev/zero), is a usage error (exit 2).
 */
export async function readInputs(paths: readonly string[], stdinFilename?: string, maxBytes?: number): Promise<Input[]> {
  if (!paths.length) throw new UsageError('no file given; name one or more files, or - for standard input');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return Promise.all(
    paths.map(async (path) => {
      try {
        if (path === '-') {
          const text = (await readSourceStream(process.stdin, 'standard input', maxBytes)).toString('utf8');
          return { filePath: stdinFilename ? resolve(stdinFilename) : '<stdin>', text, onDisk: false };
        }
        // Synchronous on purpose: fs/promises pulls in the streams machinery (~2 ms of start-up),
        // and config files are small.
        return { filePath: resolve(path), text: readSourceFile(resolve(path), path, maxBytes).toString('utf8'), onDisk: true };
      } catch (error) {
        if (error instanceof MavericsConfigError) throw new UsageError(error.message, { cause: error.cause });
        throw error;
      }
    }),
  );
}

/** `--max-file-size <size>`: bytes, or with K, M or G; absent means the default (16 MiB). */
export function maxFileBytes(values: Readonly<Record<string, unknown>>): number | undefined {
  const given = values['max-file-size'];
  if (given === undefined) return undefined;
  const bytes = typeof given === 'string' ? parseByteSize(given) : undefined;
  if (bytes === undefined) throw new UsageError(`--max-file-size takes a size such as 64M, 512K or 1048576 (bytes), got "${String(given)}"`);
  return bytes;
}
