import { connect } from 'node:net';
import { startRelay, type Relay, type RelayOptions } from '../../src/relay/server.js';
import { silentLogger } from '../../src/relay/log.js';

/** A relay on port 0 in this process, quiet unless told otherwise. */
export function relayFor(upstream: string, options: Partial<RelayOptions> = {}): Promise<Relay> {
  return startRelay({
    host: '127.0.0.1',
    port: 0,
    upstream,
    ttlMs: 10_000,
    maxStaleMs: 86_400_000,
    maxEntries: 1000,
    maxBytes: 64 * 1024 * 1024,
    upstreamTimeoutMs: 2_000,
    upstreamConcurrency: 4,
    accessLog: false,
    log: silentLogger,
    userAgent: 'test',
    ...options,
  });
}

/**
 * Sends one raw HTTP/1.1 request (so that hostile request lines reach the server unmodified;
 * Node's client would refuse to send them) and returns the status code and body.
 */
export function rawRequest(url: string, requestLine: string, headers: string[] = [], options: { host?: boolean } = {}): Promise<{ status: number; head: string; body: string }> {
  const { hostname, port } = new URL(url);
  const host = options.host === false ? '' : `Host: ${hostname}:${port}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${requestLine}\r\n${host}${headers.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => (data += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body: Buffer.from(body, 'latin1').toString('utf8') });
    });
  });
}

/** A response body as loosely typed JSON, for assertions. */
export const json = (res: Response): Promise<any> => res.json();
