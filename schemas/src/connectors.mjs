// connectors[]: one definition per `type`. Sources: docs.strata.io integrations key tables
// (/reference/integrations/identity-fabric/*), the Hugo connector pages, Console JSON, and the
// public configs listed in docs/surface-policy.md.
import { bool, discriminated, duration, int, map, obj, oneOfValues, path, scalar, str, tlsRef, url, urls, variant, list } from './kit.mjs';

const common = {
  name: scalar('The connector\'s name, unique; apps name it in authentication.idps, headers and claims use it as the prefix of {{ name.attribute }}.'),
  type: str('The connector type; it decides which keys apply.'),
  tls: tlsRef('The TLS profile used to reach the identity provider.'),
  healthCheck: obj('Health monitoring of this identity provider, used by continuity failover.', {
    enabled: bool('Turn health checks on.'),
    timeout: duration('How long one check may take (default 30s).'),
    interval: duration('Time between checks (default 30s).'),
    healthyThreshold: int('Successes before the provider counts as healthy again (default 2).'),
    unhealthyThreshold: int('Failures before the provider counts as unhealthy (default 2).'),
    simulation: obj('Simulated outages, for testing failover.', {
      enabled: bool('Turn the simulation on.'),
      startAfter: duration('When the simulated outage starts.'),
      downtime: duration('How long the simulated outage lasts.'),
    }),
  }, { surface: 'partial', $comment: 'The custom health check section of the page was not visible.' }),
};

const redirectList = (what) => obj(`${what} URLs served by the Orchestrator.`, { urls: urls('The URLs; the first is used when none matches the request exactly.') }, { required: ['urls'] });

const oidcFamily = {
  oidcWellKnownURL: url('The OIDC discovery document (.well-known/openid-configuration) of the provider.'),
  oauthClientID: scalar('The OAuth client ID registered with the provider.'),
  oauthClientSecret: scalar('The OAuth client secret; use a secret reference such as <idp.client_secret>.'),
  oauthRedirectURL: url('Deprecated: the single callback URL; use oauthLoginRedirect.urls.'),
  oauthLoginRedirect: redirectList('Login callback'),
  oauthLogoutRedirect: redirectList('Logout callback'),
  oidcLogoutCallbackURL: url('Legacy: the logout callback; now oauthLogoutRedirect.urls.'),
  scopes: str('Space-separated OAuth scopes (default: openid profile email).'),
  oauthExtraParams: map('Extra query parameters for the authorization request.'),
  disablePKCE: bool('Turn PKCE off (it is on by default).', false),
  offlineAccess: obj('Refresh tokens from the provider.', { enabled: bool('Request offline access (a refresh token).') }),
};
const oidcRequired = ['oidcWellKnownURL', 'oauthClientID', 'oauthClientSecret'];

const samlFamily = {
  samlMetadataURL: url('The IdP\'s SAML metadata (https:// or file:///).'),
  samlConsumerServiceURL: url('The Assertion Consumer Service URL served by the Orchestrator.'),
  samlEntityID: str('The Orchestrator\'s SAML entity ID (optional per the integrations table).'),
  samlLogoutCallbackURL: url('The single-logout callback served by the Orchestrator.'),
  samlSPCertPath: path('The SP signing certificate (PEM); set together with samlSPKeyPath.'),
  samlSPKeyPath: path('The SP signing key (PEM); set together with samlSPCertPath. Best a secret reference.'),
  samlNameIDFormat: str('The requested NameID format.'),
  samlIDPInitiatedLogin: obj('IdP-initiated login.', { enabled: bool('Accept IdP-initiated logins.') }, { surface: 'partial', $comment: 'Only `enabled` was visible on the ADFS page.' }),
};
const samlRequired = ['samlMetadataURL', 'samlConsumerServiceURL'];

const ldapFamily = {
  url: { description: 'ldap:// or ldaps:// URL, or a list of them (tried in order for failover).', type: ['string', 'array'], items: url('An ldap:// or ldaps:// URL.') },
  serviceAccountUsername: scalar('The bind DN of the service account; best a secret reference.'),
  serviceAccountPassword: scalar('The service account password; use a secret reference.'),
  baseDN: str('The search base, e.g. dc=example,dc=com.'),
  usernameSearchKey: str('The attribute a username is looked up by (uid, sAMAccountName, mail).'),
  userRDNKey: str('The RDN attribute of user entries.'),
  attributeDelimiter: str('Joins multi-valued attributes (default ",").'),
  attributeMapping: map('Renames LDAP attributes.'),
};
const ldapRequired = ['url', 'serviceAccountUsername', 'serviceAccountPassword', 'baseDN'];

