// Value grammars shared by the schema source and (through the published schema) the editor.
// src/config/secret-references.ts holds the same grammar for lint; test/schema/values.test.ts keeps them in step.

/** A whole-value secret reference: `<name>`, names with letters, digits and `_ - . : /`. */
export const REFERENCE = '<[A-Za-z0-9_\\-.:/]+>';
/** `{{ env.NAME }}` anywhere in a string, spaces inside the braces optional. */
export const ENV_TEMPLATE = '\\{\\{\\s*env\\.[A-Za-z_][A-Za-z0-9_]*\\s*\\}\\}';
/** A value only known at start-up. */
export const DEFERRED = `^${REFERENCE}$|${ENV_TEMPLATE}`;

/** Go's time.ParseDuration: a sequence of decimal numbers with units, or a bare 0. */
export const GO_DURATION = '[-+]?(?:0|(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+)';
export const DURATION = `^(?:${GO_DURATION}|${REFERENCE})$|${ENV_TEMPLATE}`;

/** An absolute URL with a scheme (https://, ldaps://, file:/// with Windows paths and spaces), or a path on the Orchestrator. */
export const URL = `^(?:[A-Za-z][A-Za-z0-9+.\\-]*://.+|/\\S*|${REFERENCE})$|${ENV_TEMPLATE}`;

/** 64 hex characters (32 bytes), or a value only known at start-up. */
export const HEX_KEY = `^(?:[0-9a-fA-F]{64}|${REFERENCE})$|${ENV_TEMPLATE}`;

/** Any name but `local_default`, the built-in in-memory cache. */
export const NOT_LOCAL_DEFAULT = '^(?!local_default$)';

/** Go crypto/tls cipher suite names (tls.CipherSuites() and tls.InsecureCipherSuites(), Go 1.22). */
export const GO_CIPHER_SUITES = [
  'TLS_RSA_WITH_RC4_128_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
  'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
];
