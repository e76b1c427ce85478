/** A throwaway CA, server certificate (127.0.0.1, localhost) and client certificate made with openssl. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** A client certificate from a different CA: the server does not trust it. */
  strangerCertFile: string;
  strangerKeyFile: string;
  ca: Buffer;
  serverCert: Buffer;
  serverKey: Buffer;
  cleanup(): void;
}

export function generateTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'maverics-pki-'));
  const p = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const makeCa = (name: string): void =>
    openssl('req', '-x509', ...ecKey, '-keyout', p(`${name}.key`), '-out', p(`${name}.pem`), '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const makeLeaf = (name: string, ca: string, ext: string): void => {
    openssl('req', ...ecKey, '-keyout', p(`${name}.key`), '-out', p(`${name}.csr`), '-subj', `/CN=${name}`);
    writeFileSync(p(`${name}.ext`), ext);
    openssl('x509', '-req', '-in', p(`${name}.csr`), '-CA', p(`${ca}.pem`), '-CAkey', p(`${ca}.key`), '-CAcreateserial',
      '-out', p(`${name}.pem`), '-days', '2', '-extfile', p(`${name}.ext`));
  };
  makeCa('test-ca');
  makeCa('stranger-ca');
  makeLeaf('server', 'test-ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  makeLeaf('client', 'test-ca', 'extendedKeyUsage=clientAuth\n');
  makeLeaf('stranger', 'stranger-ca', 'extendedKeyUsage=clientAuth\n');
  return {
    dir,
    caFile: p('test-ca.pem'),
    serverCertFile: p('server.pem'),
    serverKeyFile: p('server.key'),
    clientCertFile: p('client.pem'),
    clientKeyFile: p('client.key'),
    strangerCertFile: p('stranger.pem'),
    strangerKeyFile: p('stranger.key'),
    ca: readFileSync(p('test-ca.pem')),
    serverCert: readFileSync(p('server.pem')),
    serverKey: readFileSync(p('server.key')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
