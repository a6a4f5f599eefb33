// The node-redis client as the relay uses it: the commands it calls, typed by hand; its two
// connections (commands, and pub/sub) with their reconnection back-off; what a reply may be; its
// errors as they may be logged.
import { createClient, RESP_TYPES } from '@redis/client';

/**
 * The commands used here, typed by hand. node-redis's own client type is generic over modules,
 * functions, scripts, RESP version and type mapping, and instantiating it makes every
 * type-check of the project pay for the few calls made here.
 */
export interface Connection {
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  destroy(): void;
  on(event: 'ready' | 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  off(event: 'ready' | 'error', listener: (...args: never[]) => void): unknown;
  get(key: string): Promise<unknown>;
  pTTL(key: string): Promise<unknown>;
  set(key: string, value: string | Buffer, options: { PX: number; NX?: boolean }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  withTypeMapping(mapping: object): Connection;
}
const connection = createClient as unknown as (options: object) => Connection;

/** Reconnection back-off: 50 ms doubling up to 2 s, with jitter so that instances spread out. */
const reconnectStrategy = (retries: number) => Math.round(Math.min(50 * 2 ** retries, 2_000) * (0.75 + Math.random() * 0.25));
const socket = { connectTimeout: 2_000, reconnectStrategy };

/** The connection for commands: no offline queue (a call while disconnected fails at once), strings as bytes. */
export const commandConnection = (url: string): Connection =>
  connection({ url, disableOfflineQueue: true, socket }).withTypeMapping({
    [RESP_TYPES.BLOB_STRING]: Buffer,
  });

/** Pub/sub needs a connection of its own. Its SUBSCRIBE may wait for a connection; node-redis renews it on every reconnection. */
export const subscriberConnection = (url: string): Connection => connection({ url, socket });

/** A string reply (as bytes), or nothing. */
export type Reply = Buffer | null;
export const isReply = (value: unknown): value is Reply => value === null || Buffer.isBuffer(value);

/** A reply of a type the command does not give: a server that is not Redis, or misbehaves. */
export class Malformed extends Error {
  constructor(what: string) {
    super(`malformed reply to ${what}`);
  }
}

/** The text of an error of a connection to `url`, without the URL's password (as written or decoded). */
export function errorText(url: string): (error: unknown) => string {
  const secrets = secretsOf(url);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  return (error) => scrub((error as Error)?.message || String(error));
}

function secretsOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [...new Set([password, decodeURIComponent(password)])] : [];
  } catch {
    return [];
  }
}
