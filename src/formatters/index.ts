import type { Formatter } from './formatter.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { jsonWithMetadata } from './json-with-metadata.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Name → formatter; `--format` picks from here. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, 'json-with-metadata': jsonWithMetadata, sarif, github, junit, gitlab };

export type { Formatter, FormatOptions } from './formatter.js';
