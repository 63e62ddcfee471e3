/**
 * A large workbook read a sheet at a time: its parts checked a piece at a time and inflated when read,
 * each sheet's XML decoded and parsed a piece at a time, and still the same values, the same places of
 * its rows and the same refusals as the whole text would give, whatever characters stand where one
 * piece ends.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { RowsLeftOut, unpack, unpackLazily } from '../../../src/node/xlsx/guard';
import { declaring } from './parts';
import { gridOf, parseXml, readWorkbook, workbookReader, XmlFeed, type Handlers } from '../../../src/node/xlsx/read';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROWS = 12_000;

/** Text of two- and four-byte characters, of a length that varies row by row so that pieces end anywhere. */
const textOf = (row: number) => `Строка ${row} 🌍 ${'ж'.repeat(row % 97)}&amp;<`.replace('<', '&lt;');
const readText = (row: number) => `Строка ${row} 🌍 ${'ж'.repeat(row % 97)}&<`;

function sheetXml(): string {
  const rows: string[] = [];
  for (let r = 1; r <= ROWS; r++)
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${textOf(r)}</t></is></c><c r="B${r}"><v>${r}</v></c>` +
        `<c r="C${r}" s="1"><v>${45000 + (r % 3)}</v></c></row>`,
    );
  return `<worksheet xmlns="${MAIN}"><dimension ref="A1:C${ROWS}"/><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

async function workbook(sheet: string, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', sheet);
  zip.file(
    'xl/styles.xml',
    `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

describe('a sheet of megabytes', () => {
  it('reads, a piece at a time, the values and the places of its rows in the whole text', async () => {
    const xml = sheetXml();
    // Three pieces at least, and a part too large to be held from the check on.
    expect(Buffer.byteLength(xml)).toBeGreaterThan(2 * 1024 * 1024);
    const parts = await unpackLazily(await workbook(xml));
    if (typeof parts === 'string') throw new Error(parts);
    const [sheet] = readWorkbook(parts, Infinity).sheets;
    expect(sheet!.grid).toHaveLength(ROWS);
    sheet!.grid.forEach((row, i) => {
      expect(row.slice(0, 2)).toEqual([readText(i + 1), i + 1]);
      expect(row[2]).toBeInstanceOf(Date);
    });
    // Each date cell is a Date of its own, even where the day repeats.
    expect(sheet!.grid[3]![2]).toEqual(sheet!.grid[0]![2]);
    expect(sheet!.grid[3]![2]).not.toBe(sheet!.grid[0]![2]);
    const { rows, dimension, dataEnd } = sheet!.layout;
    expect(rows).toHaveLength(ROWS);
    for (const { row, start, end } of rows) {
      const text = xml.slice(start, end);
      expect(text.startsWith(`<row r="${row}">`) && text.endsWith('</row>')).toBe(true);
    }
    expect(xml.slice(dimension!.start, dimension!.end)).toBe(`<dimension ref="A1:C${ROWS}"/>`);
    expect(xml.slice(dataEnd)).toBe('</sheetData></worksheet>');
  });

  it('is inflated when read, to the same bytes the check inflated', async () => {
    const bytes = await workbook(sheetXml());
    const lazily = await unpackLazily(bytes);
    const whole = await unpack(bytes);
    if (typeof lazily === 'string' || typeof whole === 'string') throw new Error('refused');
    // Buffer.equals: a deep equality of two megabytes byte by byte took ten seconds.
    expect(lazily.get('xl/worksheets/sheet1.xml')?.equals(whole.get('xl/worksheets/sheet1.xml')!)).toBe(true);
    expect(lazily.has('xl/styles.xml')).toBe(true);
    expect(lazily.get('xl/nothing.xml')).toBeUndefined();
  });
});

describe('the check of a sheet too large to hold', () => {
  /** withoutRows of guard.ts, on the whole text: what the check of a held part parses. */
  const whole = (xml: string) => {
    const start = xml.indexOf('<sheetData');
    const end = start < 0 ? -1 : xml.indexOf('</sheetData>', start);
    return end < 0 ? xml : xml.slice(0, start) + xml.slice(end + '</sheetData>'.length);
  };

  it('leaves out the rows as the whole text would, wherever the pieces end', () => {
    const words = ['<sheetData>', '</sheetData>', '<sheetData/>', '<row/>', 'a', 'ж', '<', '/', 'sheetData', '>'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 14 }),
        fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 8 }),
        (parts, cuts) => {
          const bytes = Buffer.from(parts.join(''));
          const rows = new RowsLeftOut();
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            rows.push(bytes.subarray(at, at + size));
            at += size;
          }
          const text = bytes.toString();
          const opened = text.includes('<sheetData');
          const closed = opened && text.includes('</sheetData>', text.indexOf('<sheetData'));
          // Rows that open and never close leave withoutRows the whole text, which the caller inflates again.
          expect(rows.done()).toBe(opened && !closed ? null : whole(text));
        },
      ),
    );
  });

  /** The large sheet, with `tail` after its rows, in a zip whose directory may declare another size for it. */
  async function withTail(tail: string, declared?: number): Promise<Buffer> {
    const xml = sheetXml().replace('</worksheet>', `${tail}</worksheet>`);
    const bytes = await workbook(xml);
    return declared === undefined ? bytes : declaring(bytes, 'xl/worksheets/sheet1.xml', declared);
  }

  it.each([
    ['a merge over the whole sheet', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>', undefined],
    ['holding more than the directory declares', '', 2 * 1024 * 1024],
    ['holding less than the directory declares', '', 8 * 1024 * 1024],
    ['XML that is not well formed after the rows', '<mergeCells><mergeCell ref="A1"></mergeCells>', undefined],
  ])('refuses it as it refuses a held one: %s', async (_, tail, declared) => {
    const bytes = await withTail(tail, declared);
    const refusal = await unpack(bytes);
    expect(typeof refusal).toBe('string');
    expect(await unpackLazily(bytes)).toBe(refusal);
  });

  it('lets it through with its ranges counted, its rows never parsed twice', async () => {
    const merged = await withTail('<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>');
    expect(typeof (await unpackLazily(merged))).not.toBe('string');
  });
});

describe('a sheet of megabytes read as zlib inflates it', () => {
  it.each(['DEFLATE', 'STORE'] as const)('gives the values of the whole text, %s', async (compression) => {
    const xml = sheetXml();
    const bytes = await workbook(xml, compression);
    const parts = await unpackLazily(bytes);
    if (typeof parts === 'string') throw new Error(parts);
    const whole = readWorkbook(parts, Infinity).sheets[0]!.grid;
    const sizes: number[] = [];
    const pieces = parts.pieces('xl/worksheets/sheet1.xml')!;
    const counted = (async function* () {
      for await (const piece of pieces) {
        sizes.push(piece.length);
        yield piece;
      }
    })();
    const sheet = await workbookReader(parts).readPieces(counted);
    expect(sizes.length).toBeGreaterThan(4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(256 * 1024);
    expect(gridOf(sheet)).toEqual(whole);
  });

  it('feeds saxes the text the whole would give, wherever the pieces cut a character', () => {
    const text = `<a>${Array.from({ length: 40_000 }, (_, i) => `<b n="${i}">ж🌍${'я'.repeat(i % 13)}</b>`).join('')}</a>`;
    const bytes = Buffer.from(text);
    const events = (feed: (on: Handlers) => void) => {
      const seen: string[] = [];
      feed({
        open: (tag, position, start) => seen.push(`<${tag.name}@${start(position)}`),
        text: (chunk) => seen.push(chunk),
      });
      // saxes may give one text in two calls: compare the text as a whole between tags.
      return seen.join('');
    };
    const expected = events((on) => parseXml(text, on));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400_000 }), { minLength: 1, maxLength: 6 }), (cuts) => {
        const actual = events((on) => {
          const feed = new XmlFeed(on);
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            feed.push(bytes.subarray(at, at + size));
            at += size;
          }
          feed.end();
        });
        expect(actual).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('joins the pieces of a long text once, not at every piece', () => {
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      const feed = new XmlFeed({});
      feed.push(Buffer.from('<a><b>'));
      for (let i = 0; i < 40; i++) feed.push(Buffer.alloc(256 * 1024, 'x'));
      expect(concat).toHaveBeenCalledTimes(1);
      feed.push(Buffer.from('</b></a>'));
      feed.end();
      expect(concat.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      concat.mockRestore();
    }
  });
});
