/**
 * A loopback HTTPS server playing both Entra ID and Azure Key Vault, for the real
 * `@azure/identity` and `@azure/keyvault-secrets` clients:
 *
 * - Entra ID (the `entraIDHost` of the provider URL): `GET /<tenant>/v2.0/.well-known/openid-configuration`
 *   (MSAL's authority metadata; 400 `invalid_tenant` AADSTS90002 for an unknown tenant) and
 *   `POST /<tenant>/oauth2/v2.0/token` with `grant_type=client_credentials` (401 `invalid_client`
 *   AADSTS7000215 for a wrong secret, 400 `unauthorized_client` AADSTS700016 for an unknown client);
 * - Key Vault (REST reference "Get Secret", "Get Secrets", and "Azure Key Vault throttling"):
 *   `GET /secrets/<name>[/<version>]?api-version=…` and the list `GET /secrets?maxresults=…`.
 *   Without a valid bearer token it answers 401 with the challenge `WWW-Authenticate: Bearer
 *   authorization="https://<this>/<tenant>", resource="https://vault.azure.net"`, as Key Vault does
 *   (Key Vault authentication docs); then 200 with the secret bundle (or the list page
 *   `{"value":[…],"nextLink":null}`), 404 `SecretNotFound`, 403 `Forbidden` with inner code
 *   `ForbiddenByRbac` (RBAC: checked before the secret is looked up, so an identity without the
 *   role gets 403 for a missing name too, never 404) or `SecretDisabled` (a disabled secret:
 *   "Operation get is not allowed on a disabled secret."), 429 `Throttled` with `Retry-After`, 5xx,
 *   in Key Vault's error body `{"error":{"code","message"[,"innererror"]}}`.
 *
 * Faults apply to authorized secret reads; `reads` counts those only (the challenge round trips are
 * in `challenges`).
 */
import { randomUUID } from 'node:crypto';
import { jsonReply, LoopbackHttpsServer, type LoggedHttpRequest, type Reply } from './https-loopback.js';

interface StoredSecret {
  versions: { id: string; value: string }[];
  forbidden: boolean;
  disabled: boolean;
}

export class AzureKeyVaultTestServer extends LoopbackHttpsServer {
  /** The tenant the vault belongs to: its challenge names it (the first client's tenant unless set). */
  vaultTenant: string | undefined;
  readonly #clients = new Map<string, { tenant: string; secret: string }>();
  readonly #secrets = new Map<string, StoredSecret>();
  readonly #tokens = new Set<string>();
  /** The identity has no List permission (no `secrets/readMetadata` action). */
  listForbidden = false;
  /** The identity has no role on the vault at all: every secret read answers 403, missing or not. */
  noRole = false;

  addClient(tenant: string, clientId: string, clientSecret: string): this {
    this.#clients.set(clientId, { tenant, secret: clientSecret });
    this.vaultTenant ??= tenant;
    return this;
  }

  /** Adds a version of a secret (the latest is read without a version); returns its version id. */
  put(name: string, value: string, options: { forbidden?: boolean; disabled?: boolean } = {}): string {
    let secret = this.#secrets.get(name);
    if (!secret) this.#secrets.set(name, (secret = { versions: [], forbidden: false, disabled: false }));
    secret.forbidden = options.forbidden ?? secret.forbidden;
    secret.disabled = options.disabled ?? secret.disabled;
    const id = randomUUID().replace(/-/g, '');
    secret.versions.push({ id, value });
    return id;
  }

  get tokenRequests(): number {
    return this.log.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;
  }

  get challenges(): number {
    return this.log.filter((r) => r.path.startsWith('/secrets') && r.headers['authorization'] === undefined).length;
  }

  override resetCounters(): void {
    super.resetCounters();
    this.faults.reset();
    this.listForbidden = false;
    this.noRole = false;
  }

