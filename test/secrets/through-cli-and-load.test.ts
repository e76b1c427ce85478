/**
 * What the secrets layer promises, seen where users meet it: `maverics-config check` (the real CLI)
 * and `loadConfig`. Strata's documented Vault reference resolves through both; a secret file that
 * never finishes reading (a FIFO) leaves both to end on their own.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig } from '../../src/index.js';
import { root, runCliAsync } from '../support/cli.js';
import { HANG_GUARD_MS, settles } from '../support/resolver-assertions.js';
import { VaultTestServer } from '../support/vault-server.js';

const dir = mkdtempSync(join(tmpdir(), 'maverics-secrets-e2e-'));
const CLIENT_SECRET = 'documented-client-SeCrEt';
const config = 'version: 1\nconnectors:\n  - name: idp\n    type: oidc\n    oidcWellKnownURL: https://idp.example.com/.well-known/openid-configuration\n    oauthClientID: orchestrator\n    oauthClientSecret: <maverics.client_secret>\n';
const configFile = join(dir, 'maverics.yaml');
writeFileSync(configFile, config);
let vault: VaultTestServer;
let documentedUrl = '';

test.before(async () => {
  vault = await new VaultTestServer().start();
  vault.addToken('root-token').mount('secret', 2).put('secret', 'maverics', { client_secret: CLIENT_SECRET });
  // Strata's HashiCorp Vault page: the URL names secret/data/maverics, the reference its key.
  documentedUrl = `hashivault+http://${vault.url}/secret/data/maverics?token=root-token`;
});

test.after(async () => {
  await vault.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('<maverics.client_secret> against …/secret/data/maverics resolves through check', async () => {
  const r = await runCliAsync(['check', '--secret-provider', documentedUrl, configFile]);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.not.match(r.stdout + r.stderr, new RegExp(CLIENT_SECRET));
});

test('<maverics.client_secret> against …/secret/data/maverics resolves through loadConfig', async () => {
  const { registry, diagnostics } = await loadConfig({ text: config, secretProvider: documentedUrl });
  try {
    assert.equal(diagnostics.filter((d) => d.severity === 'error'), []);
  } finally {
    await registry.close();
  }
});

test('a FIFO as the secret file: check reports it and exits on its own', async () => {
  const fifo = join(dir, 'check.fifo');
  execFileSync('mkfifo', [fifo]);
  const r = await settles(runCliAsync(['check', '--secret-provider', `secretfile://${fifo}`, configFile]), 'check with a FIFO secret file');
  assert.is(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /secret-provider-error/);
  assert.match(r.stdout, /not a regular file/);
});

test('a FIFO as the secret file: loadConfig rejects and the process exits on its own', async () => {
  const fifo = join(dir, 'load.fifo');
  execFileSync('mkfifo', [fifo]);
  const script = `
    import { loadConfig } from ${JSON.stringify(join(root, 'src/index.ts'))};
    await loadConfig({ text: ${JSON.stringify(config)}, secretProvider: ${JSON.stringify(`secretfile://${fifo}`)} }).then(
      () => console.log('resolved'),
      (error) => console.log('rejected', error.name),
    );`;
  const { code, out } = await settles(
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      // The hang guard below kills nothing: a child still alive after it is the failure.
      const timer = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS + 1000);
      child.on('close', (exit) => {
        clearTimeout(timer);
        resolve({ code: exit, out });
      });
    }),
    'loadConfig with a FIFO secret file',
  );
  assert.match(out, /^rejected /);
  assert.is(code, 0);
});

test.run();
