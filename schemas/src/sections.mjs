// The top level and every section other than connectors and apps.
import { bool, duration, int, legacy, list, map, ms, obj, oneOfValues, path, scalar, se, str, strings, tlsRef, url } from './kit.mjs';
import { DEFERRED, DURATION, GO_CIPHER_SUITES, HEX_KEY, NOT_LOCAL_DEFAULT, URL } from './patterns.mjs';

const cacheRef = { description: 'The name of a cache under caches, or local_default (the built-in in-memory cache).', $ref: '#/definitions/cacheReference' };

/** A check a lint rule already owns: the editor shows it, the lint validator leaves it out. */
const ruleOwned = (rule, pattern, message) => ({ 'x-rule': rule, pattern, patternErrorMessage: message });
const hexKey = (description, rule) => ({
  description,
  type: 'string',
  allOf: [ruleOwned(rule, HEX_KEY, 'A key is 64 hex characters (openssl rand -hex 32), best a secret reference such as <vault.redis_key> or {{ env.REDIS_KEY }}.')],
});

const cluster = obj('One Orchestrator cluster (experimental; needs features experimental.clusters).', {
  name: scalar('The cluster\'s name, named by caches[].cluster.name, session.store.cluster.name and http.routing.cluster.name.'),
  addresses: obj('Where this node listens for its peers.', {
    membership: str('host:port of the gossip membership channel.'),
    data: str('host:port of the data replication channel.'),
  }),
  discovery: obj('How nodes find each other.', {
    method: oneOfValues('static or srvDNS.', ['static', 'srvDNS']),
    static: obj('A fixed peer list.', { nodes: strings('Peer membership endpoints, host:port (this node may be listed).') }),
    srvDNS: obj('DNS SRV discovery.', {
      names: strings('SRV names to resolve.'),
      pollInterval: duration('How often to resolve them.'),
    }),
  }),
  encryption: obj('Encryption between nodes.', {
    psk: scalar('The pre-shared key (32 bytes, hex), the same on every node; use a secret reference.'),
    nodeKey: obj('A persistent node identity.', { file: path('The node key file.') }),
  }, { required: ['psk'] }),
}, { required: ['name', 'encryption'] });

const otlpExporter = obj('An OTLP exporter.', {
  protocol: str('The OTLP protocol, http/protobuf.'),
  endpoint: url('The collector\'s URL.'),
  insecure: bool('Skip TLS verification to the collector.'),
  timeout: ms('Export timeout.', 5000),
  headers: list('Headers sent to the collector (e.g. x-api-key).', obj('One header.', { name: str('The header name.'), value: scalar('Its value; best a secret reference.') })),
}, { surface: 'partial', $comment: 'telemetry wraps OpenTelemetry otelconf; only these keys were visible.' });

