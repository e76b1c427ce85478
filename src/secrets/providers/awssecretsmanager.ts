/**
 * AWS Secrets Manager through `@aws-sdk/client-secrets-manager` (`awssecretsmanager://`): the URL
 * grammar, its typed config and the protocol, in this one file. The SDK is imported when a provider
 * is created (it is an optional peer dependency).
 *
 * - URL parameters (Strata's AWS Secrets Manager page): `region`, `accessKeyID`, `secretAccessKey`;
 *   no other is taken.
 * - Credentials: `accessKeyID` + `secretAccessKey` from the URL; else
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
 *   however many fields are taken from it (memo.ts: a denial is remembered, a throttle is not).
 * - `InvalidRequestException` (a secret scheduled for deletion) is unresolved, like
 *   `ResourceNotFoundException`.
 */
import type * as AwsSdk from '@aws-sdk/client-secrets-manager';
import type { GetSecretValueCommandOutput, SecretsManagerClient, SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { Memo } from '../memo.js';
import { loadSdk } from '../optional-sdk.js';
import { SecretProviderError, type BuiltInProvider, type ProviderContext, type SecretProvider, type SecretProviderErrorKind } from '../provider.js';
import { SecretValue } from '../../base/secret-value.js';
import { badUrl, pathSegments, QueryParams, requireHost } from '../url-grammar.js';
import { isPlainObject, networkError, safeCause, stringifySecret } from './shared.js';

type Sdk = typeof AwsSdk;

export interface AwsSecretsManagerConfig {
  kind: 'awssecretsmanager';
  /** From `?region=` or the older host form; else the SDK's own resolution (AWS_REGION, config files). */
  region?: string;
  /** Both or neither: static keys from the URL; else the SDK default credential chain. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /**
   * Older form `awssecretsmanager://<region>/<secret-name>`: a JSON secret whose fields are the
   * references (a reference that is not one of its fields falls back to a secret of that name).
   */
  bundleSecret?: string;
}

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const PARAMETERS = ['region', 'accessKeyID', 'secretAccessKey'];

function parseAws(url: URL, description: string): AwsSecretsManagerConfig {
  const params = new QueryParams(url, description, PARAMETERS, { sessionToken: 'AWS_SESSION_TOKEN in the environment' });
  const host = requireHost(url, description, 'awssecretsmanager://amazonaws.com?region=us-west-2');
  const segments = pathSegments(url, description);
  let region = params.get('region');
  let bundleSecret: string | undefined;
  if (host === 'amazonaws.com' || host.endsWith('.amazonaws.com')) {
    if (segments.length) bundleSecret = segments.join('/');
  } else if (AWS_REGION.test(host)) {
    // Older form: awssecretsmanager://us-west-2/<secret-name>
    region ??= host;
    if (!segments.length) {
      throw badUrl(description, 'the secret name is missing (expected awssecretsmanager://<region>/<secret-name>)');
    }
    bundleSecret = segments.join('/');
  } else {
    throw badUrl(
      description,
      `the host must be amazonaws.com (awssecretsmanager://amazonaws.com?region=us-west-2) or a region (awssecretsmanager://us-west-2/<secret-name>), got ${host}`,
    );
  }
  if (region !== undefined && !AWS_REGION.test(region)) {
    throw badUrl(description, `the parameter region is not an AWS region name (got ${region})`);
  }
  const accessKeyId = params.get('accessKeyID');
  const secretAccessKey = params.get('secretAccessKey');
  if (accessKeyId !== undefined && secretAccessKey === undefined) {
    throw badUrl(description, 'the parameter secretAccessKey is missing (accessKeyID needs it)');
  }
  if (secretAccessKey !== undefined && accessKeyId === undefined) {
    throw badUrl(description, 'the parameter accessKeyID is missing (secretAccessKey needs it)');
  }
  return {
    kind: 'awssecretsmanager',
    ...(region ? { region } : {}),
    ...(accessKeyId ? { accessKeyId } : {}),
    ...(secretAccessKey ? { secretAccessKey } : {}),
    ...(bundleSecret ? { bundleSecret } : {}),
  };
}

export const awsSecretsManager: BuiltInProvider<AwsSecretsManagerConfig> = {
  schemes: ['awssecretsmanager'],
  parse: parseAws,
  async create(config, context) {
    const sdk = await loadSdk(['@aws-sdk/client-secrets-manager'], context.description, () => import('@aws-sdk/client-secrets-manager'));
    return new AwsSecretsManagerProvider(sdk, config, context);
  },
};

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

type Fetched = { text: string } | undefined;

export class AwsSecretsManagerProvider implements SecretProvider {
  readonly description: string;
  readonly #sdk: Sdk;
  readonly #client: SecretsManagerClient;
  readonly #bundle: string | undefined;
  readonly #fetches = new Memo<string, Fetched>();

  constructor(sdk: Sdk, config: AwsSecretsManagerConfig, context: ProviderContext) {
    this.description = context.description;
    this.#sdk = sdk;
    this.#bundle = config.bundleSecret;
    const env = context.env;
    const clientConfig: SecretsManagerClientConfig = {
      maxAttempts: 1,
      requestHandler: { requestTimeout: CLIENT_TIMEOUT_MS, connectionTimeout: CLIENT_TIMEOUT_MS },
    };
    const region = config.region ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
    if (region) clientConfig.region = region;
    if (config.accessKeyId && config.secretAccessKey) {
      clientConfig.credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey };
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
    this.#client = new sdk.SecretsManagerClient(clientConfig);
  }

  get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    return this.#get(key, signal);
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
    return this.#fetches.get(secretId, () => this.#fetchOnce(secretId, signal));
  }

  async #fetchOnce(secretId: string, signal: AbortSignal): Promise<Fetched> {
    let output: GetSecretValueCommandOutput;
    try {
      output = await this.#client.send(new this.#sdk.GetSecretValueCommand({ SecretId: secretId }), { abortSignal: signal });
    } catch (error) {
      // A secret scheduled for deletion answers InvalidRequestException: to the Orchestrator it is
      // as absent as one that never existed (AWS API reference, GetSecretValue errors).
      if (errorName(error) === 'ResourceNotFoundException' || errorName(error) === 'InvalidRequestException') return undefined;
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
    // A transport failure first: the SDK names a socket closed under it TimeoutError, with the code.
    const network = networkError(error, `${this.description}: ${what}`);
    if (network) return network;
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
