import type { Rule } from './rule.js';
import { declaredNames, isLiteralName, knownList, obj, suggestion } from './util.js';

/** Modes whose `cache` field names a cache. */
export const CACHE_MODES = ['oidcProvider', 'samlProvider', 'ldapProvider', 'mcpProvider'];

const rule: Rule = {
  id: 'unknown-cache',
  severity: 'error',
  description: 'A mode\'s `cache` names no declared cache (and is not `local_default`).',
  messages: {
    unknown: 'no cache named `{name}`{hint}',
  },
  check({ config, report }) {
    const declared = declaredNames(config, 'caches');
    for (const mode of CACHE_MODES) {
      const name = obj(config[mode]).cache;
      if (!isLiteralName(name) || name === 'local_default' || declared.has(name)) continue;
      const hint = suggestion(name, [...declared, 'local_default'], `; declare it under \`caches\`, or use \`local_default\` (the built-in in-memory cache)${knownList('declared', declared)}`);
      report({ path: [mode, 'cache'], messageId: 'unknown', data: { name, hint } });
    }
  },
};
export default rule;
