import type { SecretProvider } from '../provider.js';
import type { SecretValue } from '../secret-value.js';
import type { HttpsTransport } from './https-transport.js';
import { raceAbort } from './shared.js';

/**
 * What the REST providers (Conjur, Delinea, CyberArk CCP) share: a parsed URL config, one HTTPS
 * transport, the deadline race around every lookup, and closing the transport.
 */
export abstract class RestProvider<Config> implements SecretProvider {
  readonly description: string;
  protected readonly config: Config;
  protected readonly http: HttpsTransport;
  protected closed = false;

  constructor(config: Config, http: HttpsTransport, description: string) {
    this.config = config;
    this.http = http;
    this.description = description;
  }

  get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    return raceAbort(this.lookup(key, signal), signal, `${this.description}: reading ${key}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.http.close();
  }

  /** One secret by key: undefined when the service says it does not exist, a SecretProviderError otherwise. */
  protected abstract lookup(key: string, signal: AbortSignal): Promise<SecretValue | undefined>;
}
