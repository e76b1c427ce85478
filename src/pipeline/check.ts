import { compileConfig } from './compile.js';
import type { Env } from '../config/secret-references.js';
import type { FileResult } from '../base/diagnostics.js';
import { lintParsed } from './lint.js';
import { diagnosticAt, finishResult, ruleIds, type CheckedConfig } from './result.js';
import { stageRules } from '../rules/catalogue.js';
import { validateResolvedValues } from './resolved-values.js';
import type { SecretProvider } from '../secrets/provider.js';
import type { ResolverOptions } from '../secrets/resolver.js';
import type { SecretValue } from '../base/secret-value.js';
import { secretUses } from '../config/secret-uses.js';

export interface CheckOptions {
  /** The name the result carries. */
  filePath?: string;
  /** The default provider (a URL, a provider, or a `{ name: url }` map); MAVERICS_SECRET_PROVIDER when absent. */
  secretProvider?: string | SecretProvider | Record<string, string | SecretProvider>;
  /** Named providers: `<name.rest>` routes to `name`. */
  namedProviders?: Record<string, string | SecretProvider>;
  /** Variables for `{{ env.NAME }}`; process.env when absent. */
  env?: Env;
  /** Where providers read their credentials (VAULT_TOKEN, AWS_*); process.env when absent. */
  providerEnv?: Env;
  /** Timeouts, retries, concurrency of secret resolution. */
  resolver?: Pick<ResolverOptions, 'timeoutMs' | 'retries' | 'concurrency' | 'retryBaseMs' | 'totalTimeoutMs'>;
  /** The directory of the file on disk (see LintOptions.configDir); absent for text and stdin. */
  configDir?: string;
  /** Also connect to every Redis cache (`check --connect`). */
  connect?: boolean | { timeoutMs?: number };
}

export async function checkConfig(text: string, options: CheckOptions = {}): Promise<CheckedConfig> {
  const { parsed, diagnostics } = lintParsed(text, options.configDir);
  const env = options.env ?? process.env;
  if (parsed.fatal) return { parsed, diagnostics, config: undefined, secrets: new Map(), env };
  const compiled = compileConfig(parsed, env);
  diagnostics.push(...compiled.diagnostics);
  let secrets = new Map<string, SecretValue>();
  const uses = secretUses(parsed.strings);
  if (uses.length) {
    // Loaded here, not at the top: lint must never load the provider clients.
    const { resolveSecrets } = await import('../secrets/resolver.js');
    const result = await resolveSecrets(uses, {
      ...options.resolver,
      secretProvider: options.secretProvider,
      namedProviders: options.namedProviders,
      env: options.providerEnv ?? process.env,
    });
    secrets = result.values;
    for (const problem of result.problems) diagnostics.push(diagnosticAt(parsed, problem.path, problem.ruleId, 'error', problem.message));
  }
  diagnostics.push(...validateResolvedValues(parsed, compiled.config, secrets, env));
  return { parsed, diagnostics, config: compiled.config, secrets, env };
}

/** `maverics-config check` as a library call: lint + resolution + resolved-value rules (+ connections). */
export async function checkText(text: string, options: CheckOptions = {}): Promise<FileResult> {
  const checked = await checkConfig(text, options);
  if (options.connect && checked.config) {
    const { probeCaches } = await import('./connect.js');
    checked.diagnostics.push(...(await probeCaches(checked, typeof options.connect === 'object' ? options.connect : {})));
  }
  return finishResult(options.filePath ?? '<text>', checked.parsed, checked.diagnostics, ranRules(options.connect ? ['check', 'connect'] : ['check']));
}

/** The ids whose absence a suppression directive may be judged by: lint's and these stages'. */
export function ranRules(stages: readonly string[]): ReadonlySet<string> {
  return new Set([...ruleIds(), ...stageRules.filter((r) => stages.includes(r.stage)).map((r) => r.id)]);
}

