import { attributeTemplateReferences, declaredTargets, slotReferences } from '../config/reference-slots.js';
import { referenceFix } from '../config/reference-fix.js';
import type { Rule } from './rule.js';
import { knownList, suggestion } from '../config/accessors.js';

const rule: Rule = {
  id: 'unknown-connector',
  severity: 'error',
  description: 'A name that refers to a connector (an app\'s or policy\'s `authentication.idps`, a `{{ connector.attribute }}` template, legacy `authProvider` / `idps` / `appgateways[].idps`, …) names no connector.',
  messages: {
    unknown: 'no connector named `{name}`{hint}',
    template: '`{template}` takes an attribute from a connector named `{name}`, and there is none{hint}',
  },
  check({ config, parsed, report }) {
    const connectors = declaredTargets(config, 'connector');
    const otherwise = connectors.size ? knownList('connectors', connectors) : '; declare it under `connectors`';
    for (const ref of [...slotReferences(config, 'connector'), ...attributeTemplateReferences(parsed.strings)]) {
      if (connectors.has(ref.name)) continue;
      const hint = suggestion(ref.name, connectors, otherwise);
      if (ref.template === undefined) report({ path: ref.path, messageId: 'unknown', data: { name: ref.name, hint }, fix: referenceFix(parsed, ref, connectors) });
      else report({ path: ref.path, messageId: 'template', data: { template: ref.template, name: ref.name, hint } });
    }
  },
};
export default rule;
