/**
 * The common part of the loopback HTTPS test servers for Conjur, Delinea, CyberArk CCP and Azure Key
 * Vault: an HTTPS server on 127.0.0.1 with a certificate from the test PKI (client certificates
 * requested, checked by the subclass when its protocol needs them), a request log, in-flight
 * counters, and latency and fault injection. Faults apply to secret reads only (`isRead`), so a
 * test of "5xx then success" counts reads without the login step shifting the count; each server
 * has its own knob for failing the login.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { FaultPlan, GARBAGE_BODY } from './faults.js';
import type { TestPki } from './pki.js';
import { readBody } from './vault-server.js';

export interface LoggedHttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** A client certificate signed by the test CA was presented. */
  clientCertOk: boolean;
  read: boolean;
  /** The query string as sent (`?a=b%20c`), for servers that do not read `+` as a space. */
  rawQuery: string;
  /** When the request arrived (epoch ms), to check a client waited as told (Retry-After). */
  at: number;
}

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

export function textReply(status: number, body: string, type = 'text/plain'): Reply {
  return { status, body, headers: { 'content-type': type } };
}

export abstract class LoopbackHttpsServer {
  readonly faults = new FaultPlan();
  readonly log: LoggedHttpRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** `127.0.0.1:<port>`, the host part of a provider URL. */
  host = '';
  port = 0;

  readonly #server: Server;

  constructor(pki: TestPki) {
    this.#server = createServer(
      { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: false },
      (req, res) => void this.#handle(req, res),
    );
  }

  get requests(): number {
    return this.log.length;
  }

  /** Secret reads logged (the login and lookups excluded). */
  get reads(): number {
    return this.log.filter((r) => r.read).length;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
    this.host = `127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Keep-alive connections would hold close() open; the clients are done with them.
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  resetCounters(): void {
    this.log.length = 0;
    this.maxInFlight = 0;
  }

  /** Whether this request is a secret read (subject to fault injection and counted in `reads`). */
  protected abstract isRead(req: Omit<LoggedHttpRequest, 'read'>): boolean;
  /** The vendor's error body for an injected failure with this status. */
  protected abstract errorReply(status: number): Reply;
  protected abstract route(req: LoggedHttpRequest, body: string): Reply | Promise<Reply>;

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://loopback');
    const method = req.method ?? 'GET';
    const socket = req.socket as TLSSocket;
    const request = { method, path: url.pathname, query: url.searchParams, headers: req.headers, clientCertOk: socket.authorized === true, rawQuery: url.search, at: Date.now() };
    const entry: LoggedHttpRequest = { ...request, read: this.isRead(request) };
    this.log.push(entry);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const body = await readBody(req);
      await delayUnlessClosed(this.faults.delayMs, res);
      // A client that gave up during the delay gets nothing, and takes no fault meant for later.
      if (res.destroyed || req.socket.destroyed) return;
      let reply: Reply;
      const fault = entry.read ? this.faults.take() : undefined;
      // A kept-alive connection closed by the far end under a request: the client sees ECONNRESET.
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'garbage') reply = textReply(200, GARBAGE_BODY, 'application/json');
      else if (fault?.kind === 'fail') {
        const base = this.errorReply(fault.failure.status);
        reply = fault.failure.body === undefined ? base : { ...base, body: fault.failure.body };
      } else reply = await this.route(entry, body);
      send(res, reply);
    } catch (error) {
      send(res, textReply(500, `test server failure: ${error instanceof Error ? error.name : 'error'}`));
    } finally {
      this.inFlight--;
    }
  }
}

/**
 * Injected latency that ends early when the client goes away (it gave up, or the server stopped),
 * so a slow-server test does not keep the process alive for the full delay.
 */
function delayUnlessClosed(ms: number, res: ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, { 'content-length': Buffer.byteLength(reply.body), ...reply.headers });
  res.end(reply.body);
}
