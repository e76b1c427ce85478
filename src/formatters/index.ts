import type { Formatter } from './formatter.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

/** Name → formatter; `--format` picks from here. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json };

export type { Formatter, FormatOptions } from './formatter.js';