const authType = oneOfValues('The protocol: oidc (default) or saml.', ['oidc', 'saml'], 'oidc');
const bySamlAuthType = (otherwise) => ({
  if: { properties: { authType: { const: 'saml' } }, required: ['authType'] },
  then: { required: samlRequired },
  else: otherwise,
});

const oidcOnly = (name) => variant(`A ${name} connector (OIDC).`, common, oidcFamily, { required: oidcRequired });

export const connectorTypes = ['azure', 'okta', 'pingfederate', 'auth0', 'adfs', 'cognito', 'oidc', 'wso2', 'hypr', 'onekosmos', 'saml', 'ldap', 'activedirectory', 'continuity', 'windowsclientauthenticator'];

export const definitions = {
  connector: discriminated('An identity provider connector; `type` decides its keys.', 'connector', connectorTypes, common),
  'connector.azure': variant('A Microsoft Entra ID (Azure AD) connector: OIDC, SAML with authType: saml, or an attribute provider with graphURL.', common, {
    ...oidcFamily,
    ...samlFamily,
    authType,
    graphURL: url('The Microsoft Graph endpoint; with oidcWellKnownURL it makes the connector an attribute provider.'),
  }, { ...bySamlAuthType({ required: oidcRequired }) }),
  'connector.okta': variant('An Okta connector: OIDC, SAML with authType: saml (older docs), or an attribute provider with apiToken.', common, {
    ...oidcFamily,
    ...samlFamily,
    authType,
    apiToken: scalar('An Okta API token, for attribute lookups; use a secret reference.'),
    domain: url('The Okta org URL, for attribute lookups.'),
  }, { ...bySamlAuthType({ if: { required: ['apiToken'], not: { required: ['oidcWellKnownURL'] } }, then: { required: ['domain'] }, else: { required: oidcRequired } }) }),
  'connector.pingfederate': variant('A PingFederate connector: OIDC, or SAML with authType: saml (older docs and Console).', common, { ...oidcFamily, ...samlFamily, authType }, { ...bySamlAuthType({ required: oidcRequired }) }),
  'connector.auth0': variant('An Auth0 connector (OIDC).', common, {
    ...oidcFamily,
    domain: url('The tenant URL; only for Auth0 API attribute queries.'),
    logoutURL: url('The Auth0 logout endpoint.'),
    logoutCallbackURL: url('Legacy: the logout callback; now oauthLogoutRedirect.urls.'),
    errorPage: url('Where users are sent on an authentication error.'),
    connection: str('The Auth0 database connection name (seen in a public config).'),
  }, { required: oidcRequired }),
  'connector.adfs': variant('An ADFS connector. The integrations table documents OIDC keys, the orchestrator page SAML keys; both are accepted, and the SAML ones decide which are required.', common, { ...oidcFamily, ...samlFamily }, {
    if: { required: ['samlMetadataURL'] },
    then: { required: samlRequired },
    else: { required: oidcRequired },
  }),
  'connector.cognito': oidcOnly('Amazon Cognito'),
  'connector.oidc': oidcOnly('generic OIDC (also Keycloak, Google Workspace)'),
  'connector.wso2': oidcOnly('WSO2'),
  'connector.hypr': oidcOnly('HYPR'),
  'connector.onekosmos': oidcOnly('1Kosmos'),
  'connector.saml': variant('A generic SAML 2.0 connector (also Duo).', common, samlFamily, { required: samlRequired }),
  'connector.ldap': variant('An LDAP directory (also Oracle OUD), for authentication or attributes.', common, ldapFamily, { required: ldapRequired, surface: 'partial', $comment: 'The search-scope key (Console: baseObject/singleLevel/wholeSubtree) was not visible.' }),
  'connector.activedirectory': variant('An Active Directory connector (LDAP).', common, ldapFamily, { required: ldapRequired, surface: 'partial', $comment: 'The search-scope key was not visible.' }),
  'connector.continuity': variant('Identity continuity: fails over across other connectors.', common, {
    strategy: oneOfValues('The continuity strategy; the docs name only failover (key spelling not visible).', ['failover']),
    failover: obj('Failover order.', { idps: list('Connector names, primary first.', scalar('A connector name.'), { minItems: 1 }) }, { required: ['idps'] }),
    attributes: map('Attribute names normalised across the member providers.', { description: 'A mapping from a normalised name to each provider\'s attribute.' }),
  }, { required: ['failover'], surface: 'partial', $comment: 'The exact spelling of the strategy key was not visible.' }),
  'connector.windowsclientauthenticator': variant('A Windows Client Authenticator connector (NTLM through an IIS app). Its fields were not visible in the docs.', common, {}, { surface: 'partial' }),
};

export const connectorList = list('Identity provider connectors; `type` decides each one\'s keys.', { $ref: '#/definitions/connector' });
