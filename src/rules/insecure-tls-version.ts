import type { Rule } from './rule.js';
import { minVersionSource } from './tls-min-version.js';
import { isObj, list, obj, tlsProfileNames } from '../config/accessors.js';

/**
 * The TLS 1.2 cipher suites Go's crypto/tls implements but classes as insecure
 * (`tls.InsecureCipherSuites()`: RC4, 3DES, CBC-SHA256, and RSA key exchange without forward
 * secrecy). Go uses them only when listed explicitly, which is what `enabledCiphers` does.
 */
const INSECURE_SUITES: ReadonlySet<string> = new Set([
  'TLS_RSA_WITH_RC4_128_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA',
  'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
  'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
]);

function weakness(suite: string): string {
  if (suite.includes('RC4')) return 'RC4 has practically exploitable biases';
  if (suite.includes('3DES')) return '3DES has 64-bit blocks (Sweet32)';
  if (suite.endsWith('CBC_SHA256')) return 'CBC with SHA-256 has no Lucky13 countermeasures';
  return 'RSA key exchange has no forward secrecy';
}

const rule: Rule = {
  id: 'insecure-tls-version',
  severity: 'warning',
  description: 'A TLS profile allows TLS 1.2 connections to use a cipher suite that works but is weak (`enabledCiphers` naming one of Go\'s insecure suites).',
  messages: {
    insecure: '`{suite}` is allowed but insecure ({why}); TLS 1.2 connections with this profile may use it. Keep to the ECDHE suites with AES-GCM or ChaCha20-Poly1305, or leave `enabledCiphers` out for the secure defaults',
  },
  check({ config, parsed, report }) {
    for (const name of tlsProfileNames(config)) {
      const profile = obj(config.tls)[name];
      // A TLS 1.3-only profile never negotiates a TLS 1.2 suite (and 1.3 suites are not configurable).
      if (!isObj(profile) || minVersionSource(parsed, name) === '1.3') continue;
      list(profile.enabledCiphers).forEach((suite, i) => {
        if (typeof suite === 'string' && INSECURE_SUITES.has(suite)) report({ path: ['tls', name, 'enabledCiphers', i], messageId: 'insecure', data: { suite, why: weakness(suite) } });
      });
    }
  },
};
export default rule;
