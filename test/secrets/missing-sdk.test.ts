/**
 * The cloud SDKs are optional peer dependencies: without one, a provider that needs it reports the
 * `npm install` line. Proven through Node's real module loader, in a temporary project whose
 * node_modules holds every package of this one except the SDKs (no mock of our modules).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root } from '../support/built-cli.js';

const SDKS = ['node-vault', '@aws-sdk/client-secrets-manager', '@azure/identity', '@azure/keyvault-secrets'];

function projectWithoutSdks(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maverics-no-sdk-'));
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  const source = join(root, 'node_modules');
  for (const name of readdirSync(source)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      mkdirSync(join(modules, name));
      for (const inner of readdirSync(join(source, name))) {
        if (!SDKS.includes(`${name}/${inner}`)) symlinkSync(join(source, name, inner), join(modules, name, inner));
      }
    } else if (!SDKS.includes(name)) {
      symlinkSync(join(source, name), join(modules, name));
    }
  }
  return dir;
}

test('a provider whose SDK is not installed names the npm install line', () => {
  const dir = projectWithoutSdks();
  try {
    const script = `
      import { resolveSecrets } from './src/secrets/resolver.ts';
      const urls = {
        vault: 'hashivault+http://127.0.0.1:1/secret/data/m?token=t',
        aws: 'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=a&secretAccessKey=b',
        azure: 'azurekeyvault://v.vault.azure.net?clientID=c&clientSecret=s&tenantID=t',
      };
      const out = {};
      for (const [name, url] of Object.entries(urls)) {
        const r = await resolveSecrets([{ reference: 'x', path: ['x'] }], { secretProvider: url, env: {} });
        out[name] = r.problems.map((p) => [p.ruleId, p.message]);
      }
      console.log(JSON.stringify(out));`;
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    const out = JSON.parse(stdout) as Record<string, [string, string][]>;
    assert.equal(out['vault']?.[0]?.[0], 'secret-provider-error');
    assert.match(out['vault']?.[0]?.[1] ?? '', /npm install node-vault$/);
    assert.match(out['aws']?.[0]?.[1] ?? '', /npm install @aws-sdk\/client-secrets-manager$/);
    assert.match(out['azure']?.[0]?.[1] ?? '', /npm install @azure\/identity @azure\/keyvault-secrets$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
