// apps[]: one definition per `type`, with the policy, header and authorization blocks they share.
// Sources: /reference/orchestrator/applications/*, /reference/orchestrator/authorization, the
// MCP Proxy/Bridge local-development pages, and Strata's public configs.
import { bool, discriminated, duration, int, list, map, obj, oneOfValues, scalar, se, str, strings, tlsRef, url, urls, variant } from './kit.mjs';

const common = {
  name: scalar('The app\'s name, unique.'),
  type: str('The app type; it decides which keys apply.'),
};

const idps = list('Names of connectors users may authenticate with.', scalar('A connector\'s name.'));

export const shared = {
  authentication: obj('How users of the app (or of a policy\'s location) authenticate.', {
    idps,
    allowUnauthenticated: bool('Let requests through without a session.'),
    isAuthenticatedSE: se('Decides whether the request is authenticated.'),
    authenticateSE: se('Authenticates the user (e.g. an IdP selector).'),
  }, { surface: 'partial', $comment: 'Other hook locations of the OIDC app were not visible.' }),
  authorization: obj('Who may use the app or location: allowAll, declarative rules, or a service extension.', {
    allowAll: bool('Allow every authenticated user.'),
    rules: list('Declarative rules; operands use {{ connector.attribute }} with equals, notEquals, contains, notContains.', { description: 'One rule (its item shape was not visible in the docs).' }),
    rulesAggregationMethod: oneOfValues('How the rules combine.', ['and', 'or']),
    isAuthorizedSE: se('Runs after the declarative rules.'),
    tokenMinting: obj('OPA policies applied when access tokens are minted (OIDC apps).', {
      accessToken: obj('Access-token policies.', {
        policies: list('OPA policies.', obj('One OPA policy.', { name: str('The policy\'s name.'), file: str('The Rego file.') }, { required: ['name', 'file'] })),
      }),
    }),
  }, { surface: 'partial', $comment: 'The rule item shape was not visible.' }),
};

export const header = {
  description: 'A header sent upstream: a name and a value (static, or {{ connector.attribute }}), or a createHeaderSE.',
  type: 'object',
  additionalProperties: false,
  'x-surface': 'complete',
  properties: {
    name: str('The header name.'),
    value: scalar('A static value, or {{ connector.attribute }}.'),
    createHeaderSE: se('A service extension that builds the header(s).'),
  },
};

const policy = obj('A policy for the requests whose path matches `location`.', {
  location: str('A path prefix, or ~ followed by a regular expression.'),
  authentication: { description: 'How requests at this location authenticate.', $ref: '#/definitions/appAuthentication' },
  authorization: { description: 'Who may reach this location.', $ref: '#/definitions/appAuthorization' },
  headers: list('Headers for requests at this location.', { $ref: '#/definitions/header' }),
}, { required: ['location'] });

const toolNamespace = obj('A prefix added to tool names (stripped before policy evaluation).', {
  disabled: bool('Use tool names as they are.'),
  name: str('The prefix.'),
});

const mcpAuthorization = obj('Who may call which tools (OPA), and how calls reach the upstream.', {
  inbound: obj('Inbound authorization.', {
    opa: obj('An OPA policy (package orchestrator).', {
      name: str('The policy\'s name.'),
      rego: str('The Rego module inline.'),
      file: str('A Rego file.'),
    }, { required: ['name'] }),
  }),
  outbound: obj('How the gateway authenticates to the upstream.', {
    type: oneOfValues('tokenExchange or unprotected.', ['tokenExchange', 'unprotected']),
    tokenExchange: obj('RFC 8693 token exchange.', {
      type: oneOfValues('delegation (default per the guide) or impersonation.', ['delegation', 'impersonation']),
      idp: scalar('The OIDC connector that performs the exchange.'),
      audience: str('The audience of exchanged tokens.'),
      tools: list('Per-tool scopes and lifetimes.', obj('One tool mapping.', {
        name: str('The tool name.'),
        ttl: duration('Lifetime of the exchanged token.'),
        scopes: list('Scopes requested for this tool.', obj('One scope.', { name: str('The scope.') }, { required: ['name'] })),
      }, { required: ['name'] })),
    }),
  }),
  listing: { description: 'Tool-listing control (v2026.07.2); its keys are not documented.', type: 'object' },
});

export const appTypes = ['proxy', 'oidc', 'saml', 'mcpProxy', 'mcpBridge'];

