// A stand-in for the public lunch-menu API: a real HTTP server on port 0, built from the real
// restaurant list (test/fixtures/restaurants.json, copied from shared/api), with invented dishes,
// both deployment variants, a call counter, latency and fault switches.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export const RESTAURANTS: Array<Record<string, unknown> & { identifier: string; name: string; region: string }> = JSON.parse(
  readFileSync(new URL('../fixtures/restaurants.json', import.meta.url), 'utf8'),
).restaurants;

/** Realistic dishes: å/ä/ö, long names, blanks and duplicates (which the tool must drop). */
export const DISHES: Record<string, string[]> = {
  bikupan: ['Köttbullar med gräddsås, potatismos och rårörda lingon', '  ', 'Vegansk linsgryta med kokosmjölk och koriander', 'Köttbullar med gräddsås, potatismos och rårörda lingon'],
  dufva: ['Pytt i panna med rödbetor', ' ', 'Falafel med tahinisås'],
  jons: ['Stekt strömming med potatismos och lingon', 'Kyckling curry med jasminris'],
  jorpes: ['Ugnsbakad lax med dillsås och kokt potatis', 'Vegansk chili sin carne'],
  hubben: ['Kycklinggryta med curry och ris', 'Halloumiburgare 🍔 med pommes'],
  svarta: ['Räksmörgås med ägg och majonnäs'],
  livet: ['Pasta carbonara', 'Vegansk pasta med svamp och tryffel, serveras med ruccolasallad, rostade pinjenötter och ett glas hemgjord lemonad (laktosfri)'],
  nanna: ['Lax med citronsås'],
  omni: ['Raggmunk med fläsk och lingon'],
  rudbeck: ['Vegetarisk lasagne', 'Fiskgratäng med räkor'],
  elma: ['Grillad kyckling med tzatziki'],
  glada: ['Dagens soppa: ärtsoppa med pannkakor'],
  haga: ['Hamburgare med pommes frites'],
  kraemer: ['Wallenbergare med potatispuré och gröna ärtor'],
  maethai: ['Pad thai med kyckling', 'Vegansk grön curry'],
  street: ['Tacos al pastor', 'Vegansk burrito'],
  biomedicum: [],
  delta: [],
};

export type Fault =
  | 'none'
  | '500'
  | '503'
  | '429'
  | '429-long'
  | 'html'
  | 'truncated'
  | 'wrong-shape'
  | 'hang'
  | 'reset'
  | '404'
  /** A 503 whose reason phrase carries terminal escapes (written raw: Node refuses to send it). */
  | '503-hostile'
  /** 200 JSON with a content type that also names HTML. */
  | 'html-type'
  /** 200 gzip that inflates to 20 MB. */
  | 'gzip-bomb'
  /** 200 with a 9 MB body. */
  | 'huge'
  /**
   * 200 with one malformed record before the good ones: the list gets a restaurant with the
   * identifier `..` (MALFORMED_RESTAURANT), a menu a dish that is not text (MALFORMED_DISH).
   */
  | 'malformed-record';

export const MALFORMED_RESTAURANT = { identifier: '..', name: 'Up a level', region: 'Uppsala', coordinate: [59.84, 17.64] };
export const MALFORMED_DISH = { dish: { sv: 'Fiskgratäng' } };

/** What a hostile upstream puts in a reason phrase. */
export const HOSTILE_REASON = 'Service \u001b]8;;http://evil/\u0007Unavailable\u001b]8;;\u0007\u001b[2J';

export interface MenuApi {
  url: string;
  server: Server;
  /** Requests received, by path (including retries). */
  calls: Map<string, number>;
  totalCalls(): number;
  maxInFlight: number;
  lastHeaders: Record<string, string | string[] | undefined>;
  /** 'new' (JSON 404, no osm/url) or 'old' (top-level url, osm, HTML 404). */
  variant: 'new' | 'old';
  latencyMs: number;
  /** While set, every answer waits for it (a test opens the gate when it has seen what it waits for). */
  gate: Promise<void> | undefined;
  /** Fault for every path, or per path (e.g. '/restaurant/bikupan'). */
  fault: Fault;
  faults: Map<string, Fault>;
  dishes: Record<string, unknown[]>;
  /** The restaurant list served (the real one unless a test replaces it). */
  restaurants: typeof RESTAURANTS;
  reset(): void;
  close(): Promise<void>;
}

