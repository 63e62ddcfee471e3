/**
 * A part of a zip inflated a piece at a time, no further than its directory declares: what the guard
 * scans, and what the reader reads, in this thread or in the worker beside it (sheet-thread.ts),
 * which imports no more than this.
 */
import { createInflateRaw } from 'node:zlib';

/** JSZip's record of a part as the zip's directory declares it; JSZip's typings leave the field out. */
export interface Part {
  readonly uncompressedSize: number;
  readonly compressedContent: Uint8Array;
  readonly compression: { readonly magic: string };
}

/** JSZip's names of the two methods it reads (any other fails loadAsync). */
export const STORED = '\x00\x00';

/** How much zlib gives at a time to a reader that does not hold the part: what the reader gives saxes at a time. */
const PIECE_BYTES = 64 * 1024;

/** A part that inflates to another size than its zip directory declares. */
export class SizeNotDeclared extends Error {
  override readonly name = 'SizeNotDeclared';

  constructor(readonly more: boolean) {
    // @i18n-exempt: caught by the guard, which refuses the file in words of its own.
    super(more ? 'The part holds more than it declares' : 'The part holds less than it declares');
  }
}

/** A part's bytes a piece at a time; throws SizeNotDeclared or zlib's error when they are not what the directory declares. */
export async function* inflatedPieces(part: Part): AsyncGenerator<Buffer> {
  const declared = part.uncompressedSize;
  if (part.compression.magic === STORED) {
    const content = part.compressedContent;
    if (content.length !== declared) throw new SizeNotDeclared(content.length > declared);
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    // In pieces as zlib gives them, so that the reader never decodes a stored sheet whole either.
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) yield bytes.subarray(at, at + PIECE_BYTES);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: PIECE_BYTES });
  inflater.end(part.compressedContent);
  let size = 0;
  try {
    for await (const piece of inflater as AsyncIterable<Buffer>) {
      size += piece.length;
      if (size > declared) throw new SizeNotDeclared(true);
      yield piece;
    }
  } finally {
    inflater.destroy();
  }
  if (size !== declared) throw new SizeNotDeclared(false);
}