export const root = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/maverics-config/maverics-config/schemas/maverics.schema.json',
  title: 'Maverics Orchestrator configuration (maverics.yaml)',
  description: 'The configuration file of the Maverics Orchestrator. Connectors and apps are checked per `type`. Every enum, boolean and number also takes a value known only at start-up: a secret reference <name> (resolved through MAVERICS_SECRET_PROVIDER) or {{ env.NAME }}. Objects marked x-surface: partial have documented features whose key names were not visible, so lint only warns about unknown keys there (docs/surface-policy.md).',
  type: 'object',
  additionalProperties: false,
  'x-surface': 'complete',
  properties: {
    version: { description: 'The configuration version. The reference says "1"; real configs use 0.0.1, 0.1 or free text. Read as a string.', type: ['string', 'number'], default: '1' },
    features: {
      description: 'Feature flags. A flag is on when its value is "true" or "enabled" (case-insensitive).',
      type: 'object',
      properties: {
        'experimental.clusters': { description: 'Turns on Orchestrator clusters. Without it the Orchestrator silently ignores cluster configuration.', $ref: '#/definitions/featureFlag' },
      },
      additionalProperties: { $ref: '#/definitions/featureFlag' },
    },
    http: { $ref: '#/definitions/http' },
    tls: { description: 'Named TLS profiles, referenced by name from http.tls, http.hosts[].tls, connectors[].tls, caches[].redis.tls and MCP upstreams.', type: 'object', additionalProperties: { $ref: '#/definitions/tlsProfile' } },
    caches: { description: 'Named caches shared by modes. local_default, the built-in in-memory cache, is always present and must not be declared.', type: 'array', items: { $ref: '#/definitions/cache' } },
    session: { $ref: '#/definitions/session' },
    singleLogout: obj('Single logout across the apps and connectors of a session.', {
      logoutURL: url('The Orchestrator endpoint (same domain) that starts single logout.'),
      postLogout: obj('After logout.', { redirectURL: url('Where users go after logout (default: a "logged out" message).') }),
      postLogoutRedirectURL: legacy(url('where users go after logout.'), 'postLogout.redirectURL'),
      postLogoutSE: se('Runs after logout.'),
    }, { required: ['logoutURL'] }),
    logger: obj('Logging.', {
      level: oneOfValues('The least severe level that is logged.', ['debug', 'info', 'warn', 'error'], 'info'),
      jsonOutput: bool('Log as JSON lines.', false),
      timeFormat: str('A Go time layout name such as RFC3339Nano or ANSIC.'),
      logSessionID: bool('Include the session id in log lines.', false),
      fieldOrdering: obj('Ordering of fields in log lines.', { enabled: bool('Keep a fixed field order.', false) }),
    }, { surface: 'partial', $comment: 'Log filtering is documented; its keys were not visible.' }),
    health: obj('The health endpoint and heartbeat.', {
      location: path('The path the health endpoint is served on (default /status).'),
      heartbeat: obj('The periodic heartbeat log line.', {
        disabled: bool('Turn the heartbeat off.', false),
        interval: duration('Time between heartbeats (default 1m).'),
        logLevel: oneOfValues('The level the heartbeat is logged at.', ['info', 'debug'], 'info'),
      }),
    }),
    telemetry: obj('OpenTelemetry metrics and traces (omitted: none). A wrapper around otelconf.', {
      metrics: obj('Metrics.', {
        readers: list('Metric readers.', obj('One reader.', {
          periodic: obj('A periodic reader.', {
            exporter: obj('Where metrics go.', { otlp: otlpExporter }, { surface: 'partial' }),
            interval: ms('Time between exports.', 5000),
            timeout: ms('Export timeout.'),
          }, { surface: 'partial' }),
        }, { surface: 'partial' })),
      }, { surface: 'partial' }),
      traces: obj('Traces (clustering and LDAP Provider so far).', {
        processors: list('Span processors.', obj('One processor: simple or batch.', {
          simple: obj('Exports each span as it ends.', { exporter: obj('Where spans go.', { otlp: otlpExporter }, { surface: 'partial' }) }, { surface: 'partial' }),
          batch: { description: 'Exports spans in batches (its keys were not visible).', type: 'object' },
        }, { surface: 'partial' })),
      }, { surface: 'partial' }),
    }, { surface: 'partial', $comment: 'otelconf has more keys than the docs show.' }),
    clusters: list('Orchestrator clusters (experimental; needs features experimental.clusters).', { $ref: '#/definitions/cluster' }),
    connectors: { $ref: '#/definitions/connectorList' },
    apps: { $ref: '#/definitions/appList' },
    oidcProvider: obj('The OIDC Provider mode.', {
      cache: cacheRef,
      correlateSession: bool('Tie tokens to the Orchestrator session.'),
      discovery: obj('The discovery document.', {
        issuer: url('The issuer.'),
        endpoints: obj('Endpoint paths or URLs.', {
          wellKnown: str('The discovery document.'),
          jwks: str('The JWKS.'),
          auth: str('The authorization endpoint.'),
          token: str('The token endpoint.'),
          userinfo: str('The userinfo endpoint.'),
          introspect: str('The introspection endpoint.'),
        }),
      }),
      jwks: list('Signing keys.', obj('One signing key pair.', {
        algorithm: str('The signing algorithm (RSA256 in Strata\'s configs, RS256 in JOSE terms).'),
        privateKey: scalar('The private key (PEM); use a secret reference.'),
        publicKey: scalar('The public key (PEM), often a secret reference.'),
      })),
      buildUserInfoClaimsSE: se('Adds userinfo claims.'),
    }, { surface: 'partial', $comment: 'Token lifetimes and dynamic client registration keys were not visible.' }),
    samlProvider: obj('The SAML Provider mode.', {
      cache: cacheRef,
      metadataEndpoint: str('Where the IdP metadata is served (GitBook migration guide).'),
      singleSignOnServiceEndpoint: str('The SSO endpoint.'),
      singleLogoutServiceEndpoint: str('The SLO endpoint.'),
      issuer: str('The issuer.'),
    }, { surface: 'partial', $comment: 'Signing key keys were not visible.' }),
    ldapProvider: obj('The LDAP Provider mode; it runs Go service extensions whose attach points were not visible.', { cache: cacheRef }, { surface: 'partial' }),
    mcpProvider: obj('The MCP Provider mode (AI Identity Gateway).', {
      enabled: bool('Turn the MCP Provider on.'),
      cache: cacheRef,
      transports: obj('How MCP clients connect.', {
        sse: obj('Server-sent events.', {
          enabled: bool('Serve SSE.'),
          baseURL: url('The public base URL.'),
          basePath: path('The base path.'),
          path: path('The SSE path.'),
          messagePath: path('The message path.'),
          keepAlive: obj('Keep-alive events.', { enabled: bool('Send keep-alives.'), interval: duration('Time between them.') }),
        }),
        stream: obj('Streamable HTTP.', {
          enabled: bool('Serve streamable HTTP.'),
          endpointPath: path('The endpoint path.'),
          path: path('The path.'),
          session: obj('MCP sessions.', {
            enabled: bool('Use sessions.'),
            headerName: str('The session header.'),
            allowClientTermination: bool('Let clients end sessions.'),
            timeout: duration('Idle session timeout.'),
          }),
        }),
      }),
      authorization: obj('OAuth protection of the MCP endpoint.', {
        oauth: obj('OAuth.', {
          enabled: bool('Require OAuth tokens.'),
          metadataPath: path('The protected-resource metadata path.'),
          servers: list('Authorization servers.', obj('One authorization server.', {
            wellKnownEndpoint: url('Its discovery document.'),
            refreshInterval: duration('How often its metadata is refreshed.'),
            tokenValidation: obj('How tokens are validated.', {
              method: str('The validation method, e.g. jwt (other values not visible).'),
              expectedAudiences: strings('Accepted audiences.'),
              jwt: obj('JWT validation.', { clockSkew: duration('Allowed clock skew.') }),
            }),
          })),
        }),
      }),
    }),
    apis: list('Custom API endpoints served by a service extension.', obj('One API.', { name: str('The API\'s name.'), serveSE: se('Serves the API.') }, { required: ['serveSE'] })),
    serviceExtensions: list('Named service-extension files (seen only in a 2026 Strata Helm example).', obj('One service extension file.', { name: str('Its name.'), file: path('The Go source file.') }, { surface: 'partial' })),
    appgateways: legacy(list('application gateways.', { $ref: '#/definitions/appgateway' }), 'apps of type proxy'),
    idps: legacy(list('identity providers (by name; older files declared them here in full).', { description: 'One identity provider: { name } in later files, a whole connector in older ones.', type: 'object', properties: { name: scalar('A connector\'s name.') } }), 'connectors'),
    authproviders: legacy(list('auth providers (behind features authproviders).', { $ref: '#/definitions/authprovider' }), 'oidcProvider and samlProvider'),
    authProvider: { description: 'Legacy: the connector that authenticates users (a name), now authentication.idps of each app or policy.', type: ['string', 'object', 'array'] },
    orchestratorGroups: legacy(list('Orchestrator groups.', { $ref: '#/definitions/cluster' }), 'clusters'),
    include: { description: 'Legacy: further configuration files to include (no syntax documented).', type: ['array', 'string'] },
    listenAddress: { description: 'Legacy: the listen address, now http.address.', type: 'string' },
  },
};

