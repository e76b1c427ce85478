import type { Severity } from '../base/diagnostics.js';
import { rules } from './index.js';

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  /** Which command reports it: every `lint`, only `check` / `check --connect`, or `loadConfig()`. */
  stage: RuleStage;
  /** Set on rules about secret safety or transport security: code scanning files them as security alerts. */
  security?: SecurityMeta;
}

export interface SecurityMeta {
  /** CVSS-like, 0.1–10: GitHub shows 9+ critical, 7+ high, 4+ medium, below that low. */
  severity: number;
  /** How often a finding is a true problem: GitHub's `precision` (`very-high` … `low`). */
  precision: 'very-high' | 'high' | 'medium' | 'low';
}

export type RuleStage = 'lint' | 'check' | 'connect' | 'load';

/** The command (or call) that reports a stage's rules, as a user types it. */
export function stageCommand(stage: RuleStage): string {
  return { lint: 'maverics-config lint', check: 'maverics-config check', connect: 'maverics-config check --connect', load: 'loadConfig()' }[stage];
}

/**
 * Rules reported outside the offline rule engine: by secret resolution (`check`) and by the
 * connection probe (`check --connect`), and by the suppression filter. Their ids are as stable as
 * the offline rules' and each has a documentation page.
 */
export const stageRules: readonly RuleMeta[] = [
  { id: 'unresolved-secret', severity: 'error', stage: 'check', description: 'The secret provider has no such secret or field.' },
  { id: 'secret-provider-error', severity: 'error', stage: 'check', description: 'The secret provider failed: unreachable, denied, timed out, or a bad provider URL.' },
  { id: 'unset-env-var', severity: 'warning', stage: 'check', description: '`{{ env.NAME }}` names an unset variable; it would become empty.' },
  { id: 'redis-unreachable', severity: 'error', stage: 'connect', description: 'A Redis address cannot be reached: connection refused, DNS failure, timeout.' },
  { id: 'redis-auth-failed', severity: 'error', stage: 'connect', description: 'Redis rejected the ACL username or password.' },
  { id: 'redis-tls-handshake', severity: 'error', stage: 'connect', description: 'TLS with Redis failed: untrusted certificate, a version below minVersion, or a plaintext server.' },
  { id: 'redis-cluster-incomplete', severity: 'warning', stage: 'connect', description: 'A Redis cluster has nodes that are not listed in `addresses`.' },
  { id: 'hashing-key-weak', severity: 'warning', stage: 'load', description: 'A Redis cache hashes key names without a hashing key, or with one that is not 64 hex characters.' },
  { id: 'unused-disable', severity: 'warning', stage: 'lint', description: 'An inline disable directive that suppresses nothing, or names an unknown rule.' },
];

/**
 * The security rules, in one place. Severities follow what an attacker gains: a literal secret in a
 * repository (high); values or traffic in the clear (medium); weakened hashing of key names or a
 * reused key (medium-low). plaintext-secret guesses from key names, hence `high` rather than `very-high`.
 */
export const securityRules: Readonly<Record<string, SecurityMeta>> = {
  'plaintext-secret': { severity: 7.5, precision: 'high' },
  'encryption-disabled': { severity: 6.5, precision: 'very-high' },
  'redis-without-tls': { severity: 6.5, precision: 'very-high' },
  'insecure-tls-version': { severity: 5.9, precision: 'very-high' },
  'tls-min-version': { severity: 5.3, precision: 'very-high' },
  'encryption-key-reuse': { severity: 5.3, precision: 'very-high' },
  'hashing-disabled': { severity: 4.3, precision: 'very-high' },
  'hashing-key-weak': { severity: 4.3, precision: 'very-high' },
  'hashing-key-format': { severity: 4.3, precision: 'very-high' },
};

export function catalogue(): RuleMeta[] {
  return [
    ...rules.map((r): RuleMeta => ({ id: r.id, severity: r.severity, description: r.description, stage: 'lint' })),
    ...stageRules,
  ]
    .map((r) => {
      const security = securityRules[r.id];
      return security ? { ...r, security } : r;
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
