/**
 * AWS Secrets Manager through `@aws-sdk/client-secrets-manager` (`awssecretsmanager://`).
 *
 * - Credentials: `accessKeyID` + `secretAccessKey` (+ `sessionToken`) from the URL; else
 *   `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` from the provider's
 *   environment; else the SDK's default credential chain (profiles, SSO, web identity, ECS, IMDS).
 * - Region: `?region=` or the older form's host; else `AWS_REGION` / `AWS_DEFAULT_REGION`; else the
 *   SDK's own resolution.
 * - Endpoint: the SDK's standard settings, `AWS_ENDPOINT_URL_SECRETS_MANAGER` then `AWS_ENDPOINT_URL`
 *   (unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`), read from the provider's environment.
 * - Names: `<name>` is the secret `name` (its whole SecretString); `<name:field>` is one field of a
 *   JSON secret. An ARN (`arn:aws:secretsmanager:<region>:<account>:secret:<name>`) has exactly six
 *   colons, so a reference starting with `arn:` is split after its seventh colon-separated part:
 *   `<arn:…:secret:db-AbCdEf:password>` is field `password` of that ARN. Any other reference is split
 *   at its first colon (secret names cannot hold `:`).
 * - Older form `awssecretsmanager://<region>/<secret-name>`: `<field>` is first a field of that JSON
 *   secret, then (when it holds no such field) a secret of its own.
 * - The SDK's own retries are off (the resolver retries); each secret id is fetched once per provider
 *   however many fields are taken from it.
 */
import {
  GetSecretValueCommand,
  SecretsManagerClient,
  type GetSecretValueCommandOutput,
  type SecretsManagerClientConfig,
} from '@aws-sdk/client-secrets-manager';
import { SecretProviderError, type ProviderOptions, type SecretProvider, type SecretProviderErrorKind } from '../provider.js';
import { describeProviderUrl, parseProviderUrl, type AwsSecretsManagerConfig } from '../provider-url.js';
import { SecretValue } from '../secret-value.js';
import { errorCode, isPlainObject, networkKind, raceAbort, safeCause, stringifySecret } from './shared.js';

const CLIENT_TIMEOUT_MS = 30_000;

export interface AwsReference {
  secretId: string;
  field?: string;
}

/** The split rule documented above. */
export function splitAwsReference(reference: string): AwsReference {
  if (reference.startsWith('arn:')) {
    const parts = reference.split(':');
    if (parts.length <= 7) return { secretId: reference };
    return { secretId: parts.slice(0, 7).join(':'), field: parts.slice(7).join(':') };
  }
  const colon = reference.indexOf(':');
  if (colon < 0) return { secretId: reference };
  return { secretId: reference.slice(0, colon), field: reference.slice(colon + 1) };
}

export function createAwsSecretsManagerProvider(url: URL, options: ProviderOptions): SecretProvider {
  const config = parseProviderUrl(url) as AwsSecretsManagerConfig;
  return new AwsSecretsManagerProvider(config, options, describeProviderUrl(url));
}

type Fetched = { text: string } | undefined;

export class AwsSecretsManagerProvider implements SecretProvider {
  readonly description: string;
  readonly #client: SecretsManagerClient;
  readonly #bundle: string | undefined;
  readonly #fetches = new Map<string, Promise<Fetched>>();

