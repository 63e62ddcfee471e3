/**
 * A part's XML deflated a piece at a time, each piece ended by a sync flush so that the pieces join
 * into one deflate stream: the next save of a large sheet deflates again only the pieces that a
 * change touched and copies the others. The tick saves after every message it sends, and deflating
 * the whole 20 MB Log at each save took a fifth of it.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A stretch of a part's text, [start, end) in its characters, with its UTF-8 bytes and their deflate. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly raw: Buffer;
  readonly data: Buffer;
}

/** Where the stretch [start, end) of the earlier text starts in the new one, or null when a change touched it. */
export type Relocate = (start: number, end: number) => number | null;

/** The characters of a piece, about: cut at the next `<`, which no character of two code units holds. */
const PIECE_CHARS = 256 * 1024;

/** A last, empty block of fixed codes, with BFINAL set: what ends a stream whose blocks were all flushed. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function deflated(text: string, start: number, end: number): Piece {
  const raw = Buffer.from(text.slice(start, end), 'utf8');
  const data = deflateRawSync(raw, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
  return { start, end, raw, data };
}

/** The text in [from, to) cut into new pieces. */
function cut(text: string, from: number, to: number, into: Piece[]): void {
  for (let start = from; start < to;) {
    const next = start + PIECE_CHARS < to ? text.indexOf('<', start + PIECE_CHARS) : -1;
    const end = next < 0 || next > to ? to : next;
    into.push(deflated(text, start, end));
    start = end;
  }
}

/**
 * The pieces of `text`: those of `earlier` (the pieces of the text it was made from) that `relocate`
 * finds unchanged, moved to where they now lie, and new ones for the rest.
 */
export function deflatedPieces(text: string, earlier: readonly Piece[], relocate: Relocate): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const piece of earlier) {
    const start = relocate(piece.start, piece.end);
    if (start === null || start < at) continue;
    const end = start + (piece.end - piece.start);
    cut(text, at, start, pieces);
    pieces.push(start === piece.start ? piece : { ...piece, start, end });
    at = end;
  }
  cut(text, at, text.length, pieces);
  return pieces;
}

/** The deflate stream of the pieces joined, the size of the bytes it inflates to, and their CRC-32. */
export function joined(pieces: readonly Piece[]): { data: Buffer; size: number; crc: number } {
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    crc = crc32(piece.raw, crc);
    size += piece.raw.length;
  }
  return { data: Buffer.concat([...pieces.map((p) => p.data), FINAL_BLOCK]), size, crc };
}
