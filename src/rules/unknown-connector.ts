import type { JsonPath } from '../diagnostics.js';
import { didYouMean } from '../schema/did-you-mean.js';
import type { Rule } from './rule.js';
import { entries, isLiteralName, list, obj, scalarText } from './util.js';

const rule: Rule = {
  id: 'unknown-connector',
  severity: 'error',
  description: '`apps[].authentication.idps[]` (or a policy\'s `authentication.idps[]`) names no connector.',
  messages: {
    unknown: 'no connector named `{name}`{hint}',
  },
  check({ config, report }) {
    const connectors = new Set<string>();
    // Legacy files declare identity providers under a top-level `idps`.
    for (const key of ['connectors', 'idps']) {
      for (const c of entries(config, [], key)) {
        const name = scalarText(obj(c.value).name);
        if (name !== undefined) connectors.add(name);
      }
    }
    const check = (idps: unknown, path: JsonPath): void => {
      list(idps).forEach((name, i) => {
        if (!isLiteralName(name) || connectors.has(name)) return;
        const close = didYouMean(name, connectors);
        const hint = close ? `; did you mean \`${close}\`?` : connectors.size ? ` (connectors: ${[...connectors].map((n) => `\`${n}\``).join(', ')})` : '; declare it under `connectors`';
        report({ path: [...path, i], messageId: 'unknown', data: { name, hint } });
      });
    };
    for (const app of entries(config, [], 'apps')) {
      const a = obj(app.value);
      check(obj(a.authentication).idps, [...app.path, 'authentication', 'idps']);
      for (const policy of entries(a, app.path, 'policies')) {
        check(obj(obj(policy.value).authentication).idps, [...policy.path, 'authentication', 'idps']);
      }
    }
  },
};
export default rule;
