import { didYouMean } from '../schema/did-you-mean.js';
import type { Rule } from './rule.js';
import { entries, isLiteralName, obj, scalarText } from './util.js';

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
    const declared = new Set<string>();
    for (const c of entries(config, [], 'caches')) {
      const name = scalarText(obj(c.value).name);
      if (name !== undefined) declared.add(name);
    }
    for (const mode of CACHE_MODES) {
      const name = obj(config[mode]).cache;
      if (!isLiteralName(name) || name === 'local_default' || declared.has(name)) continue;
      const close = didYouMean(name, [...declared, 'local_default']);
      const hint = close
        ? `; did you mean \`${close}\`?`
        : `; declare it under \`caches\`, or use \`local_default\` (the built-in in-memory cache)${declared.size ? ` (declared: ${[...declared].map((n) => `\`${n}\``).join(', ')})` : ''}`;
      report({ path: [mode, 'cache'], messageId: 'unknown', data: { name, hint } });
    }
  },
};
export default rule;
