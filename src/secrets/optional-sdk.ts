/**
 * The cloud SDKs (`node-vault`, `@aws-sdk/client-secrets-manager`, `@azure/identity`,
 * `@azure/keyvault-secrets`) are optional peer dependencies: a lint-only install does without them.
 * A provider that needs one that is missing fails with the `npm install` line that fixes it.
 */
import { SecretProviderError } from './provider.js';
import { errorCode } from './providers/shared.js';

/**
 * Runs `load` (a dynamic `import()` of `packages`); when one of them is not installed, a
 * SecretProviderError naming the exact `npm install` line. Any other failure is passed on.
 */
export async function loadSdk<T>(packages: readonly string[], description: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = errorCode(error);
    const message = error instanceof Error ? error.message : '';
    // Node names the package it could not find ("Cannot find package 'node-vault' imported from …").
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && packages.some((p) => message.includes(`'${p}'`))) {
      throw new SecretProviderError(
        'unsupported',
        `${description}: this provider needs ${packages.join(' and ')}, an optional peer dependency that is not installed: npm install ${packages.join(' ')}`,
      );
    }
    throw error;
  }
}
