/**
 * A part's XML held as pieces, each with its deflate ended by a sync flush so that the pieces join
 * into one deflate stream: the next save of a large sheet rebuilds and deflates only the pieces that
 * its changes touched, and copies the others. The tick saves after every message it sends; building
 * the whole 20 MB Log again and deflating it at each save took a third of its time.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Characters [start, end) of a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span replaced by a text; an insertion when start = end. */
export interface Splice extends Span {
  readonly text: string;
}

/** What a patch reads of a part's text: a string is one. */
export interface Text {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** A stretch of a part's text with its UTF-8 bytes and their deflate. */
export interface Piece extends Span {
  readonly text: string;
  readonly raw: Buffer;
  readonly data: Buffer;
}

/** The characters of a piece, about: cut at the next `<`, which no character of two code units holds. */
const PIECE_CHARS = 256 * 1024;

/** A last, empty block of fixed codes, with BFINAL set: what ends a stream whose blocks were all flushed. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** The text with each splice made (positions relative to the text), splices in order, insertions kept in their order. */
export function spliced(text: string, splices: readonly Splice[], offset = 0): string {
  const out: string[] = [];
  let at = 0;
  for (const splice of [...splices].sort((a, b) => a.start - b.start)) {
    out.push(text.slice(at, splice.start - offset), splice.text);
    at = splice.end - offset;
  }
  out.push(text.slice(at));
  return out.join('');
}

function piece(text: string, start: number): Piece {
  const raw = Buffer.from(text, 'utf8');
  const data = deflateRawSync(raw, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
  return { start, end: start + text.length, text, raw, data };
}

/** The text cut into pieces, the first at `start`. */
function cut(text: string, start: number, into: Piece[]): void {
  for (let from = 0; from < text.length;) {
    const next = from + PIECE_CHARS < text.length ? text.indexOf('<', from + PIECE_CHARS) : -1;
    const to = next < 0 ? text.length : next;
    into.push(piece(text.slice(from, to), start + from));
    from = to;
  }
}

/** A part's text as its pieces. */
export class PiecedText implements Text {
  readonly length: number;

  private constructor(readonly pieces: readonly Piece[]) {
    this.length = pieces.at(-1)?.end ?? 0;
  }

  /** A text cut into pieces, each deflated. */
  static of(text: string): PiecedText {
    const pieces: Piece[] = [];
    cut(text, 0, pieces);
    return new PiecedText(pieces);
  }

  slice(start: number, end: number): string {
    const parts: string[] = [];
    for (const p of this.pieces) {
      if (p.end <= start) continue;
      if (p.start >= end) break;
      parts.push(p.text.slice(Math.max(0, start - p.start), Math.min(p.text.length, end - p.start)));
    }
    return parts.join('');
  }

  toString(): string {
    return this.pieces.map((p) => p.text).join('');
  }

  /**
   * The text with the splices made (positions in this text, none overlapping): the pieces no splice
   * touches are kept as they are, moved by what the splices before them added; each run of pieces
   * that some touch is rebuilt and cut into new pieces.
   */
  spliced(splices: readonly Splice[]): PiecedText {
    const ordered = [...splices].sort((a, b) => a.start - b.start);
    const touches = (p: Piece) => ordered.some((s) => s.start <= p.end && s.end >= p.start);
    const pieces: Piece[] = [];
    let shift = 0;
    for (let i = 0; i < this.pieces.length;) {
      const first = this.pieces[i]!;
      if (!touches(first)) {
        pieces.push(shift === 0 ? first : { ...first, start: first.start + shift, end: first.end + shift });
        i++;
        continue;
      }
      let last = i;
      while (last + 1 < this.pieces.length && touches(this.pieces[last + 1]!)) last++;
      const start = first.start;
      const end = this.pieces[last]!.end;
      const within = ordered.filter((s) => s.start >= start && s.end <= end);
      const text = spliced(this.slice(start, end), within, start);
      cut(text, start + shift, pieces);
      shift += text.length - (end - start);
      i = last + 1;
    }
    // Text inserted into an empty part touches no piece.
    if (this.pieces.length === 0) cut(spliced('', ordered), 0, pieces);
    return new PiecedText(pieces);
  }

  /** The deflate stream of the pieces joined, the size of the bytes it inflates to, and their CRC-32. */
  deflated(): { data: Buffer; size: number; crc: number } {
    let crc = 0;
    let size = 0;
    for (const p of this.pieces) {
      crc = crc32(p.raw, crc);
      size += p.raw.length;
    }
    return { data: Buffer.concat([...this.pieces.map((p) => p.data), FINAL_BLOCK]), size, crc };
  }
}
