import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { RedisAddress } from '../config/redis-address.js';

/**
 * Two questions a failed connection leaves open, answered on a raw socket: does this port speak
 * plaintext RESP (a TLS client waits forever there, because Redis ignores the ClientHello), and does
 * it speak TLS at all (a plaintext client just sees the connection reset)? Both always settle within
 * `timeoutMs` and close their socket.
 */
export function speaksPlaintextRedis(address: RedisAddress, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: address.host, port: address.port });
    let reply = '';
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d: Buffer) => {
      reply += d.toString('latin1');
      if (reply.includes('\r\n')) done(/^[+-]/.test(reply));
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(/^[+-]/.test(reply)));
  });
}

export function speaksTls(address: RedisAddress, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // Only asks whether a handshake happens; trust is the real connection's business.
    const socket = tlsConnect({ host: address.host, port: address.port, rejectUnauthorized: false });
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
