import type { Fix, JsonPath } from '../base/diagnostics.js';
import { nestKeyFix } from '../parse/scalar-fix.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import type { Rule } from './rule.js';
import { obj } from '../config/accessors.js';

/** `3600` seconds as a Go duration: `1h`; anything but a whole number of seconds is left alone. */
function secondsToDuration(written: string): string | undefined {
  if (!/^\d+$/.test(written)) return undefined;
  const n = Number(written);
  return n % 3600 === 0 ? `${n / 3600}h` : n % 60 === 0 ? `${n / 60}m` : `${n}s`;
}

/** Keys older Orchestrators took, with what replaced them; `fix` where the modern form is one-to-one. */
const LEGACY: { path: JsonPath; modern: string; into?: string; fix?: (parsed: ParsedConfig, path: JsonPath) => Fix | undefined }[] = [
  { path: ['appgateways'], modern: '`apps` of `type: proxy`' },
  { path: ['idps'], modern: '`connectors`' },
  { path: ['authproviders'], modern: '`oidcProvider` / `samlProvider`' },
  // The only example (Microsoft's Azure AD B2C tutorial) names a connector: the app-wide sign-in.
  { path: ['authProvider'], modern: '`authentication.idps` on each app (or policy), naming the connector' },
  { path: ['orchestratorGroups'], modern: '`clusters` (with `features: { experimental.clusters: "true" }`)' },
  { path: ['listenAddress'], modern: '`http.address` (with `http.tls`)' },
  { path: ['session', 'cookieDomain'], modern: '`session.cookie.domain`', into: 'cookie', fix: (parsed, path) => nestKeyFix(parsed, path, 'cookie', 'domain', (written) => written) },
  { path: ['session', 'maxLifetimeSeconds'], modern: '`session.lifetime.maxTimeout` (a duration such as 24h)', into: 'lifetime', fix: (parsed, path) => nestKeyFix(parsed, path, 'lifetime', 'maxTimeout', secondsToDuration) },
  { path: ['session', 'idleTimeoutSeconds'], modern: '`session.lifetime.idleTimeout` (a duration such as 15m)', into: 'lifetime', fix: (parsed, path) => nestKeyFix(parsed, path, 'lifetime', 'idleTimeout', secondsToDuration) },
];

const rule: Rule = {
  id: 'legacy-key',
  severity: 'warning',
  description: 'A key from an older Orchestrator configuration format, with its modern form.',
  messages: {
    legacy: '`{key}` is the legacy form; current Orchestrators use {modern}',
  },
  check({ config, parsed, report }) {
    // Two keys that move into one new mapping: the first moves now, the second on the next pass
    // (two `lifetime:` lines in one pass would be a duplicate key).
    const claimed = new Set<string>();
    for (const { path, modern, into, fix } of LEGACY) {
      const parent = path.slice(0, -1).reduce<unknown>((node, seg) => obj(node)[seg as string], config);
      if (obj(parent)[path[path.length - 1] as string] === undefined) continue;
      const edit = into !== undefined && !claimed.has(into) ? fix?.(parsed, path) : undefined;
      if (edit && into !== undefined) claimed.add(into);
      report({ path, target: 'key', messageId: 'legacy', data: { key: path.join('.'), modern }, fix: edit });
    }
  },
};
export default rule;
