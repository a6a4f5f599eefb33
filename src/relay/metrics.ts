// Prometheus metrics for GET /-/metrics. The hot path only bumps plain integers; prom-client
// reads them when scraped, so a request pays no label hashing.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RelayCache } from './cache.js';
import type { SharedStore } from './shared.js';

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(cache: RelayCache, shared?: SharedStore) {
  const registry = new Registry();
  // Answers by status, indexed by the status code (100-599): one array store per request.
  const byStatus: number[] = new Array<number>(600).fill(0);
  const upstream = { ok: 0, error: 0 };

  new Counter({
    name: 'relay_requests_total',
    help: 'Requests answered, by HTTP status',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      this.reset();
      for (let status = 100; status < 600; status++) if (byStatus[status]! > 0) this.inc({ status: String(status) }, byStatus[status]!);
    },
  });
  new Counter({
    name: 'relay_cache_lookups_total',
    help: 'Cache lookups, by result',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ result: 'hit' }, cache.stats.hits);
      this.inc({ result: 'miss' }, cache.stats.misses);
      this.inc({ result: 'stale' }, cache.stats.stale);
    },
  });
  new Counter({
    name: 'relay_upstream_requests_total',
    help: 'Requests sent upstream, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ outcome: 'ok' }, upstream.ok);
      this.inc({ outcome: 'error' }, upstream.error);
    },
  });
  const upstreamSeconds = new Histogram({
    name: 'relay_upstream_duration_seconds',
    help: 'Upstream request latency',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'relay_cache_entries',
    help: 'Entries in the memory cache',
    registers: [registry],
    collect() {
      this.set(cache.size);
    },
  });
  new Gauge({
    name: 'relay_cache_bytes',
    help: 'Approximate bytes held by the memory cache',
    registers: [registry],
    collect() {
      this.set(cache.bytes);
    },
  });

  if (shared) {
    new Counter({
      name: 'relay_redis_errors_total',
      help: 'Redis calls that failed or timed out, failed probes and connection errors',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(shared.errors);
      },
    });
    new Gauge({
      name: 'relay_redis_up',
      help: '1 while the shared Redis answers, else 0',
      registers: [registry],
      collect() {
        this.set(shared.up ? 1 : 0);
      },
    });
  }

  return {
    request(status: number) {
      byStatus[status]!++;
    },
    upstream(ok: boolean, seconds: number) {
      upstream[ok ? 'ok' : 'error']++;
      upstreamSeconds.observe(seconds);
    },
    get upstreamCalls() {
      return upstream.ok + upstream.error;
    },
    contentType: registry.contentType,
    text: () => registry.metrics(),
  };
}
