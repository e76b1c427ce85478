/**
 * `secretfile:///abs/path.yaml`: the development provider. The file is YAML, read once (on the
 * first lookup) and parsed with the failsafe schema, so every value is the text written in the file
 * (`0123` stays `0123`, `true` stays `true`), as a Go `map[string]string` would see it.
 *
 * Lookup order for a name, first match wins:
 *   1. the whole name as a key of the top-level `secrets:` map (`<oktaAPIToken>`, `<a.b>` stored flat);
 *   2. the dotted path from the file's root (`<maverics.azure_client_secret>` → `maverics:` → key);
 *   3. the dotted path under `secrets:` (`<secrets.serviceAccountUsername>` is found by 2; `<ns.key>`
 *      with `secrets: { ns: { key: … } }` by 3).
 * A name that leads to a mapping or a list, not a value, is not a secret: it resolves to nothing.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { SecretProviderError, type SecretProvider } from '../provider.js';
import { parseProviderUrl, describeProviderUrl, type SecretFileConfig } from '../provider-url.js';
import { SecretValue } from '../secret-value.js';
import { errorCode, isPlainObject, raceAbort } from './shared.js';

export function createSecretFileProvider(url: URL): SecretProvider {
  const config = parseProviderUrl(url) as SecretFileConfig;
  return new SecretFileProvider(config, describeProviderUrl(url));
}

export class SecretFileProvider implements SecretProvider {
  readonly description: string;
  readonly #path: string;
  #document: Promise<Record<string, unknown>> | undefined;

  constructor(config: SecretFileConfig, description = `secretfile://${config.path}`) {
    this.#path = config.path;
    this.description = description;
  }

  async get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    const root = await raceAbort(this.#load(), signal, this.description);
    const value = lookup(root, key);
    return value === undefined ? undefined : new SecretValue(value, key);
  }

  #load(): Promise<Record<string, unknown>> {
    this.#document ??= this.#read();
    // A failed read is not cached, so a file fixed in the meantime is read again.
    this.#document.catch(() => (this.#document = undefined));
    return this.#document;
  }

  async #read(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      const code = errorCode(error) ?? 'unknown error';
      throw new SecretProviderError('bad-url', `cannot read the secret file ${this.#path} (${code})`);
    }
    let doc: unknown;
    try {
      doc = parse(text.replace(/^\uFEFF/, ''), { schema: 'failsafe' });
    } catch (error) {
      // The YAML error's message quotes the offending source line, which may be a secret: only the
      // position travels.
      const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      throw new SecretProviderError('bad-response', `the secret file ${this.#path} is not valid YAML${where}`);
    }
    if (doc === null || doc === undefined || doc === '') return {};
    if (!isPlainObject(doc)) {
      throw new SecretProviderError('bad-response', `the secret file ${this.#path} is not a YAML mapping (expected a top-level secrets: map)`);
    }
    return doc;
  }
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function walk(node: unknown, segments: readonly string[]): unknown {
  let current = node;
  for (const segment of segments) {
    if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** The lookup order documented above; exported for tests and for other file-like providers. */
export function lookup(root: Record<string, unknown>, name: string): string | undefined {
  const secrets = root['secrets'];
  if (isPlainObject(secrets) && Object.hasOwn(secrets, name)) {
    const flat = scalar(secrets[name]);
    if (flat !== undefined) return flat;
  }
  const segments = name.split('.');
  const fromRoot = scalar(walk(root, segments));
  if (fromRoot !== undefined) return fromRoot;
  if (isPlainObject(secrets)) return scalar(walk(secrets, segments));
  return undefined;
}