  /** Only a read with a token this server issued: the challenge round trips are not reads. */
  protected isRead(req: Omit<LoggedHttpRequest, 'read'>): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers['authorization'] ?? '')?.[1];
    return req.method === 'GET' && req.path.startsWith('/secrets/') && bearer !== undefined && this.#tokens.has(bearer);
  }

  protected errorReply(status: number): Reply {
    if (status === 429) return jsonReply(429, { error: { code: 'Throttled', message: 'Rate limit is exceeded. Try again in 1 seconds.' } }, { 'retry-after': '1' });
    if (status >= 500) return jsonReply(status, { error: { code: status === 503 ? 'ServiceUnavailable' : 'InternalServerError', message: 'Injected failure.' } });
    return jsonReply(status, { error: { code: 'BadParameter', message: 'Injected failure.' } });
  }

  protected route(req: LoggedHttpRequest, body: string): Reply {
    const openid = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.path);
    if (openid) return this.#openidConfiguration(decodeURIComponent(openid[1] ?? ''));
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.path);
    if (token && req.method === 'POST') return this.#token(decodeURIComponent(token[1] ?? ''), body);
    if (req.path === '/secrets' && req.method === 'GET') return this.#list(req);
    const secret = /^\/secrets\/([^/]+)(?:\/([^/]*))?\/?$/.exec(req.path);
    if (secret && req.method === 'GET') return this.#secret(req, decodeURIComponent(secret[1] ?? ''), secret[2] ? decodeURIComponent(secret[2]) : undefined);
    return jsonReply(404, { error: { code: 'NotFound', message: 'The requested resource was not found.' } });
  }

  #openidConfiguration(tenant: string): Reply {
    if (![...this.#clients.values()].some((c) => c.tenant === tenant)) {
      return jsonReply(400, {
        error: 'invalid_tenant',
        error_description: `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        error_codes: [90002],
      });
    }
    const base = `https://${this.host}/${tenant}`;
    return jsonReply(200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `https://${this.host}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `https://${this.host}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid'],
      tenant_region_scope: 'NA',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    });
  }

  #token(tenant: string, body: string): Reply {
    const form = new URLSearchParams(body);
    const clientId = form.get('client_id') ?? '';
    const client = this.#clients.get(clientId);
    const trace = { timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() };
    if (form.get('grant_type') !== 'client_credentials') {
      return jsonReply(400, { error: 'unsupported_grant_type', error_description: 'AADSTS70003: The app requested an unsupported grant type.', error_codes: [70003], ...trace });
    }
    if (!client || client.tenant !== tenant) {
      return jsonReply(400, {
        error: 'unauthorized_client',
        error_description: `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
        error_codes: [700016],
        ...trace,
      });
    }
    if (form.get('client_secret') !== client.secret) {
      return jsonReply(401, {
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
        error_codes: [7000215],
        ...trace,
      });
    }
    const accessToken = `eyJ0eXAiOiJKV1QifQ.${Buffer.from(JSON.stringify({ aud: 'https://vault.azure.net', tid: tenant, appid: clientId })).toString('base64url')}.${randomUUID()}`;
    this.#tokens.add(accessToken);
    return jsonReply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  }

  /** 401 with Key Vault's challenge unless the request carries a token this server issued. */
  #challenge(req: LoggedHttpRequest): Reply | undefined {
    const bearer = /^Bearer (.+)$/.exec(req.headers['authorization'] ?? '')?.[1];
    if (bearer && this.#tokens.has(bearer)) return undefined;
    const tenant = this.vaultTenant ?? 'common';
    return jsonReply(
      401,
      { error: { code: 'Unauthorized', message: bearer ? 'AKV10032: Invalid issuer.' : 'AKV10000: Request is missing a Bearer or PoP token.' } },
      { 'www-authenticate': `Bearer authorization="https://${this.host}/${tenant}", resource="https://vault.azure.net"` },
    );
  }

  #forbidden(action: string): Reply {
    return jsonReply(403, {
      error: {
        code: 'Forbidden',
        message: `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nAction: 'Microsoft.KeyVault/vaults/secrets/${action}'`,
        innererror: { code: 'ForbiddenByRbac' },
      },
    });
  }

  #list(req: LoggedHttpRequest): Reply {
    const challenge = this.#challenge(req);
    if (challenge) return challenge;
    if (this.listForbidden || this.noRole) return this.#forbidden('readMetadata/action');
    const value = [...this.#secrets.entries()].map(([name, stored]) => ({
      id: `https://${this.host}/secrets/${name}`,
      attributes: { enabled: !stored.disabled, recoveryLevel: 'Recoverable+Purgeable' },
      tags: {},
    }));
    return jsonReply(200, { value, nextLink: null });
  }

  #secret(req: LoggedHttpRequest, name: string, version: string | undefined): Reply {
    const challenge = this.#challenge(req);
    if (challenge) return challenge;
    if (this.noRole) return this.#forbidden('getSecret/action');
    const stored = this.#secrets.get(name);
    if (!stored || stored.versions.length === 0) {
      return jsonReply(404, {
        error: {
          code: 'SecretNotFound',
          message: `A secret with (name/id) ${name} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
        },
      });
    }
    if (stored.forbidden) return this.#forbidden('getSecret/action');
    if (stored.disabled) {
      return jsonReply(403, { error: { code: 'Forbidden', message: 'Operation get is not allowed on a disabled secret.', innererror: { code: 'SecretDisabled' } } });
    }
    const found = version ? stored.versions.find((v) => v.id === version) : stored.versions[stored.versions.length - 1];
    if (!found) {
      return jsonReply(404, { error: { code: 'SecretNotFound', message: `A secret with (name/id) ${name}/${version ?? ''} was not found in this key vault.` } });
    }
    const now = Math.floor(Date.now() / 1000);
    return jsonReply(200, {
      value: found.value,
      id: `https://${this.host}/secrets/${name}/${found.id}`,
      attributes: { enabled: true, created: now, updated: now, recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 90 },
      tags: {},
    });
  }
}
