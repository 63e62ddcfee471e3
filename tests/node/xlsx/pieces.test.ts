/**
 * A part held as deflated pieces inflates to its text, whatever was spliced into it since, and a save
 * that changed one row rebuilds and deflates only the piece around it.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiecedText, spliced, type Splice } from '../../../src/node/xlsx/pieces';

/** A sheet's XML of `rows` rows, each with a text of its own, some of it beyond Latin-1. */
function sheet(rows: number): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>Row ${i} — «текст» 😀</t></is></c></row>`,
  );
  return `<worksheet><dimension ref="A1:A${rows + 1}"/><sheetData>${lines.join('')}</sheetData></worksheet>`;
}

function inflatesTo(pieced: PiecedText, text: string): void {
  const { data, size, crc } = pieced.deflated();
  const bytes = inflateRawSync(data);
  expect(bytes.toString('utf8')).toBe(text);
  expect(size).toBe(bytes.length);
  expect(crc).toBe(crc32(bytes));
  expect(pieced.length).toBe(text.length);
  expect(pieced.toString()).toBe(text);
}

describe('a part held as deflated pieces', () => {
  it('joins into one stream that inflates to the text, its size and CRC-32 those of its bytes', () => {
    const text = sheet(20_000);
    const pieced = PiecedText.of(text);
    expect(pieced.pieces.length).toBeGreaterThan(4);
    inflatesTo(pieced, text);
    inflatesTo(PiecedText.of(''), '');
    inflatesTo(PiecedText.of('').spliced([{ start: 0, end: 0, text: '<a/>' }]), '<a/>');
  });

  it('slices as the text does, across pieces', () => {
    const text = sheet(20_000);
    const pieced = PiecedText.of(text);
    const boundary = pieced.pieces[1]!.start;
    for (const [start, end] of [
      [0, 10],
      [boundary - 5, boundary + 5],
      [boundary, boundary],
      [text.length - 7, text.length],
      [3, text.length],
    ] as const)
      expect(pieced.slice(start, end)).toBe(text.slice(start, end));
  });

  it('rebuilds only the pieces a splice touched, keeping the others as they were', () => {
    const text = sheet(20_000);
    const before = PiecedText.of(text);
    const at = text.indexOf('<row r="15000"');
    const splices: Splice[] = [
      { start: 11, end: 11 + 'A1:A20001'.length, text: 'A1:A20002' },
      {
        start: at,
        end: text.indexOf('</row>', at) + '</row>'.length,
        text: '<row r="15000"><c r="A15000"><v>7</v></c></row>',
      },
    ];
    const after = before.spliced(splices);
    inflatesTo(after, spliced(text, splices));
    // A piece kept is moved, not deflated again: its deflate is the very same buffer.
    const kept = new Set(before.pieces.map((p) => p.data));
    expect(after.pieces.filter((p) => kept.has(p.data)).length).toBe(before.pieces.length - 2);
  });

  it('inflates to the text after any run of splices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 6 }),
        (changes) => {
          let text = sheet(3_000);
          let pieced = PiecedText.of(text);
          for (const [where, length, by] of changes) {
            // Splices start and end at a '<', as a patch's rows and cells do.
            const cuts = [0, ...[...text.matchAll(/</g)].map((m) => m.index), text.length];
            const start = cuts[where % cuts.length]!;
            const end = cuts[Math.min(cuts.length - 1, cuts.indexOf(start) + (length % 4))]!;
            const splices = [{ start, end, text: `<x>${by}</x>` }];
            pieced = pieced.spliced(splices);
            text = spliced(text, splices);
          }
          inflatesTo(pieced, text);
        },
      ),
      { numRuns: 40 },
    );
  });
});
