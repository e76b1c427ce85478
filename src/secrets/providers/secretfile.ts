/**
 * `secretfile:///abs/path.yaml`: the development provider. The file is YAML, read once (on the
 * first lookup) and parsed with the failsafe schema, so every value is the text written in the file
 * (`0123` stays `0123`, `true` stays `true`), as a Go `map[string]string` would see it.
 *
 * Only a regular file of at most MAX_SECRET_FILE_BYTES is read: a FIFO, a device or `/dev/stdin`
 * would never finish reading (and hold the process open), so it is refused before any read.
 *
 * Lookup order for a name, first match wins:
 *   1. the whole name as a key of the top-level `secrets:` map (`<oktaAPIToken>`, `<a.b>` stored flat);
 *   2. the dotted path from the file's root (`<maverics.azure_client_secret>` → `maverics:` → key);
 *   3. the dotted path under `secrets:` (`<secrets.serviceAccountUsername>` is found by 2; `<ns.key>`
 *      with `secrets: { ns: { key: … } }` by 3).
 * A name that leads to a mapping or a list, not a value, is not a secret: it resolves to nothing.
 */
import { parseFailsafeYaml } from '../../parse/failsafe-yaml.js';
import { readSourceFile } from '../../parse/read-source.js';
import { Memo } from '../memo.js';
import { SecretProviderError, type BuiltInProvider, type SecretProvider } from '../provider.js';
import { SecretValue } from '../../base/secret-value.js';
import { badUrl, decode, QueryParams } from '../url-grammar.js';
import { isPlainObject } from './shared.js';

/** A secret file holds a few dozen values; anything larger is not one. */
export const MAX_SECRET_FILE_BYTES = 4 * 1024 * 1024;

export interface SecretFileConfig {
  kind: 'secretfile';
  /** Absolute path of the YAML file, percent-decoded. */
  path: string;
}

export const secretFile: BuiltInProvider<SecretFileConfig> = {
  schemes: ['secretfile'],
  parse(url, description) {
    new QueryParams(url, description, []);
    if (url.host) {
      throw badUrl(
        description,
        `a secret file URL takes an absolute path after three slashes, e.g. secretfile:///etc/maverics/secrets.yaml (got host ${url.host})`,
      );
    }
    const path = decode(url.pathname, description);
    if (!path.startsWith('/') || path === '/') {
      throw badUrl(description, 'the absolute path of the secret file is missing, e.g. secretfile:///etc/maverics/secrets.yaml');
    }
    return { kind: 'secretfile', path };
  },
  create: (config, { description }) => new SecretFileProvider(config, description),
};

export class SecretFileProvider implements SecretProvider {
  readonly description: string;
  readonly #path: string;
  /** One key: the document, read once (a failed read is not kept when worth another try). */
  readonly #document = new Memo<'document', Record<string, unknown>>();

  constructor(config: SecretFileConfig, description = `secretfile://${config.path}`) {
    this.#path = config.path;
    this.description = description;
  }

  async get(key: string): Promise<SecretValue | undefined> {
    const root = await this.#document.get('document', () => this.#read());
    const value = lookup(root, key);
    return value === undefined ? undefined : new SecretValue(value, key);
  }

  async #read(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      // The same bounded reader as config files: a regular file only, opened without blocking.
      text = readSourceFile(this.#path, `the secret file ${this.#path}`, MAX_SECRET_FILE_BYTES, 'more than a secret file holds').toString('utf8');
    } catch (error) {
      throw new SecretProviderError('bad-url', `${this.description}: ${(error as Error).message}`);
    }
    const parsed = parseFailsafeYaml(text);
    if (!parsed.ok) {
      const where = parsed.line !== undefined ? ` at line ${parsed.line}, column ${parsed.column ?? 1}` : '';
      throw new SecretProviderError('bad-response', `the secret file ${this.#path} is not valid YAML${where}`);
    }
    const doc = parsed.value;
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
