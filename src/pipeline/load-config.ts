import { resolve } from 'node:path';
import type { CacheRegistry, CacheRegistryOptions } from '../cache/registry.js';
import { checkConfig, ranRules, type CheckOptions } from './check.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { MavericsConfigError } from '../base/errors.js';
import { diagnosticAt, finishResult } from './result.js';
import { readSourceFile } from '../parse/read-source.js';

export interface LoadConfigOptions extends Omit<CheckOptions, 'connect' | 'filePath'> {
  /** The config file to read; or give `text` (and optionally `filePath` to name it). */
  file?: string;
  text?: string;
  filePath?: string;
  /** The largest `file` read, in bytes (default 16 MiB); only a regular file is read, never a FIFO or device. */
  maxFileBytes?: number;
  /** Topology, deadlines and queue bounds of the Redis clients; LRU bounds of `local_default`. */
  redis?: CacheRegistryOptions['redis'];
  local?: CacheRegistryOptions['local'];
}

export interface LoadedConfig {
  /** The compiled config: env templates substituted, secret references kept (safe to log). */
  config: Record<string, unknown>;
  /** Every cache by name, `local_default` included, ready to use. Close it on shutdown. */
  registry: CacheRegistry;
  /** Warnings (errors reject): lint warnings, unset env vars, what the caches want you to know. */
  diagnostics: Diagnostic[];
}

/** The configuration is wrong: `diagnostics` lists every error, each with its position. */
export class ConfigError extends MavericsConfigError {
  readonly diagnostics: Diagnostic[];
  readonly filePath: string;

  constructor(filePath: string, diagnostics: Diagnostic[]) {
    const lines = diagnostics.map((d) => `  ${filePath}:${d.line}:${d.column}  ${d.message}  ${d.ruleId}`);
    super('ECONFIG', `${filePath} has ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.filePath = filePath;
    this.diagnostics = diagnostics;
  }
}

/**
 * Parse, validate, resolve secrets, compile, and open every cache. All or nothing: on any error
 * it rejects (ConfigError for the config, the registry's error for a cache that cannot open) and
 * leaves no connection, timer or socket behind.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const { text, filePath } = await readSource(options);
  const checked = await checkConfig(text, options);
  const result = finishResult(filePath, checked.parsed, checked.diagnostics, ranRules(['check']));
  const active = result.diagnostics.filter((d) => !d.suppression);
  const errors = active.filter((d) => d.severity === 'error');
  if (errors.length || !checked.config) throw new ConfigError(filePath, errors);

  const [{ createCacheRegistry }, { redisCacheSpecs }] = await Promise.all([import('../cache/registry.js'), import('../cache/specs.js')]);
  const located = redisCacheSpecs(checked.config, checked.secrets, checked.env);
  const { registry, warnings } = await createCacheRegistry(
    located.map((l) => l.spec),
    { redis: options.redis, local: options.local },
  );
  const diagnostics = active.filter((d) => d.severity === 'warning');
  for (const warning of warnings) {
    const owner = located.find((l) => l.spec.name === warning.cache);
    diagnostics.push(diagnosticAt(checked.parsed, owner?.path ?? [], warning.ruleId, 'warning', warning.message));
  }
  return { config: checked.config, registry, diagnostics };
}

async function readSource(options: LoadConfigOptions): Promise<{ text: string; filePath: string }> {
  if (options.text !== undefined) return { text: options.text, filePath: options.filePath ?? '<text>' };
  if (options.file === undefined) throw new MavericsConfigError('EUSAGE', 'loadConfig needs `file` or `text`');
  const filePath = resolve(options.file);
  try {
    return { text: readSourceFile(filePath, filePath, options.maxFileBytes).toString('utf8'), filePath };
  } catch (error) {
    throw new MavericsConfigError('ECONFIG_READ', (error as Error).message, { cause: (error as Error).cause });
  }
}

