import type { Formatter } from './formatter.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { jsonWithMetadata } from './json-with-metadata.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/**
 * Name → formatter; `--format` picks from here. No prototype, so that `--format toString` or
 * `__proto__` finds nothing rather than an Object method; look names up with `formatterNamed`.
 */
export const formatters: Readonly<Record<string, Formatter>> = Object.freeze(Object.assign(Object.create(null) as Record<string, Formatter>, { stylish, json, 'json-with-metadata': jsonWithMetadata, sarif, github, junit, gitlab }));

/** The formatter a user-given name picks, or undefined: own names only. */
export function formatterNamed(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name] : undefined;
}

export type { Formatter, FormatOptions } from './formatter.js';
