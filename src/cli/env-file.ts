import { readFileSync } from 'node:fs';
import { UsageError } from '../base/errors.js';

/**
 * Reads a dotenv-style file for `{{ env.NAME }}`: `NAME=value` lines, `export ` allowed, `#`
 * comments, values optionally in single or double quotes (double quotes understand \n and \").
 * Errors name the line, never its value.
 */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read --env-file ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`, { cause: error });
  }
  return parseEnvFile(text, path);
}

export function parseEnvFile(text: string, name = 'env file'): Record<string, string> {
  // No prototype: `{{ env.toString }}` or a `__proto__=` line must stay an ordinary (unset or set) name.
  const env = Object.create(null) as Record<string, string>;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new UsageError(`${name}:${i + 1}: expected NAME=value`);
    const key = m[1] as string;
    let value = m[2] as string;
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    } else if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    env[key] = value;
  });
  return env;
}
