/** `check --connect`: every Redis cache probed as the runtime would connect, failures as diagnostics. */
import { redisCacheSpecs } from '../cache/specs.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { diagnosticAt, type CheckedConfig } from './result.js';

export async function probeCaches(checked: CheckedConfig, options: { timeoutMs?: number }): Promise<Diagnostic[]> {
  if (!checked.config) return [];
  const { probeRedis } = await import('../cache/probe.js');
  // A cache with an error of its own (an unresolved password, a bad address) would only fail to
  // connect for that known reason: probe the others.
  const broken = (path: readonly (string | number)[]) =>
    checked.diagnostics.some((d) => d.severity === 'error' && path.every((seg, i) => d.path[i] === seg));
  const specs = redisCacheSpecs(checked.config, checked.secrets, checked.env).filter((s) => !broken(s.path));
  const results = await Promise.all(specs.map(async ({ spec, path }) => ({ path, problems: await probeRedis(spec, options) })));
  const out: Diagnostic[] = [];
  for (const { path, problems } of results) {
    for (const problem of problems) {
      const where = problem.addressIndex === undefined ? [...path, 'redis', 'addresses'] : [...path, 'redis', 'addresses', problem.addressIndex];
      out.push(diagnosticAt(checked.parsed, where, problem.ruleId, problem.ruleId === 'redis-cluster-incomplete' ? 'warning' : 'error', problem.message));
    }
  }
  return out;
}
