/**
 * Which modules `import` reaches from now on, seen by a resolve hook: ESM and CommonJS alike go
 * through it for `import`, so ESM-only SDKs show too, which require.cache cannot show.
 */
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

export interface ModuleLoads {
  /** Every module URL resolved since `watchModuleLoads()`. */
  readonly urls: ReadonlySet<string>;
  /** Waits until the hook (on its own thread) has reported a URL containing `marker`; a hang guard ends the wait. */
  seen(marker: string): Promise<void>;
  /** Whether a module of the package `name` was resolved. */
  loaded(name: string): boolean;
  /** The packages under node_modules resolved so far, sorted. */
  packages(): string[];
}

export function watchModuleLoads(): ModuleLoads {
  const urls = new Set<string>();
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url: string) => urls.add(url));
  port1.unref();
  const hook = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const result = await next(specifier, context); port.postMessage(result.url); return result; }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`, { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
  return {
    urls,
    async seen(marker) {
      for (let i = 0; i < 600 && ![...urls].some((url) => url.includes(marker)); i++) await new Promise((r) => setTimeout(r, 50));
    },
    loaded: (name) => [...urls].some((url) => url.includes(`/node_modules/${name}/`)),
    packages: () => [...new Set([...urls].flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))].sort(),
  };
}
