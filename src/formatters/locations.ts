/** Where a result's file is, as CI systems want it: relative to the repository, plus a stable identity. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { FileResult } from '../base/diagnostics.js';
import type { FormatOptions } from './formatter.js';

const roots = new Map<string, string>();

/**
 * The folder paths are reported relative to: `options.root`, else the nearest folder above `cwd`
 * holding `.git` (the top level of a work tree, where a `.git` file counts too), else `cwd`.
 * Found by looking for `.git` rather than by running git: no child process, no git needed.
 */
export function reportRoot(options: FormatOptions): string {
  if (options.root) return options.root;
  let found = roots.get(options.cwd);
  if (found === undefined) {
    found = options.cwd;
    for (let dir = options.cwd; ; dir = dirname(dir)) {
      if (existsSync(join(dir, '.git'))) {
        found = dir;
        break;
      }
      if (dirname(dir) === dir) break;
    }
    roots.set(options.cwd, found);
  }
  return found;
}

/**
 * The file's path relative to `root` with `/` separators (`config/maverics.yaml`); undefined when the
 * file is outside `root`. A name that is not a path (`<stdin>`) is returned as it is.
 */
export function relativePath(root: string, filePath: string): string | undefined {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(root, filePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** The path CI shows: repository-relative when possible, else as given. */
export function displayPath(root: string, filePath: string): string {
  return relativePath(root, filePath) ?? filePath;
}

/**
 * One fingerprint per diagnostic of `result`, stable across commits: a hash of the rule id, the
 * file's repository-relative path and the JSON path of the node, never the line number, so an edit
 * above a problem does not make it a "new" one. Diagnostics that share all three (two syntax errors
 * in one file) are told apart by their order among themselves.
 */
export function fingerprints(result: FileResult, path: string): string[] {
  const seen = new Map<string, number>();
  return result.diagnostics.map((d) => {
    const identity = `${d.ruleId}\u0000${path}\u0000${JSON.stringify(d.path)}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
