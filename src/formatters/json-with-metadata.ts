/**
 * ESLint's `json-with-metadata` shape, `{ results, metadata: { cwd, rulesMeta } }`, which ESLint's
 * HTML and other report formatters read: `rulesMeta` holds, for every rule that reported in the
 * results (suppressed findings included, as ESLint does), its `meta` as ESLint rules declare it.
 */
import type { FileResult } from '../base/diagnostics.js';
import { catalogue, type RuleMeta } from '../rules/catalogue.js';
import type { Formatter } from './formatter.js';
import { eslintResults } from './json.js';
import { ruleDocUrl } from './rule-help.js';

export const jsonWithMetadata: Formatter = (results, options) =>
  `${JSON.stringify({ results: eslintResults(results), metadata: { cwd: options.cwd, rulesMeta: rulesMeta(results) } })}\n`;

function rulesMeta(results: readonly FileResult[]) {
  const byId = new Map(catalogue().map((r) => [r.id, r]));
  const reported = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)))].sort();
  return Object.fromEntries(reported.flatMap((id) => {
    const rule = byId.get(id);
    return rule ? [[id, meta(rule)]] : [];
  }));
}

function meta(rule: RuleMeta) {
  return {
    // ESLint's three types: a `problem` will (or may) break something, a `suggestion` is advice.
    type: rule.severity === 'error' || rule.security ? 'problem' : 'suggestion',
    docs: { description: rule.description, url: ruleDocUrl(rule.id) },
    // ESLint's `messages` maps messageIds to message templates; our rules write each message in
    // full (it names the actual key and value), so there are no templates to list.
    messages: {},
  };
}
