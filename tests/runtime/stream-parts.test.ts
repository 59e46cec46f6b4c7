/** The stream server's parts on their own: join tokens, the frame header, metrics text, message checks, the frame sender. */
import { describe, expect, it } from 'vitest';
import { decodeFrameHeader, encodeFrameHeader, FRAME_HEADER_BYTES, NO_ACTION } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { createTokenIssuer } from '../../runtime/auth/join-token.ts';
import { createMetricsRegistry } from '../../runtime/metrics/metrics.ts';
import { createRateLimiter, readActionMessage, readJoinOptions } from '../../runtime/streams/client-messages.ts';
import { createFrameSender, type OutgoingFrame } from '../../runtime/streams/frame-sender.ts';

describe('join tokens', () => {
  it('verify for their world until they expire, and name what is wrong otherwise', () => {
    let now = 1_000_000;
    const issuer = createTokenIssuer('a secret of at least sixteen bytes', () => now);
    const { token, expiresAt } = issuer.issue({ worldId: 'world-1-aaaaaaaa', subject: 'ann' }, 60_000);
    expect(expiresAt).toBe(1_060_000);
    expect(issuer.verify(token, 'world-1-aaaaaaaa')).toEqual({ worldId: 'world-1-aaaaaaaa', subject: 'ann', expiresAt });
    expect(() => issuer.verify(token, 'world-2-bbbbbbbb')).toThrow(/TOKEN_WORLD|is for world/);
    expect(() => createTokenIssuer('another secret of sixteen bytes').verify(token, 'world-1-aaaaaaaa')).toThrow(/bad signature/);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), w: 'world-2-bbbbbbbb' })).toString('base64url');
    expect(() => issuer.verify(`${forged}.${signature}`, 'world-2-bbbbbbbb')).toThrow(/bad signature/);
    expect(() => issuer.verify(undefined, 'world-1-aaaaaaaa')).toThrow(/needs a token/);
    now = 1_060_000;
    expect(() => issuer.verify(token, 'world-1-aaaaaaaa')).toThrow(/expired/);
    expect(() => createTokenIssuer('short')).toThrow(/at least 16/);
  });
});

describe('frame header', () => {
  it('round-trips every field and refuses what is not a frame', () => {
    const h = { version: 1, format: 'webp' as const, width: 128, height: 64, flags: 5, frameSeq: 42, tick: 9001, lastActionSeq: NO_ACTION, quality: 55, pose: [1.5, -2.25, 3, 0.5, -0.25] as [number, number, number, number, number] };
    const bytes = encodeFrameHeader(h);
    expect(bytes.length).toBe(FRAME_HEADER_BYTES);
    expect(decodeFrameHeader(bytes)).toEqual(h);
    expect(() => decodeFrameHeader(new Uint8Array(10))).toThrow(/at least 48/);
    expect(() => decodeFrameHeader(new Uint8Array(48))).toThrow(/magic/);
  });
});

