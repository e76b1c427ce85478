import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { JsonPath } from '../base/diagnostics.js';
import type { Rule } from './rule.js';
import { entries, isLiteralName, isObj, obj } from '../config/accessors.js';

/**
 * The `file` of every service extension: any `{ funcName, file }` object (hooks such as
 * `isAuthenticatedSE`, `createHeaderSE`, `serveSE`) and the top-level `serviceExtensions[].file`.
 */
export function extensionFiles(config: Readonly<Record<string, unknown>>): { file: string; path: JsonPath }[] {
  const out: { file: string; path: JsonPath }[] = [];
  const walk = (node: unknown, path: JsonPath): void => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    if (!isObj(node)) return;
    if (typeof node.funcName === 'string' && isLiteralName(node.file)) out.push({ file: node.file, path: [...path, 'file'] });
    for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
  };
  walk(config, []);
  for (const se of entries(config, [], 'serviceExtensions')) {
    const file = obj(se.value).file;
    if (isLiteralName(file) && typeof obj(se.value).funcName !== 'string') out.push({ file, path: [...se.path, 'file'] });
  }
  return out;
}

const rule: Rule = {
  id: 'missing-extension-file',
  severity: 'warning',
  description: 'A service extension\'s relative `file` does not exist next to the config file (checked only for a file on disk).',
  messages: {
    missing: 'the service extension file `{file}` does not exist (looked for `{looked}`, relative to the config file\'s directory); the Orchestrator cannot load the extension',
  },
  check({ config, configDir, report }) {
    // Standard input and text have no directory to look in; absolute paths name the deployment
    // host's file system (`/etc/maverics/…`), which a linter on another machine cannot see.
    if (configDir === undefined) return;
    for (const { file, path } of extensionFiles(config)) {
      if (isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) continue;
      const looked = resolve(configDir, file);
      if (!existsSync(looked)) report({ path, messageId: 'missing', data: { file, looked } });
    }
  },
};
export default rule;
