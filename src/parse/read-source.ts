import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MavericsConfigError } from '../base/errors.js';

/** The largest config file read unless the caller raises it: a real maverics.yaml is kilobytes. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a config file (or a secret file) whole, refusing what could block or exhaust memory: only a regular
 * file is read (a FIFO, `/dev/zero`, a socket or a terminal is refused before any read), and no
 * more than `maxBytes`. O_NONBLOCK keeps the open itself from waiting for a FIFO's writer. Errors
 * say why in words (the errno error is their cause); `what` names the file in them.
 */
export function readSourceFile(path: string, what: string, maxBytes = DEFAULT_MAX_FILE_BYTES, raiseHint = RAISE_CONFIG_LIMIT): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw readError(what, errnoWords(error), error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw readError(what, 'it is a directory');
    if (!stats.isFile()) throw readError(what, 'not a regular file (a device, FIFO or socket); give a file, or - for standard input');
    if (stats.size > maxBytes) throw tooLarge(what, maxBytes, raiseHint);
    // One byte more than the limit: a file that grows while it is read is caught too.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        throw readError(what, errnoWords(error), error);
      }
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw tooLarge(what, maxBytes, raiseHint);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Standard input, whole, within the same size limit. */
export async function readSourceStream(stream: AsyncIterable<unknown>, what: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    length += buffer.length;
    if (length > maxBytes) throw tooLarge(what, maxBytes, RAISE_CONFIG_LIMIT);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a size as given to `--max-file-size`: bytes, or a number with K, M or G (binary units). */
export function parseByteSize(text: string): number | undefined {
  const m = /^(\d+)\s*([KMG]i?B?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').charAt(0).toUpperCase();
  const bytes = Number(m[1]) * (unit === 'K' ? 1024 : unit === 'M' ? 1024 ** 2 : unit === 'G' ? 1024 ** 3 : 1);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

const RAISE_CONFIG_LIMIT = 'more than a configuration holds; raise the limit with --max-file-size (maxFileBytes in loadConfig) if it really is one';

function tooLarge(what: string, maxBytes: number, raiseHint: string): MavericsConfigError {
  return readError(what, `larger than ${formatBytes(maxBytes)}, ${raiseHint}`);
}

function formatBytes(bytes: number): string {
  return bytes % 1024 ** 2 === 0 ? `${bytes / 1024 ** 2} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

function errnoWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
}

function readError(what: string, why: string, cause?: unknown): MavericsConfigError {
  return new MavericsConfigError('ESOURCE_READ', `cannot read ${what}: ${why}`, cause === undefined ? undefined : { cause });
}
