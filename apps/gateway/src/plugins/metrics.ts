import type { FastifyInstance } from 'fastify';

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * Prometheus metrics in the text exposition format, without a dependency. Label sets are
 * bounded: routes are route patterns (not URLs), groups are the ones the lag sampler knows.
 */
export class Metrics {
  private readonly counters = new Map<string, Map<string, number>>();
  private readonly gauges = new Map<string, Map<string, number>>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly help = new Map<string, [string, string]>();

  constructor() {
    this.describe('brook_gateway_http_requests_total', 'counter', 'HTTP requests answered, by method, route and status');
    this.describe('brook_gateway_http_request_duration_seconds', 'histogram', 'HTTP request duration by route');
    this.describe('brook_gateway_produced_records_total', 'counter', 'Records acknowledged by Kafka');
    this.describe('brook_gateway_kafka_produce_requests_total', 'counter', 'Produce requests sent to Kafka (after micro-batching)');
    this.describe('brook_gateway_produce_failed_records_total', 'counter', 'Records refused (validation or Kafka)');
    this.describe('brook_gateway_sse_clients', 'gauge', 'Open Server-Sent Events streams');
    this.describe('brook_gateway_sse_events_total', 'counter', 'SSE record events written');
    this.describe('brook_gateway_consumer_group_lag', 'gauge', 'Total lag per consumer group (last sample)');
    this.describe('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes');
    this.describe('nodejs_heap_used_bytes', 'gauge', 'V8 heap used in bytes');
  }

  private describe(name: string, type: string, help: string): void {
    this.help.set(name, [type, help]);
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    this.incRendered(name, labelText(labels), by);
  }

  private incRendered(name: string, key: string, by: number): void {
    let series = this.counters.get(name);
    if (!series) this.counters.set(name, (series = new Map()));
    series.set(key, (series.get(key) ?? 0) + by);
  }

  set(name: string, labels: Labels, value: number): void {
    let series = this.gauges.get(name);
    if (!series) this.gauges.set(name, (series = new Map()));
    series.set(labelText(labels), value);
  }

  clearGauge(name: string): void {
    this.gauges.get(name)?.clear();
  }

  observe(name: string, labels: Labels, seconds: number): void {
    this.observeRendered(`${name}${labelText(labels)}`, seconds);
  }

  private observeRendered(key: string, seconds: number): void {
    let histogram = this.histograms.get(key);
    if (!histogram) this.histograms.set(key, (histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= (BUCKETS[i] ?? Infinity)) histogram.counts[i] = (histogram.counts[i] ?? 0) + 1;
    histogram.sum += seconds;
    histogram.count++;
  }

  instrument(app: FastifyInstance): void {
    // Every request lands here: its series are found by a plain key rather than by rendering and escaping
    // label text each time (bounded like the label sets: methods × route patterns × statuses).
    const requests = new Map<string, string>();
    const durations = new Map<string, string>();
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const requestKey = `${request.method} ${reply.statusCode} ${route}`;
      let labels = requests.get(requestKey);
      if (labels === undefined) requests.set(requestKey, (labels = labelText({ method: request.method, route, status: String(reply.statusCode) })));
      let duration = durations.get(route);
      if (duration === undefined) durations.set(route, (duration = `brook_gateway_http_request_duration_seconds${labelText({ route })}`));
      this.incRendered('brook_gateway_http_requests_total', labels, 1);
      this.observeRendered(duration, reply.elapsedTime / 1000);
      done();
    });
  }

  render(): string {
    const memory = process.memoryUsage();
    this.set('process_resident_memory_bytes', {}, memory.rss);
    this.set('nodejs_heap_used_bytes', {}, memory.heapUsed);
    const lines: string[] = [];
    const header = (name: string): void => {
      const [type, help] = this.help.get(name) ?? ['untyped', name];
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    for (const [name, series] of [...this.counters, ...this.gauges]) {
      header(name);
      for (const [labels, value] of series) lines.push(`${name}${labels} ${value}`);
    }
    const seen = new Set<string>();
    for (const [key, histogram] of this.histograms) {
      const brace = key.indexOf('{');
      const name = brace === -1 ? key : key.slice(0, brace);
      const labels = brace === -1 ? '' : key.slice(brace + 1, -1);
      if (!seen.has(name)) {
        seen.add(name);
        header(name);
      }
      const join = (extra: string): string => `{${[labels, extra].filter(Boolean).join(',')}}`;
      BUCKETS.forEach((bound, i) => lines.push(`${name}_bucket${join(`le="${bound}"`)} ${histogram.counts[i] ?? 0}`));
      lines.push(`${name}_bucket${join('le="+Inf"')} ${histogram.count}`);
      lines.push(`${name}_sum${labels ? `{${labels}}` : ''} ${histogram.sum}`);
      lines.push(`${name}_count${labels ? `{${labels}}` : ''} ${histogram.count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
