// `npm run build` and `prepare`: generate the validator, compile TypeScript, copy the generated JS.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { generateValidator } from './generate-validator.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

await generateValidator({ force: true });
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
  stdio: 'inherit',
  cwd: root,
});
cpSync(join(root, 'src/schema/generated'), join(root, 'dist/schema/generated'), { recursive: true });
chmodSync(join(root, 'dist/cli/main.js'), 0o755);

// The executable is bundled: loading ~120 small modules (yaml alone has 74) cost ~35 ms of a
// ~55 ms start-up; one file per command cuts that to a few. dist/bin sits at the same depth as
// dist/cli, so the relative paths to package.json, schemas/ and docs/ hold in both. The heavy
// runtime clients stay external: they are only imported by `check` and `loadConfig`.
const { buildSync } = require('esbuild');
buildSync({
  entryPoints: [join(root, 'dist/cli/main.js')],
  outdir: join(root, 'dist/bin'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['ioredis', 'node-vault', '@aws-sdk/*', '@azure/*', 'ajv', 'ajv/*'],
  logLevel: 'warning',
  // yaml is CommonJS and requires Node built-ins; an ESM bundle needs a real `require` for them.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
chmodSync(join(root, 'dist/bin/main.js'), 0o755);