export const definitions = {
  deferred: { description: 'A value only known at start-up: a secret reference <name> or a string with {{ env.NAME }}.', type: 'string', pattern: DEFERRED },
  scalarString: { description: 'A string. Numbers and booleans are read as their text, as the Orchestrator\'s YAML decoder does.', type: ['string', 'number', 'boolean'] },
  featureFlag: {
    description: 'On when "true" or "enabled" (case-insensitive), or the boolean true. Flags may also be nested (experimental: { clusters: "true" }).',
    type: ['string', 'boolean', 'object'],
    additionalProperties: { $ref: '#/definitions/featureFlag' },
  },
  tlsReference: { description: 'The name of a profile under the top-level tls map.', type: 'string' },
  cacheReference: { description: 'The name of a cache declared under caches, or local_default (the built-in in-memory cache).', type: 'string', default: 'local_default' },
  duration: {
    description: 'A Go duration such as 24h, 15m, 30s or 300ms (a bare 0 is zero in any unit).',
    type: ['string', 'integer'],
    // Go reads any other bare number as nanoseconds: 3600 is 3.6 µs, not an hour.
    if: { type: 'integer' },
    then: { const: 0, errorMessage: 'A Go duration is written with a unit (30s, 15m, 1h): Go reads a bare number as nanoseconds.' },
    pattern: DURATION, 'x-format': 'duration', patternErrorMessage: 'A Go duration: a number with a unit (300ms, 30s, 15m, 24h), or a secret reference / {{ env.NAME }}.', errorMessage: 'A Go duration is written with a unit (30s, 15m, 1h): Go reads a bare number as nanoseconds.',
  },
  url: { description: 'A URL with a scheme (https://…), or a path on the Orchestrator.', type: 'string', pattern: URL, 'x-format': 'url', patternErrorMessage: 'A URL with a scheme (https://host/path), a path starting with /, or a secret reference / {{ env.NAME }}.' },
  serviceExtension: obj('A Go service extension: funcName and its code (file, or inline code).', {
    funcName: str('The function to call.'),
    file: path('The Go source file.'),
    code: str('Inline Go source (older configs).'),
    metadata: map('Values passed to the function.', { description: 'A value (string, list or map).' }),
  }, { required: ['funcName'] }),
  http: obj('The Orchestrator\'s HTTP server.', {
    address: str('The listen address, host:port (the host may be empty).', { default: '0.0.0.0:9443' }),
    tls: tlsRef('The TLS profile of the server; it needs certFile and keyFile. Not together with hosts.'),
    hosts: list('Server names for the TLS handshake (SNI), each with its own TLS profile. Not together with http.tls.', obj('One virtual host.', {
      host: str('The host name this entry serves.'),
      default: bool('Serve requests for hosts no other entry names.', false),
      tls: tlsRef('The TLS profile of this host; it needs certFile and keyFile.'),
    })),
    routing: obj('Request routing across an Orchestrator cluster (experimental).', {
      enabled: bool('Turn cluster routing on.', false),
      type: oneOfValues('cluster (group in older versions).', ['cluster', 'group']),
      cluster: obj('The cluster requests are routed across.', { name: scalar('A clusters[] entry\'s name.') }),
      group: legacy(obj('the Orchestrator group requests are routed across.', { name: scalar('An orchestratorGroups[] entry\'s name.') }), 'routing.cluster'),
    }),
    readTimeoutSeconds: int('Read timeout of the server, in seconds (default 20).'),
    readHeaderTimeoutSeconds: int('Timeout for reading request headers, in seconds.'),
    writeTimeoutSeconds: int('Write timeout of the server, in seconds (default 20).'),
    idleTimeoutSeconds: int('Keep-alive idle timeout, in seconds (default 60).'),
    endpointTimeoutSeconds: int('Timeout of an endpoint\'s handling, in seconds (default 15).'),
    accessLog: obj('The HTTP access log.', {
      disabled: bool('Turn the access log off.', false),
      level: str('The level access log lines are written at.'),
    }, { surface: 'partial', $comment: 'The rest of the accessLog table was not visible.' }),
  }),
  tlsProfile: obj('A named TLS profile.', {
    certFile: str('The certificate (PEM) file, or a secret reference. Needed by server profiles.'),
    keyFile: str('The private key (PEM) file, or a secret reference. Needed by server profiles.'),
    caFile: str('A CA bundle (PEM) used to verify the peer.'),
    minVersion: { description: 'The lowest TLS version accepted: 1.2 or 1.3 (below 1.2 stops start-up per the docs).', type: ['string', 'number'], default: '1.2', examples: ['1.2', '1.3'] },
    clientAuth: oneOfValues('Client certificate policy of a server profile (Go\'s tls.ClientAuthType names).', ['NoClientCert', 'RequestClientCert', 'RequireAnyClientCert', 'VerifyClientCertIfGiven', 'RequireAndVerifyClientCert'], 'NoClientCert'),
    clientCAFiles: strings('CA bundles (PEM) that client certificates are verified against.', 'A CA bundle file.'),
    enabledCiphers: list('TLS 1.2 cipher suites, by their Go crypto/tls names (TLS 1.3 suites are not configurable).', { ...oneOfValues('A Go cipher suite name, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.', GO_CIPHER_SUITES), 'x-format': 'cipher' }),
  }, { surface: 'partial', $comment: 'Revocation checking and Windows certificate-store keys were not visible.' }),
  cache: {
    ...obj('A named cache. Modes refer to it by name.', {
      name: {
        description: 'The cache\'s name, unique; local_default is reserved for the built-in in-memory cache.',
        type: ['string', 'number', 'boolean'],
        allOf: [ruleOwned('reserved-cache-name', NOT_LOCAL_DEFAULT, 'local_default is the built-in in-memory cache, always present; give this cache another name (modes can still use cache: local_default).')],
      },
      type: oneOfValues('redis, or cluster (experimental: needs cluster.name and features.experimental.clusters).', ['redis', 'cluster']),
      redis: obj('The Redis server(s) of a redis cache.', {
        addresses: list('One or more host:port addresses (no scheme; IPv6 in brackets). List every node of a Redis cluster.', str('host:port, e.g. redis.example.com:6379 or [::1]:6379.'), { minItems: 1 }),
        username: scalar('Redis 6 ACL user name.'),
        password: scalar('Redis ACL password; use a secret reference such as <vault.redis_password>.'),
        tls: tlsRef('The TLS profile of the connection. Absent means plaintext.'),
      }, { required: ['addresses'] }),
      encryption: obj('Client-side AES-256-GCM encryption of cached values.', {
        disabled: bool('Store values unencrypted; only when Redis already encrypts at rest.', false),
        keys: obj('Encryption keys.', {
          current: hexKey('The key new values are encrypted with: 64 hex characters (openssl rand -hex 32), best a secret reference.', 'encryption-key-format'),
          old: list('Previous keys, used only to decrypt values written before a rotation.', hexKey('A previous key: 64 hex characters, best a secret reference.', 'encryption-key-format')),
        }),
      }),
      hashing: obj('Keyed hashing of cache keys before they reach Redis.', {
        keys: obj('Hashing keys.', {
          disabled: bool('Store key names in the clear (for debugging only).', false),
          current: hexKey('The hashing key: 64 hex characters, best a secret reference.', 'hashing-key-format'),
          old: list('Previous hashing keys, tried on reads and removed on deletes.', hexKey('A previous hashing key.', 'hashing-key-format')),
        }),
      }),
      keys: obj('How cache keys are named.', {
        disablePrefix: bool('Drop the feature namespace prefix of cache keys (caches shared with service extensions); needs encryption and hashing disabled.', false),
      }),
      cluster: obj('The Orchestrator cluster of a cache of type cluster.', { name: scalar('A clusters[] entry\'s name.') }, { required: ['name'] }),
    }, { required: ['name', 'type'] }),
    allOf: [
      {
        if: { properties: { type: { const: 'redis' } }, required: ['type'] },
        then: {
          required: ['redis', 'encryption'],
          properties: {
            encryption: {
              $comment: 'Keys are required unless `disabled` is present and not literally false: true, but also a value only known at start-up or an unfilled placeholder, which may well turn encryption off.',
              if: { not: { properties: { disabled: { not: { const: false } } }, required: ['disabled'] } },
              then: { required: ['keys'], properties: { keys: { required: ['current'] } } },
            },
          },
        },
      },
      { if: { properties: { type: { const: 'cluster' } }, required: ['type'] }, then: { required: ['cluster'] } },
    ],
  },
  session: obj('User sessions (singular key). Redis is never a session store.', {
    cookie: obj('The session cookie.', {
      name: str('The cookie\'s name.', { default: 'maverics_session' }),
      domain: str('The cookie\'s domain.'),
    }, { surface: 'partial', $comment: 'The HttpOnly/Secure toggles were not visible as YAML keys.' }),
    lifetime: obj('How long sessions live.', {
      maxTimeout: duration('The longest a session lives, e.g. 24h.'),
      idleTimeout: duration('How long an idle session lives, e.g. 15m.'),
    }, { surface: 'partial', $comment: 'Lifetime-evaluation service extensions were not visible as YAML keys.' }),
    store: obj('Where sessions are kept.', {
      type: oneOfValues('local (in memory) or cluster (experimental: needs cluster.name and features.experimental.clusters).', ['local', 'cluster'], 'local'),
      cluster: obj('The Orchestrator cluster of a cluster session store.', { name: scalar('A clusters[] entry\'s name.') }),
    }, { surface: 'partial', $comment: 'The local store capacity key was not visible.' }),
    cookieDomain: legacy(str('the cookie\'s domain.'), 'session.cookie.domain'),
    maxLifetimeSeconds: legacy(int('the session lifetime in seconds.'), 'session.lifetime.maxTimeout'),
    idleTimeoutSeconds: legacy(int('the idle timeout in seconds.'), 'session.lifetime.idleTimeout'),
  }, { surface: 'partial' }),
  cluster,
  appgateway: obj('Legacy: an application gateway (now an app of type proxy).', {
    name: scalar('The gateway\'s name.'),
    type: str('The gateway type (header).'),
    host: str('The host served (now routePatterns).'),
    basePath: str('The base path served (now routePatterns).'),
    location: str('Deprecated June 2023: the base path; now basePath.'),
    upstream: url('Where requests are proxied to.'),
    tls: tlsRef('The TLS profile used to reach the upstream.'),
    idps: list('Connectors users authenticate with.', { description: 'A connector\'s name, or { name }.', type: ['string', 'object'] }),
    errorPage: url('Where users are sent on an error.'),
    unauthorizedPage: url('Where denied users are sent.'),
    preserveHost: bool('Send the original Host header upstream.'),
    loadAttrsSE: se('Loads attributes before headers are built.'),
    headers: map('Headers: a name mapped to connector.attribute or { createHeader: service extension }.', { description: 'connector.attribute, or { createHeader }.', type: ['string', 'object'] }),
    policies: list('Location policies (two historical shapes).', obj('One policy.', {
      resource: str('The path this policy covers (oldest shape).'),
      allowUnauthenticated: bool('Let requests through without a session (oldest shape).'),
      allowAnyAuthenticated: bool('Allow every authenticated user (oldest shape).'),
      allowIfAny: map('Allow when any attribute matches (oldest shape).', { description: 'Attribute values.' }),
      location: str('The path this policy covers.'),
      authentication: { description: 'How requests at this location authenticate.', $ref: '#/definitions/appAuthentication' },
      authorization: { description: 'Who may reach this location.', $ref: '#/definitions/appAuthorization' },
      headers: map('Headers for this location.', { description: 'connector.attribute, or { createHeader }.', type: ['string', 'object'] }),
    }, { surface: 'partial' })),
  }, { surface: 'partial', $comment: 'A legacy shape, known only from examples.' }),
  authprovider: obj('Legacy: an auth provider (now oidcProvider/samlProvider and apps).', {
    name: scalar('Its name.'),
    type: str('oidc or saml.'),
    wellKnownEndpoint: str('The discovery endpoint.'),
    jwksEndpoint: str('The JWKS endpoint.'),
    authorizationEndpoint: str('The authorization endpoint.'),
    tokenEndpoint: str('The token endpoint.'),
    userInfoEndpoint: str('The userinfo endpoint.'),
    introspectEndpoint: str('The introspection endpoint.'),
    issuer: str('The issuer.'),
    metadataEndpoint: str('The SAML metadata endpoint.'),
    singleSignOnServiceEndpoint: str('The SAML SSO endpoint.'),
    signature: obj('Signing keys.', { certificate: str('The certificate.'), privateKey: scalar('The private key; use a secret reference.') }, { surface: 'partial' }),
    clients: list('Clients.', { description: 'One client (legacy shape, known only from examples).', type: 'object' }),
  }, { surface: 'partial', $comment: 'A legacy shape, known only from one example.' }),
};

