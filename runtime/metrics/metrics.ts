/**
 * The server's metrics in Prometheus's text format (version 0.0.4), served at GET /metrics:
 * counters, gauges and histograms with labels, nothing else. Small on purpose: the registry is a
 * map of series; `render()` writes them sorted, so scrapes are stable.
 */

type Labels = Record<string, string>;

interface Series {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  value(labels?: Labels): number;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  inc(labels?: Labels, by?: number): void;
  value(labels?: Labels): number;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
  /** Observations so far and their sum. */
  count(labels?: Labels): number;
  sum(labels?: Labels): number;
}

export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string): Gauge;
  histogram(name: string, help: string, buckets: readonly number[]): Histogram;
  /** Gauges read when scraped. */
  collect(name: string, help: string, read: () => number): void;
  render(): string;
}

const key = (labels: Labels = {}) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');

export function createMetricsRegistry(): MetricsRegistry {
  const series: Array<Series & { lines: () => string[] }> = [];
  const add = (s: Series, lines: () => string[]) => {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(s.name)) throw new Error(`"${s.name}" is not a Prometheus metric name.`);
    if (series.some((x) => x.name === s.name)) throw new Error(`The metric ${s.name} is registered twice.`);
    series.push({ ...s, lines });
  };
  const braces = (k: string) => (k ? `{${k}}` : '');
  return {
    counter(name, help) {
      const values = new Map<string, number>();
      add({ name, help, type: 'counter' }, () => [...values].map(([k, v]) => `${name}${braces(k)} ${v}`));
      return {
        inc: (labels, by = 1) => void values.set(key(labels), (values.get(key(labels)) ?? 0) + by),
        value: (labels) => values.get(key(labels)) ?? 0,
      };
    },
    gauge(name, help) {
      const values = new Map<string, number>();
      add({ name, help, type: 'gauge' }, () => [...values].map(([k, v]) => `${name}${braces(k)} ${v}`));
      return {
        set: (value, labels) => void values.set(key(labels), value),
        inc: (labels, by = 1) => void values.set(key(labels), (values.get(key(labels)) ?? 0) + by),
        value: (labels) => values.get(key(labels)) ?? 0,
      };
    },
    histogram(name, help, buckets) {
      const bounds = [...buckets].sort((a, b) => a - b);
      const values = new Map<string, { counts: number[]; sum: number; count: number }>();
      add({ name, help, type: 'histogram' }, () =>
        [...values].flatMap(([k, h]) => {
          const sep = k ? `${k},` : '';
          let cumulative = 0;
          return [
            ...bounds.map((b, i) => `${name}_bucket{${sep}le="${b}"} ${(cumulative += h.counts[i])}`),
            `${name}_bucket{${sep}le="+Inf"} ${h.count}`,
            `${name}_sum${braces(k)} ${h.sum}`,
            `${name}_count${braces(k)} ${h.count}`,
          ];
        }),
      );
      const get = (labels?: Labels) => {
        let h = values.get(key(labels));
        if (!h) values.set(key(labels), (h = { counts: bounds.map(() => 0), sum: 0, count: 0 }));
        return h;
      };
      return {
        observe(value, labels) {
          const h = get(labels);
          const i = bounds.findIndex((b) => value <= b);
          if (i >= 0) h.counts[i]++;
          h.sum += value;
          h.count++;
        },
        count: (labels) => values.get(key(labels))?.count ?? 0,
        sum: (labels) => values.get(key(labels))?.sum ?? 0,
      };
    },
    collect(name, help, read) {
      add({ name, help, type: 'gauge' }, () => [`${name} ${read()}`]);
    },
    render() {
      return `${[...series]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .flatMap((s) => [`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`, ...s.lines()])
        .join('\n')}\n`;
    },
  };
}

/** The stream server's series, made once per process. */
export function createStreamMetrics(registry: MetricsRegistry = createMetricsRegistry()) {
  return {
    registry,
    streams: registry.gauge('worldsmith_streams', 'Clients being streamed frames now, by frame source.'),
    rooms: registry.gauge('worldsmith_rooms', 'World rooms open in this process.'),
    framesSent: registry.counter('worldsmith_frames_sent_total', 'Frames sent to clients, by frame source.'),
    deliveredFps: registry.gauge('worldsmith_delivered_fps', 'Frames per second delivered per stream over the last second (mean over streams), by frame source.'),
    framesDropped: registry.counter('worldsmith_frames_dropped_total', 'Frames made but not sent, by reason (backpressure: the client is not reading; superseded: a newer frame came first).'),
    ticksSkipped: registry.counter('worldsmith_ticks_skipped_total', 'Simulation ticks whose frames were not made because the previous batch was still running (the frame budget at work).'),
    bytesSent: registry.counter('worldsmith_frame_bytes_sent_total', 'Bytes of frame messages sent.'),
    messagesDropped: registry.counter('worldsmith_messages_dropped_total', 'Client messages refused, by reason (malformed, unknown, stale).'),
    clientsCut: registry.counter('worldsmith_clients_cut_off_total', 'Clients disconnected by the server, by reason.'),
    latency: registry.histogram('worldsmith_action_to_frame_seconds', 'From an action message arriving to the first frame sent that applies it.', [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2]),
    batchSize: registry.histogram('worldsmith_inference_batch_size', 'Streams stepped in one world-model call.', [1, 2, 4, 8, 16, 32, 64]),
    batchSeconds: registry.histogram('worldsmith_frame_batch_seconds', 'Time to make one batch of frames (model step or render), by source.', [0.002, 0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.2, 0.5, 1]),
    encodeSeconds: registry.histogram('worldsmith_frame_encode_seconds', 'Time to encode one frame (JPEG or WebP).', [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05]),
    roomErrors: registry.counter('worldsmith_room_errors_total', 'Exceptions caught in room handlers and ticks, by method (logged; the process stays up).'),
    anchors: registry.counter('worldsmith_model_anchors_total', 'Rendered frames the world model was re-anchored on.'),
  };
}

export type StreamMetrics = ReturnType<typeof createStreamMetrics>;
