/** The offline rules, in the order they run. Each module is named after its rule id. */
import type { Rule } from './rule.js';
import yamlSyntax from './yaml-syntax.js';
import duplicateKey from './duplicate-key.js';
import requiredKey from './required-key.js';
import wrongType from './wrong-type.js';
import invalidValue from './invalid-value.js';
import unknownKey from './unknown-key.js';
import placeholderValue from './placeholder-value.js';
import legacyKey from './legacy-key.js';
import reservedCacheName from './reserved-cache-name.js';
import duplicateCacheName from './duplicate-cache-name.js';
import redisAddress from './redis-address.js';
import encryptionKeyFormat from './encryption-key-format.js';
import encryptionKeyReuse from './encryption-key-reuse.js';
import hashingKeyFormat from './hashing-key-format.js';
import plaintextSecret from './plaintext-secret.js';
import unknownTlsProfile from './unknown-tls-profile.js';
import unusedTlsProfile from './unused-tls-profile.js';
import tlsMinVersion from './tls-min-version.js';
import insecureTlsVersion from './insecure-tls-version.js';
import serverTlsKeypair from './server-tls-keypair.js';
import httpTlsConflict from './http-tls-conflict.js';
import unknownCache from './unknown-cache.js';
import unknownConnector from './unknown-connector.js';
import unknownCluster from './unknown-cluster.js';
import clusterFeatureFlag from './cluster-feature-flag.js';
import encryptionDisabled from './encryption-disabled.js';
import hashingDisabled from './hashing-disabled.js';
import disablePrefixConflict from './disable-prefix-conflict.js';
import redisWithoutTls from './redis-without-tls.js';
import secretReferenceSyntax from './secret-reference-syntax.js';
import envReferenceSyntax from './env-reference-syntax.js';
import missingExtensionFile from './missing-extension-file.js';

export const rules: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  requiredKey,
  wrongType,
  invalidValue,
  unknownKey,
  placeholderValue,
  legacyKey,
  reservedCacheName,
  duplicateCacheName,
  redisAddress,
  encryptionKeyFormat,
  encryptionKeyReuse,
  hashingKeyFormat,
  plaintextSecret,
  unknownTlsProfile,
  unusedTlsProfile,
  tlsMinVersion,
  insecureTlsVersion,
  serverTlsKeypair,
  httpTlsConflict,
  unknownCache,
  unknownConnector,
  unknownCluster,
  clusterFeatureFlag,
  encryptionDisabled,
  hashingDisabled,
  disablePrefixConflict,
  redisWithoutTls,
  secretReferenceSyntax,
  envReferenceSyntax,
  missingExtensionFile,
];
