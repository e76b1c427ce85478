import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export interface Input {
  filePath: string;
  text: string;
  /** Read from a file on disk (not standard input): the files it names can be looked for. */
  onDisk: boolean;
}

/** Reads the named files (and `-` as standard input); an unreadable file is a usage error (exit 2). */
/** The directory the files an input names are relative to, when it is a file on disk. */
export function inputDir(input: Input): string | undefined {
  return input.onDisk ? dirname(input.filePath) : undefined;
}

export async function readInputs(paths: readonly string[], stdinFilename?: string): Promise<Input[]> {
  if (!paths.length) throw new UsageError('no file given; name one or more files, or - for standard input');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return Promise.all(
    paths.map(async (path) => {
      if (path === '-') return { filePath: stdinFilename ? resolve(stdinFilename) : '<stdin>', text: await readStdin(), onDisk: false };
      const filePath = resolve(path);
      try {
        // Synchronous on purpose: fs/promises pulls in the streams machinery (~2 ms of start-up),
        // and config files are small.
        return { filePath, text: readFileSync(filePath, 'utf8'), onDisk: true };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
        throw new UsageError(`cannot read ${path}: ${why}`, { cause: error });
      }
    }),
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