export async function startMenuApi(options: Partial<Pick<MenuApi, 'variant' | 'latencyMs'>> & { port?: number } = {}): Promise<MenuApi> {
  let inFlight = 0;
  const sockets = new Set<import('node:net').Socket>();
  const api: MenuApi = {
    url: '',
    server: undefined as unknown as Server,
    calls: new Map(),
    totalCalls: () => [...api.calls.values()].reduce((a, b) => a + b, 0),
    maxInFlight: 0,
    lastHeaders: {},
    variant: options.variant ?? 'new',
    latencyMs: options.latencyMs ?? 0,
    gate: undefined,
    fault: 'none',
    faults: new Map(),
    dishes: structuredClone(DISHES),
    restaurants: structuredClone(RESTAURANTS),
    reset() {
      api.calls.clear();
      api.maxInFlight = 0;
      api.fault = 'none';
      api.faults.clear();
      api.latencyMs = options.latencyMs ?? 0;
      api.gate = undefined;
      api.dishes = structuredClone(DISHES);
      api.restaurants = structuredClone(RESTAURANTS);
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        api.server.close(() => resolve());
      }),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    api.calls.set(path, (api.calls.get(path) ?? 0) + 1);
    api.lastHeaders = req.headers;
    inFlight++;
    api.maxInFlight = Math.max(api.maxInFlight, inFlight);
    try {
      if (api.latencyMs) await new Promise((r) => setTimeout(r, api.latencyMs));
      if (api.gate) await api.gate;
      const fault = api.faults.get(path) ?? api.fault;
      if (fault === 'hang') return; // never answers; the socket is destroyed on close()
      if (fault === 'reset') return req.socket.destroy();
      if (fault === '500' || fault === '503') return send(res, Number(fault), { detail: 'Internal Server Error' });
      if (fault === '429') return send(res, 429, { detail: 'Too Many Requests' }, { 'retry-after': '0' });
      if (fault === '429-long') return send(res, 429, { detail: 'Too Many Requests' }, { 'retry-after': '3600' });
      if (fault === 'html') return sendRaw(res, 200, 'text/html', '<!doctype html><title>Maintenance</title><h1>Back soon</h1>');
      if (fault === 'truncated') return sendRaw(res, 200, 'application/json', '{"restaurants": [{"identifier": "bik');
      if (fault === 'wrong-shape') return send(res, 200, { restaurants: 'none today', restaurant: [1, 2, 3] });
      if (fault === '404') return notFound(res);
      if (fault === '503-hostile') {
        const body = '{"detail":"down"}';
        return void req.socket.end(`HTTP/1.1 503 ${HOSTILE_REASON}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
      }
      if (fault === 'html-type') return sendRaw(res, 200, 'application/json, text/html', JSON.stringify({ restaurants: '<script>alert(1)</script>' }));
      if (fault === 'gzip-bomb') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return void res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)));
      }
      if (fault === 'huge') return sendRaw(res, 200, 'application/json', `{"restaurants": [], "pad": "${'x'.repeat(9 * 1024 * 1024)}"}`);
      route(path, req, res, fault === 'malformed-record');
    } finally {
      inFlight--;
    }
  };

  const withUrl = (req: IncomingMessage, body: Record<string, unknown>) =>
    api.variant === 'old' ? { ...body, url: `http://${req.headers.host}${req.url}` } : body;

  const notFound = (res: ServerResponse) =>
    api.variant === 'old'
      ? sendRaw(res, 404, 'text/html', '<html><body><h1>Not Found</h1></body></html>')
      : send(res, 404, { detail: 'Restaurant not found' });

  const route = (path: string, req: IncomingMessage, res: ServerResponse, malformed = false) => {
    const normal = path.replace(/\/+$/, '') || '/';
    if (normal === '/restaurant') {
      const restaurants = api.restaurants.map((r) => {
        if (api.variant === 'new') return r;
        const [lat, lon] = r.coordinate as [number, number];
        return { ...r, osm: `https://www.openstreetmap.org/#map=19/${lat}/${lon}` };
      });
      return send(res, 200, withUrl(req, { restaurants: malformed ? [MALFORMED_RESTAURANT, ...restaurants] : restaurants }));
    }
    const m = normal.match(/^\/restaurant\/([^/]+)$/);
    if (m) {
      const r = api.restaurants.find((x) => x.identifier === decodeURIComponent(m[1]!));
      if (!r) return notFound(res);
      const [lat, lon] = r.coordinate as [number, number];
      const menu = [...(malformed ? [MALFORMED_DISH] : []), ...(api.dishes[r.identifier] ?? []).map((d) => (typeof d === 'string' ? { dish: d } : d))];
      return send(
        res,
        200,
        withUrl(req, {
          restaurant: { title: r.name, location: r.region, url: r.homepage, map_url: (r.map_url as string | undefined) ?? `https://www.openstreetmap.org/#map=19/${lat}/${lon}`, menu },
        }),
      );
    }
    if (normal === '/') return send(res, 200, withUrl(req, { message: 'lunch menu API' }));
    return notFound(res);
  };

  api.server = createServer((req, res) => void handle(req, res));
  api.server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => api.server.listen(options.port ?? 0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  return api;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  sendRaw(res, status, 'application/json', JSON.stringify(body), headers);
}

function sendRaw(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

/**
 * A URL on which nothing listens, for "connection refused", that no other test can take: this
 * file holds a port on 127.0.0.1, and the URL names the same port on 127.0.0.2 (also this
 * machine's loopback), where nothing listens. Freeing a port and reusing its number would race
 * with the other test worker.
 */
export async function closedPortUrl(): Promise<string> {
  heldPort ??= (async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    server.unref();
    return (server.address() as AddressInfo).port;
  })();
  return `http://127.0.0.2:${await heldPort}`;
}

let heldPort: Promise<number> | undefined;
