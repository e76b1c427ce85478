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