describe('client messages', () => {
  it('takes well-formed rising actions (clamped) and refuses the rest', () => {
    expect(readActionMessage({ seq: 3, action: [2, -0.5, 0, -9] }, 2)).toEqual({ ok: true, seq: 3, action: [1, -0.5, 0, -1] });
    expect(readActionMessage({ seq: 2, action: [0, 0, 0, 0] }, 2)).toEqual({ ok: false, reason: 'stale' });
    for (const bad of [null, [], 'x', { seq: 1.5, action: [0, 0, 0, 0] }, { seq: 1, action: [0, 0, 0] }, { seq: 1, action: [0, 0, 0, Infinity] }, { seq: 1, action: '0000' }]) {
      expect(readActionMessage(bad, -1)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('reads join options with defaults and names the bad field', () => {
    const allowed = { tickRate: 20, sizes: [64, 128], defaultSize: 64 };
    expect(readJoinOptions({ name: ' ann\u0007 ' }, allowed)).toEqual({ fps: 20, format: 'jpeg', quality: 75, size: 64, name: 'ann' });
    expect(() => readJoinOptions({ fps: 30 }, allowed)).toThrow(/"fps"/);
    expect(() => readJoinOptions({ format: 'gif' }, allowed)).toThrow(/"format"/);
    expect(() => readJoinOptions({ size: 256 }, allowed)).toThrow(/"size".*64 or 128/);
    expect(() => readJoinOptions({ quality: 0 }, allowed)).toThrow(/"quality"/);
  });

  it('limits a message rate with bursts', () => {
    let t = 0;
    const limiter = createRateLimiter(10, 20, () => t);
    let taken = 0;
    for (let i = 0; i < 100; i++) taken += limiter.take() ? 1 : 0;
    expect(taken).toBe(20);
    t = 1000;
    taken = 0;
    for (let i = 0; i < 100; i++) taken += limiter.take() ? 1 : 0;
    expect(taken).toBe(10);
  });
});

describe('metrics', () => {
  it('writes counters, gauges and cumulative histograms in Prometheus text', () => {
    const m = createMetricsRegistry();
    m.counter('a_total', 'A.').inc({ reason: 'x"y' }, 2);
    m.gauge('b', 'B.').set(3);
    const h = m.histogram('c_seconds', 'C.', [0.1, 1]);
    h.observe(0.05);
    h.observe(0.5);
    h.observe(5);
    expect(m.render()).toBe(
      [
        '# HELP a_total A.',
        '# TYPE a_total counter',
        'a_total{reason="x\\"y"} 2',
        '# HELP b B.',
        '# TYPE b gauge',
        'b 3',
        '# HELP c_seconds C.',
        '# TYPE c_seconds histogram',
        'c_seconds_bucket{le="0.1"} 1',
        'c_seconds_bucket{le="1"} 2',
        'c_seconds_bucket{le="+Inf"} 3',
        'c_seconds_sum 5.55',
        'c_seconds_count 3',
        '',
      ].join('\n'),
    );
    expect(() => m.counter('a_total', 'again')).toThrow(/twice/);
  });
});

describe('frame sender', () => {
  const frame = (tick: number): OutgoingFrame => ({ rgb: new Uint8Array(16 * 16 * 3).fill(tick % 255), width: 16, height: 16, flags: 0, tick, pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 }, lastActionSeq: tick - 1 });
  const settle = () => new Promise((r) => setTimeout(r, 30));

  it('sends its share of the ticks, drops and lowers quality under backpressure, and never queues', async () => {
    const sent: Uint8Array[] = [];
    let buffered = 0;
    const dropped: string[] = [];
    const sender = createFrameSender({ fps: 10, tickRate: 20, format: 'jpeg', quality: 80, bufferedBytes: () => buffered, send: (b) => sent.push(b), onDropped: (r) => dropped.push(r) });
    for (let t = 1; t <= 10; t++) {
      sender.offer(frame(t), false);
      await settle();
    }
    expect(sent.length).toBe(5);
    const header = decodeFrameHeader(sent[0]);
    expect(header).toMatchObject({ frameSeq: 1, width: 16, height: 16, quality: 80, format: 'jpeg' });
    buffered = 10 ** 7;
    for (let t = 11; t <= 20; t++) {
      sender.offer(frame(t), false);
      await settle();
    }
    expect(sent.length).toBe(5);
    expect(dropped.filter((d) => d === 'backpressure').length).toBe(5);
    expect(sender.quality).toBeLessThan(80);
    buffered = 0;
    // Offered faster than it can encode: only the newest waits, the rest are superseded.
    const fast = createFrameSender({ fps: 20, tickRate: 20, format: 'webp', quality: 50, bufferedBytes: () => 0, send: (b) => sent.push(b), onDropped: (r) => dropped.push(r) });
    const before = sent.length;
    for (let t = 1; t <= 10; t++) fast.offer(frame(t), false);
    await new Promise((r) => setTimeout(r, 200));
    expect(sent.length - before).toBe(2);
    expect(decodeFrameHeader(sent.at(-1)!)).toMatchObject({ tick: 10, format: 'webp' });
    expect(dropped.filter((d) => d === 'superseded').length).toBe(8);
  });
});
