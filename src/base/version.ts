import { readFileSync } from 'node:fs';

let version: string | undefined;

/**
 * The package's version, read once. This module sits two folders below the package root, as do
 * the bundled CLI chunks in dist/bin, so the relative path holds in source, dist and the bundle.
 */
export function readPackageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