  constructor(config: AwsSecretsManagerConfig, options: ProviderOptions, description?: string) {
    this.description = description ?? `awssecretsmanager://amazonaws.com${config.region ? `?region=${config.region}` : ''}`;
    this.#bundle = config.bundleSecret;
    const env = options.env;
    const clientConfig: SecretsManagerClientConfig = {
      maxAttempts: 1,
      requestHandler: { requestTimeout: CLIENT_TIMEOUT_MS, connectionTimeout: CLIENT_TIMEOUT_MS },
    };
    const region = config.region ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
    if (region) clientConfig.region = region;
    if (config.accessKeyId && config.secretAccessKey) {
      clientConfig.credentials = {
        accessKeyId: config.accessKeyId,
        secretAccessKey: config.secretAccessKey,
        ...(config.sessionToken ? { sessionToken: config.sessionToken } : {}),
      };
    } else if (env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY']) {
      clientConfig.credentials = {
        accessKeyId: env['AWS_ACCESS_KEY_ID'],
        secretAccessKey: env['AWS_SECRET_ACCESS_KEY'],
        ...(env['AWS_SESSION_TOKEN'] ? { sessionToken: env['AWS_SESSION_TOKEN'] } : {}),
      };
    }
    if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] !== 'true') {
      const endpoint = env['AWS_ENDPOINT_URL_SECRETS_MANAGER'] || env['AWS_ENDPOINT_URL'];
      if (endpoint) clientConfig.endpoint = endpoint;
    }
    this.#client = new SecretsManagerClient(clientConfig);
  }

  get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    return raceAbort(this.#get(key, signal), signal, `${this.description}: reading ${key}`);
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }

  async #get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    const ref = splitAwsReference(key);
    if (this.#bundle && ref.field === undefined && !key.startsWith('arn:')) {
      const bundle = await this.#fetch(this.#bundle, signal);
      if (bundle) {
        const value = this.#field(bundle.text, this.#bundle, key, false);
        if (value !== undefined) return new SecretValue(value, key);
      }
    }
    const fetched = await this.#fetch(ref.secretId, signal);
    if (!fetched) return undefined;
    if (ref.field === undefined) return new SecretValue(fetched.text, key);
    const value = this.#field(fetched.text, ref.secretId, ref.field, true);
    return value === undefined ? undefined : new SecretValue(value, key);
  }

  /** One field of a JSON secret; undefined when the JSON has no such field. */
  #field(text: string, secretId: string, field: string, strict: boolean): string | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!isPlainObject(parsed)) {
      if (!strict) return undefined;
      throw new SecretProviderError(
        'bad-response',
        `${this.description}: the secret ${secretId} is not a JSON object, so it has no field ${field} (reference it as <${secretId}> for its whole value)`,
      );
    }
    return Object.hasOwn(parsed, field) ? stringifySecret(parsed[field]) : undefined;
  }

  #fetch(secretId: string, signal: AbortSignal): Promise<Fetched> {
    let pending = this.#fetches.get(secretId);
    if (!pending) {
      pending = this.#fetchOnce(secretId, signal);
      const started = pending;
      this.#fetches.set(secretId, started);
      started.catch(() => {
        if (this.#fetches.get(secretId) === started) this.#fetches.delete(secretId);
      });
    }
    return pending;
  }

  async #fetchOnce(secretId: string, signal: AbortSignal): Promise<Fetched> {
    let output: GetSecretValueCommandOutput;
    try {
      output = await this.#client.send(new GetSecretValueCommand({ SecretId: secretId }), { abortSignal: signal });
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return undefined;
      throw this.#translate(error, secretId, signal);
    }
    if (typeof output.SecretString === 'string') return { text: output.SecretString };
    if (output.SecretBinary instanceof Uint8Array) return { text: Buffer.from(output.SecretBinary).toString('utf8') };
    throw new SecretProviderError('bad-response', `${this.description}: the answer for ${secretId} holds neither SecretString nor SecretBinary`);
  }

  #translate(error: unknown, secretId: string, signal: AbortSignal): SecretProviderError {
    if (error instanceof SecretProviderError) return error;
    const what = `GetSecretValue ${secretId}`;
    const name = errorName(error);
    const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
    if (signal.aborted || name === 'AbortError') {
      return new SecretProviderError('timeout', `${this.description}: ${what}: no answer before the request deadline`, { cause: safeCause(error) });
    }
    let kind: SecretProviderErrorKind | undefined;
    if (name === 'ThrottlingException' || name === 'TooManyRequestsException' || name === 'RequestLimitExceeded' || status === 429) {
      kind = 'throttled';
    } else if (
      name === 'AccessDeniedException' ||
      name === 'UnrecognizedClientException' ||
      name === 'InvalidSignatureException' ||
      name === 'ExpiredTokenException' ||
      name === 'DecryptionFailure' ||
      name === 'CredentialsProviderError' ||
      status === 401 ||
      status === 403
    ) {
      kind = 'denied';
    } else if (name === 'InternalServiceError' || (status !== undefined && status >= 500)) {
      kind = 'server';
    } else if (name === 'TimeoutError') {
      kind = 'timeout';
    }
    if (kind) {
      const label = name && name !== 'Error' ? name : status ? `HTTP ${status}` : 'error';
      const extra = name === 'CredentialsProviderError' ? ': no AWS credentials found (URL accessKeyID/secretAccessKey, environment, or the SDK chain)' : '';
      return new SecretProviderError(kind, `${this.description}: ${what} failed: ${label}${extra}`, { cause: safeCause(error) });
    }
    const code = errorCode(error);
    const network = networkKind(code);
    if (network) {
      return new SecretProviderError(network, `${this.description}: ${what} failed: ${network === 'timeout' ? 'timed out' : 'cannot connect'} (${code})`, {
        cause: safeCause(error),
      });
    }
    if (error instanceof Error && /region is missing/i.test(error.message)) {
      return new SecretProviderError('bad-url', `${this.description}: no AWS region: add ?region=… to the URL or set AWS_REGION`, { cause: safeCause(error) });
    }
    // Deserialisation failures and unknown exceptions: their messages may quote the response body,
    // so only their name is kept.
    if (name && name !== 'Error' && name !== 'SyntaxError' && name !== 'TypeError') {
      return new SecretProviderError('bad-response', `${this.description}: ${what} failed: ${name}`, { cause: safeCause(error) });
    }
    const label = `${status ? `HTTP ${status}, ` : ''}${name ?? 'error'}`;
    return new SecretProviderError('bad-response', `${this.description}: ${what} failed: the answer is not Secrets Manager JSON (${label})`, {
      cause: safeCause(error),
    });
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : isPlainObject(error) && typeof error['name'] === 'string' ? error['name'] : undefined;
}
