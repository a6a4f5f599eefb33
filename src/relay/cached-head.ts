// The response head of a cached answer, made once per cache entry as the flat array writeHead
// takes, so that answering a hit builds no object and spreads nothing (handler.ts).
import type { CacheResult } from './cache.js';
import { JSON_TYPE, SECURITY_HEADERS } from './headers.js';

const SECURITY_FLAT: string[] = Object.entries(SECURITY_HEADERS).flat();

// Where the values that change per request sit in a cached answer's header array.
const X_CACHE = 3 + SECURITY_FLAT.length + 2;
const AGE = X_CACHE + 2;
const CACHE_CONTROL = AGE + 2;

/**
 * A cached answer's response headers, made once per entry, in this order: content-type,
 * content-length, the security headers, x-cache, age, cache-control.
 * The array is filled in and handed to writeHead, which copies it into the response head at once.
 * The texts of age and max-age are remade only when their number changes (once a second at most).
 */
export class CachedHead {
  readonly headers: Array<string | number>;
  private age = -1;
  private maxAge = -1;

  constructor(body: Buffer) {
    this.headers = ['content-type', JSON_TYPE, 'content-length', body.length, ...SECURITY_FLAT, 'x-cache', '', 'age', '', 'cache-control', ''];
  }

  fill(result: CacheResult, age: number, maxAge: number): Array<string | number> {
    const headers = this.headers;
    headers[X_CACHE] = result;
    if (age !== this.age) headers[AGE] = String((this.age = age));
    if (maxAge !== this.maxAge) headers[CACHE_CONTROL] = `max-age=${(this.maxAge = maxAge)}`;
    return headers;
  }
}
