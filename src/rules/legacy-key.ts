import type { JsonPath } from '../base/diagnostics.js';
import type { Rule } from './rule.js';
import { obj } from '../config/accessors.js';

/** Keys older Orchestrators took, with what replaced them. */
const LEGACY: { path: JsonPath; modern: string }[] = [
  { path: ['appgateways'], modern: '`apps` of `type: proxy`' },
  { path: ['idps'], modern: '`connectors`' },
  { path: ['authproviders'], modern: '`oidcProvider` / `samlProvider`' },
  // The only example (Microsoft's Azure AD B2C tutorial) names a connector: the app-wide sign-in.
  { path: ['authProvider'], modern: '`authentication.idps` on each app (or policy), naming the connector' },
  { path: ['orchestratorGroups'], modern: '`clusters` (with `features: { experimental.clusters: "true" }`)' },
  { path: ['listenAddress'], modern: '`http.address` (with `http.tls`)' },
  { path: ['session', 'cookieDomain'], modern: '`session.cookie.domain`' },
  { path: ['session', 'maxLifetimeSeconds'], modern: '`session.lifetime.maxTimeout` (a duration such as 24h)' },
  { path: ['session', 'idleTimeoutSeconds'], modern: '`session.lifetime.idleTimeout` (a duration such as 15m)' },
];

const rule: Rule = {
  id: 'legacy-key',
  severity: 'warning',
  description: 'A key from an older Orchestrator configuration format, with its modern form.',
  messages: {
    legacy: '`{key}` is the legacy form; current Orchestrators use {modern}',
  },
  check({ config, report }) {
    for (const { path, modern } of LEGACY) {
      const parent = path.slice(0, -1).reduce<unknown>((node, seg) => obj(node)[seg as string], config);
      if (obj(parent)[path[path.length - 1] as string] === undefined) continue;
      report({ path, target: 'key', messageId: 'legacy', data: { key: path.join('.'), modern } });
    }
  },
};
export default rule;
