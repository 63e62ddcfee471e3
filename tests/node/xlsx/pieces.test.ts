/**
 * A part deflated a piece at a time inflates to its text, whatever changed since the pieces before,
 * and a save that changed one row deflates again only the pieces around it.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflatedPieces, joined, type Piece } from '../../../src/node/xlsx/pieces';

/** A sheet's XML of `rows` rows, each with a text of its own, some of it beyond Latin-1. */
function sheet(rows: number, mark = (r: number) => `Row ${r} — «текст» 😀`): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${mark(i)}</t></is></c></row>`,
  );
  return `<worksheet><dimension ref="A1:A${rows + 1}"/><sheetData>${lines.join('')}</sheetData></worksheet>`;
}

function inflatesTo(pieces: readonly Piece[], text: string): void {
  const { data, size, crc } = joined(pieces);
  const bytes = inflateRawSync(data);
  expect(bytes.toString('utf8')).toBe(text);
  expect(size).toBe(bytes.length);
  expect(crc).toBe(crc32(bytes));
}

/** The text with [start, end) replaced, and where each stretch of the old text now lies when nothing replaced it. */
function splice(text: string, start: number, end: number, by: string) {
  const next = text.slice(0, start) + by + text.slice(end);
  const relocate = (s: number, e: number) =>
    s <= end && e >= start ? null : e < start ? s : s + by.length - (end - start);
  return { next, relocate };
}

describe('a part deflated a piece at a time', () => {
  it('joins into one stream that inflates to the text, its size and CRC-32 those of its bytes', () => {
    const text = sheet(20_000);
    const pieces = deflatedPieces(text, [], () => null);
    expect(pieces.length).toBeGreaterThan(4);
    inflatesTo(pieces, text);
    inflatesTo(
      deflatedPieces('', [], () => null),
      '',
    );
  });

  it('deflates again only the pieces a change touched', () => {
    const text = sheet(20_000);
    const before = deflatedPieces(text, [], () => null);
    const at = text.indexOf('<row r="15000"');
    const { next, relocate } = splice(
      text,
      at,
      text.indexOf('</row>', at),
      '<row r="15000"><c r="A15000"><v>7</v></c>',
    );
    const after = deflatedPieces(next, before, relocate);
    inflatesTo(after, next);
    const kept = after.filter((p) => before.some((b) => b.data === p.data));
    expect(kept.length).toBe(before.length - 1);
  });

  it('inflates to the text after any run of changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 6 }),
        (changes) => {
          let text = sheet(3_000);
          let pieces = deflatedPieces(text, [], () => null);
          for (const [where, length, by] of changes) {
            const cuts = [...text.matchAll(/</g)].map((m) => m.index);
            const start = cuts[where % cuts.length]!;
            const end = Math.min(text.length, start + length);
            const safeEnd = text.lastIndexOf('<', end) >= start ? text.lastIndexOf('<', end) : start;
            const changed = splice(text, start, safeEnd, `<x>${by}</x>`);
            pieces = deflatedPieces(changed.next, pieces, changed.relocate);
            text = changed.next;
          }
          inflatesTo(pieces, text);
        },
      ),
      { numRuns: 40 },
    );
  });
});
