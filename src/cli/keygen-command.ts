import { randomBytes } from 'node:crypto';
import { UsageError } from '../base/errors.js';

/** A fresh AES-256 / HMAC key as 64 hex characters: what `openssl rand -hex 32` prints. */
export async function keygenCommand(args: string[]): Promise<number> {
  if (args.length) throw new UsageError(`keygen takes no arguments, got "${args[0]}"`);
  process.stdout.write(`${randomBytes(32).toString('hex')}\n`);
  return 0;
}
