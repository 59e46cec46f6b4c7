/**
 * A sound track as a 16-bit PCM WAV file, in memory: the canonical 44-byte RIFF header, then
 * little-endian interleaved samples. Quantised with TPDF dither (the sum of two uniform draws, ±1
 * LSB peak, from a seeded Rng), which turns quantisation distortion into a steady, signal-free hiss
 * at −98 dBFS; same sound track and seed ⇒ same bytes.
 */
import { Rng } from '../seed/rng.ts';
import { AudioError } from './audio-error.ts';
import type { Soundtrack } from './soundtrack.ts';

export const WAV_HEADER_BYTES = 44;

export interface EncodeWavOptions {
  /** Seed of the dither noise. */
  ditherSeed?: number;
}

export function encodeWav(soundtrack: Soundtrack, options: EncodeWavOptions = {}): Uint8Array {
  const { sampleRate, channels, samples } = soundtrack;
  if (samples.length % channels !== 0) {
    throw new AudioError('AUDIO_OPTIONS', `encodeWav: ${samples.length} samples do not divide into ${channels} channels; pass a Soundtrack from mixSoundtrack.`);
  }
  const dataBytes = samples.length * 2;
  if (WAV_HEADER_BYTES + dataBytes > 0xffff_ffff) {
    throw new AudioError('AUDIO_OPTIONS', `encodeWav: ${dataBytes} bytes of audio exceed the 4 GiB a WAV file can hold; render shorter pieces.`);
  }
  const bytes = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  const rng = new Rng(options.ditherSeed ?? 0).fork('dither');
  for (let i = 0; i < samples.length; i++) {
    const dither = rng.float() - rng.float();
    const value = Math.round(samples[i] * 32767 + dither);
    view.setInt16(WAV_HEADER_BYTES + 2 * i, value > 32767 ? 32767 : value < -32768 ? -32768 : value, true);
  }
  return bytes;
}
