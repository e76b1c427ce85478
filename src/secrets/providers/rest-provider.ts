import type { SecretProvider } from '../provider.js';
import type { SecretValue } from '../../base/secret-value.js';
import type { HttpsTransport } from './https-transport.js';

/**
 * What the REST providers (Conjur, Delinea, CyberArk CCP) share: a parsed URL config, one HTTPS
 * transport, and closing it. The resolver races every lookup against its deadline.
 */
export abstract class RestProvider<Config> implements SecretProvider {
  readonly description: string;
  protected readonly config: Config;
  protected readonly http: HttpsTransport;
  protected closed = false;
  /** The clock token lifetimes are measured with. */
  protected readonly now: () => number;

  constructor(config: Config, http: HttpsTransport, description: string, now: () => number = Date.now) {
    this.config = config;
    this.http = http;
    this.description = description;
    this.now = now;
  }

  get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    return this.lookup(key, signal);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.http.close();
  }

  /** One secret by key: undefined when the service says it does not exist, a SecretProviderError otherwise. */
  protected abstract lookup(key: string, signal: AbortSignal): Promise<SecretValue | undefined>;
}
