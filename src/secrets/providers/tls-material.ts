/** PEM material named in a provider URL or its environment: CA bundles, client certificates and keys. */
import { readFile } from 'node:fs/promises';
import { SecretProviderError } from '../provider.js';
import { errorCode } from './shared.js';

/**
 * Extra CA certificates from the provider's environment: `NODE_EXTRA_CA_CERTS` (Node reads it only
 * from its own environment at start-up, so a `check` given another environment, `--env-file` or
 * the library's `env`, would otherwise ignore it), plus the named variables' files.
 */
export async function extraCas(
  env: Readonly<Record<string, string | undefined>>,
  files: readonly (string | undefined)[],
  description: string,
): Promise<Buffer[]> {
  const names = [...files, env['NODE_EXTRA_CA_CERTS']].filter((f): f is string => typeof f === 'string' && f !== '');
  return Promise.all([...new Set(names)].map((file) => readPem(file, 'CA file', description)));
}

/** Reads PEM material named in a provider URL or environment; a failure says which file and why. */
export async function readPem(file: string, what: string, description: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new SecretProviderError('bad-url', `${description}: cannot read the ${what} ${file} (${errorCode(error) ?? 'error'})`);
  }
}
