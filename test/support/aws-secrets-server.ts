/**
 * A loopback server speaking Secrets Manager's JSON 1.1 protocol for `GetSecretValue`:
 * `POST /` with `X-Amz-Target: secretsmanager.GetSecretValue` and
 * `Content-Type: application/x-amz-json-1.1`, a SigV4 `Authorization` header required (its access key
 * id checked against the known ones), lookup by name or ARN, and AWS's error shapes
 * (`{"__type":"ResourceNotFoundException","message":…}` 400, `ThrottlingException` 400,
 * `AccessDeniedException` 400, `UnrecognizedClientException` 400, `InvalidRequestException` 400 for a
 * secret scheduled for deletion, `InternalServiceError` 500; AWS Secrets Manager API reference,
 * GetSecretValue "Errors" and "Common Errors", and the JSON 1.1 protocol of the official SDK), with
 * latency and fault injection and a request counter.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delay, FaultPlan, GARBAGE_BODY } from './faults.js';
import { readBody } from './vault-server.js';

export const TEST_REGION = 'us-west-2';
export const TEST_ACCOUNT = '123456789012';

interface StoredSecret {
  name: string;
  arn: string;
  value: string;
}

export interface LoggedAwsRequest {
  target: string | undefined;
  secretId: string | undefined;
  accessKeyId: string | undefined;
  region: string | undefined;
}

export class AwsSecretsTestServer {
  readonly faults = new FaultPlan();
  readonly log: LoggedAwsRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  endpoint = '';

  readonly #server: Server;
  readonly #secrets = new Map<string, StoredSecret>();
  readonly #accessKeys = new Set<string>();
  readonly #denied = new Set<string>();
  readonly #deleting = new Set<string>();
  #throttle = 0;

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  get requests(): number {
    return this.log.length;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Keep-alive connections would hold close() open; the clients are done with them.
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  allowAccessKey(accessKeyId: string): this {
    this.#accessKeys.add(accessKeyId);
    return this;
  }

  /** Stores a secret; returns its ARN (`…:secret:<name>-<6 characters>`, as AWS makes them). */
  put(name: string, value: string | Record<string, unknown>): string {
    const suffix = Buffer.from(name).toString('hex').slice(0, 6).padEnd(6, 'x');
    const arn = `arn:aws:secretsmanager:${TEST_REGION}:${TEST_ACCOUNT}:secret:${name}-${suffix}`;
    this.#secrets.set(name, { name, arn, value: typeof value === 'string' ? value : JSON.stringify(value) });
    return arn;
  }

  /** GetSecretValue of this secret (by name) answers AccessDeniedException. */
  deny(name: string): this {
    this.#denied.add(name);
    return this;
  }

  /**
   * Marks a secret scheduled for deletion: GetSecretValue answers InvalidRequestException (AWS API
   * reference, GetSecretValue errors: "You can't perform this operation on the secret because it
   * was marked for deletion.").
   */
  scheduleDeletion(name: string): this {
    this.#deleting.add(name);
    return this;
  }

  /** The next `count` requests answer ThrottlingException. */
  throttleNext(count: number): void {
    this.#throttle += count;
  }

  resetCounters(): void {
    this.log.length = 0;
    this.maxInFlight = 0;
  }

  /** Clears injected latency, failures and throttling. */
  resetFaults(): void {
    this.faults.reset();
    this.#throttle = 0;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = header(req, 'x-amz-target');
    const auth = header(req, 'authorization');
    const credential = auth ? /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/secretsmanager\/aws4_request, ?SignedHeaders=[^,]+, ?Signature=[0-9a-f]{64}$/.exec(auth) : null;
    const body = await readBody(req);
    let secretId: string | undefined;
    try {
      const parsed: unknown = JSON.parse(body);
      const id = (parsed as { SecretId?: unknown }).SecretId;
      secretId = typeof id === 'string' ? id : undefined;
    } catch {
      secretId = undefined;
    }
    this.log.push({ target, secretId, accessKeyId: credential?.[1], region: credential?.[2] });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await delay(this.faults.delayMs);
      const fault = this.faults.take();
      // A kept-alive connection closed by the far end under a request: the client sees ECONNRESET.
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'garbage') return send(res, 200, GARBAGE_BODY);
      if (fault?.kind === 'fail') {
        const status = fault.failure.status;
        return send(res, status, fault.failure.body ?? JSON.stringify(status >= 500 ? awsError('InternalServiceError', 'An error occurred on the server side.') : awsError('InvalidRequestException', 'injected')));
      }
      if (!credential) return error(res, 403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
      if (!this.#accessKeys.has(credential[1] ?? '')) {
        return error(res, 400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      }
      if (req.method !== 'POST' || !(header(req, 'content-type') ?? '').startsWith('application/x-amz-json-1.1')) {
        return error(res, 400, 'SerializationException', 'expected application/x-amz-json-1.1');
      }
      if (target !== 'secretsmanager.GetSecretValue') return error(res, 400, 'UnknownOperationException', 'unknown operation');
      if (this.#throttle > 0) {
        this.#throttle--;
        return error(res, 400, 'ThrottlingException', 'Rate exceeded');
      }
      if (!secretId) return error(res, 400, 'InvalidParameterException', 'SecretId is required');
      const secret = this.#find(secretId);
      if (!secret) return error(res, 400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      if (this.#deleting.has(secret.name)) {
        return error(res, 400, 'InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.");
      }
      if (this.#denied.has(secret.name)) {
        return error(
          res,
          400,
          'AccessDeniedException',
          `User: arn:aws:iam::${TEST_ACCOUNT}:user/test is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretId} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
        );
      }
      return send(
        res,
        200,
        JSON.stringify({
          ARN: secret.arn,
          Name: secret.name,
          VersionId: '00000000-0000-4000-8000-000000000001',
          SecretString: secret.value,
          VersionStages: ['AWSCURRENT'],
          CreatedDate: 1767225600,
        }),
      );
    } finally {
      this.inFlight--;
    }
  }

  #find(secretId: string): StoredSecret | undefined {
    if (secretId.startsWith('arn:')) {
      for (const secret of this.#secrets.values()) if (secret.arn === secretId) return secret;
      return undefined;
    }
    return this.#secrets.get(secretId);
  }
}

function awsError(type: string, message: string): { __type: string; message: string } {
  return { __type: type, message };
}

function error(res: ServerResponse, status: number, type: string, message: string): void {
  res.setHeader('x-amzn-errortype', `${type}:`);
  send(res, status, JSON.stringify(awsError(type, message)));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: string): void {
  if (res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': '11111111-2222-3333-4444-555555555555',
  });
  res.end(body);
}
