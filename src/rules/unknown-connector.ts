import type { JsonPath } from '../diagnostics.js';
import type { Rule } from './rule.js';
import { declaredNames, entries, isLiteralName, knownList, list, obj, suggestion } from './util.js';

const rule: Rule = {
  id: 'unknown-connector',
  severity: 'error',
  description: '`apps[].authentication.idps[]` (or a policy\'s `authentication.idps[]`) names no connector.',
  messages: {
    unknown: 'no connector named `{name}`{hint}',
  },
  check({ config, report }) {
    // Legacy files declare identity providers under a top-level `idps`.
    const connectors = declaredNames(config, 'connectors', 'idps');
    const check = (idps: unknown, path: JsonPath): void => {
      list(idps).forEach((name, i) => {
        if (!isLiteralName(name) || connectors.has(name)) return;
        const hint = suggestion(name, connectors, connectors.size ? knownList('connectors', connectors) : '; declare it under `connectors`');
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