export const definitions = {
  app: discriminated('An application; `type` decides its keys.', 'app', appTypes, common),
  appAuthentication: shared.authentication,
  appAuthorization: shared.authorization,
  header,
  'app.proxy': variant('A proxied HTTP application.', common, {
    routePatterns: strings('Host, path or host+path patterns this app serves.', 'A route pattern.'),
    upstream: url('Where requests are proxied to.'),
    tls: tlsRef('The TLS profile used to reach the upstream.'),
    preserveHost: bool('Send the original Host header upstream.', false),
    unauthorizedPage: url('Where denied users are sent.'),
    headers: list('Headers sent upstream.', { $ref: '#/definitions/header' }),
    loadAttrsSE: { description: 'Loads attributes before headers are built.', $ref: '#/definitions/serviceExtension' },
    authentication: { description: 'Authentication for the whole app.', $ref: '#/definitions/appAuthentication' },
    policies: list('Location policies.', policy),
  }, { required: ['routePatterns', 'upstream'], surface: 'partial', $comment: 'Logout, attribute-provider, CA-path and skip-verify keys of proxy apps were not visible.' }),
  'app.oidc': variant('An OIDC relying party served by the OIDC Provider.', common, {
    clientID: scalar('The client ID.'),
    public: bool('A public client (no secret).'),
    credentials: obj('Client credentials.', { secrets: list('Client secrets; use secret references.', scalar('A client secret.')) }),
    redirectURLs: urls('Allowed redirect URIs.'),
    grantTypes: list('Allowed grant types.', oneOfValues('A grant type.', ['authorization_code', 'client_credentials', 'refresh_token', 'urn:ietf:params:oauth:grant-type:token-exchange', 'password', 'implicit_id', 'implicit_token'])),
    authentication: { description: 'How users authenticate.', $ref: '#/definitions/appAuthentication' },
    authorization: { description: 'Who may use the app.', $ref: '#/definitions/appAuthorization' },
    accessToken: obj('Access tokens issued to this client.', { type: str('The token format, e.g. jwt (other values not documented).') }, { surface: 'partial' }),
    allowedAudiences: list('Audiences this client may request.', str('An audience.')),
    customScopes: obj('Scopes beyond the standard ones.', { scopes: list('The scopes.', obj('One scope.', { name: str('The scope name.') }, { required: ['name'] })) }),
    claimsMapping: map('ID token / userinfo claims, each from {{ connector.attribute }} or connector.attribute.'),
    buildAccessTokenClaimsSE: se('Adds claims to access tokens.'),
    buildIDTokenClaimsSE: se('Adds claims to ID tokens.'),
  }, { required: ['clientID'], surface: 'partial', $comment: 'Token lifetimes and other hook locations were not visible.' }),
  'app.saml': variant('A SAML service provider served by the SAML Provider.', common, {
    audience: str('The SP\'s audience (entity ID).'),
    consumerServiceURL: url('The SP\'s Assertion Consumer Service URL.'),
    authentication: { description: 'How users authenticate.', $ref: '#/definitions/appAuthentication' },
    authorization: { description: 'Who may use the app.', $ref: '#/definitions/appAuthorization' },
    claimsMapping: map('Assertion attributes, each from {{ connector.attribute }} or connector.attribute.'),
  }, { required: ['consumerServiceURL'], surface: 'partial', $comment: 'SAML app fields beyond audience and consumerServiceURL were not visible.' }),
  'app.mcpProxy': variant('An MCP Proxy: fronts an MCP server (needs mcpProvider).', common, {
    toolNamespace,
    upstream: obj('The MCP server.', {
      transport: oneOfValues('stream (HTTP streaming). One page also names stdio.', ['stream', 'stdio']),
      stream: obj('The streaming HTTP upstream.', {
        url: url('The MCP server\'s URL.'),
        tls: tlsRef('The TLS profile used to reach it.'),
        connection: obj('Connection tuning.', {
          dialTimeout: duration('Dial timeout.'),
          keepAlive: obj('TCP keep-alive.', { interval: duration('Keep-alive interval.') }),
          pool: obj('Idle connection pool.', {
            maxIdleConns: int('Idle connections kept.'),
            maxIdleConnsPerHost: int('Idle connections kept per host.'),
          }),
        }),
      }, { required: ['url'] }),
    }, { required: ['transport'] }),
    authorization: mcpAuthorization,
  }, { required: ['upstream'] }),
  'app.mcpBridge': variant('An MCP Bridge: exposes an OpenAPI service as MCP tools (needs mcpProvider).', common, {
    mode: oneOfValues('The bridge mode.', ['openapi']),
    toolNamespace,
    openapi: obj('The OpenAPI service.', {
      spec: obj('The OpenAPI document: exactly one of uri and data.', {
        uri: url('Where the spec is (https:// or file://).'),
        data: str('The spec inline.'),
      }),
      baseURL: url('The service\'s base URL (default: the spec\'s first server).'),
    }, { required: ['spec'] }),
    authorization: mcpAuthorization,
  }, { required: ['openapi'] }),
};

export const appList = list('Applications; `type` decides each one\'s keys.', { $ref: '#/definitions/app' });
