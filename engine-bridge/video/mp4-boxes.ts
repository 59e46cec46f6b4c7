/**
 * Just enough of the ISO base media file format (MP4) to check and tidy what the encoders write:
 * the top-level boxes in order (is `moov` before `mdat` — fast start?), the movie's duration, and
 * zeroing the creation and modification times in mvhd/tkhd/mdhd, which a muxer may stamp from the
 * clock (mediabunny does; ffmpeg with +bitexact does not) — same frames, same bytes.
 */

export interface Mp4Box {
  type: string;
  /** Offset of the box header in the file, and the box's whole size. */
  offset: number;
  size: number;
}

/** The boxes inside `bytes[start, end)`. */
export function listBoxes(bytes: Uint8Array, start = 0, end = bytes.length): Mp4Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Mp4Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    if (size === 1) size = Number(view.getBigUint64(offset + 8));
    else if (size === 0) size = end - offset;
    if (size < 8 || offset + size > end) throw new Error(`The MP4 has a broken '${type}' box at byte ${offset} (size ${size}).`);
    boxes.push({ type, offset, size });
    offset += size;
  }
  return boxes;
}

function headerSize(bytes: Uint8Array, box: Mp4Box): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(box.offset) === 1 ? 16 : 8;
}

function childrenOf(bytes: Uint8Array, box: Mp4Box): Mp4Box[] {
  return listBoxes(bytes, box.offset + headerSize(bytes, box), box.offset + box.size);
}

/** The movie header box (`moov/mvhd`), or a clear error. */
function movieBoxes(bytes: Uint8Array): { moov: Mp4Box; mvhd: Mp4Box } {
  const moov = listBoxes(bytes).find((b) => b.type === 'moov');
  const mvhd = moov && childrenOf(bytes, moov).find((b) => b.type === 'mvhd');
  if (!moov || !mvhd) throw new Error('The file is not an MP4 with a movie header (no moov/mvhd box).');
  return { moov, mvhd };
}

/** The movie's duration in seconds, from `mvhd`. */
export function mp4DurationSeconds(bytes: Uint8Array): number {
  const { mvhd } = movieBoxes(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const body = mvhd.offset + headerSize(bytes, mvhd);
  const version = bytes[body];
  if (version === 1) return Number(view.getBigUint64(body + 24)) / view.getUint32(body + 20);
  return view.getUint32(body + 16) / view.getUint32(body + 12);
}

/** Sets every creation and modification time in mvhd, tkhd and mdhd to 0, in place. */
export function zeroMp4Timestamps(bytes: Uint8Array): Uint8Array {
  const { moov } = movieBoxes(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const visit = (box: Mp4Box) => {
    if (box.type === 'moov' || box.type === 'trak' || box.type === 'mdia') {
      for (const child of childrenOf(bytes, box)) visit(child);
      return;
    }
    if (box.type !== 'mvhd' && box.type !== 'tkhd' && box.type !== 'mdhd') return;
    const body = box.offset + headerSize(bytes, box);
    if (bytes[body] === 1) {
      view.setBigUint64(body + 4, 0n);
      view.setBigUint64(body + 12, 0n);
    } else {
      view.setUint32(body + 4, 0);
      view.setUint32(body + 8, 0);
    }
  };
  visit(moov);
  return bytes;
}
