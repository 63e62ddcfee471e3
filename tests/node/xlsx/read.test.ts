/**
 * The reader of an .xlsx file's values, on parts written the ways other programs write them (Excel,
 * LibreOffice, Google Sheets' download): inline and shared strings, rich text, escapes, booleans,
 * errors, formulas' results, the number formats that make a number a date, the 1904 calendar, merges,
 * rows and cells that do not name their places. What exceljs writes is read in xlsx-workbook.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dayOfDate, timestampOfDate } from '../../../src/domain/dates';
import type { Cell } from '../../../src/ports';
import { readWorkbook, SHEETS_CELL_TEXT, TooManyCells } from '../../../src/node/xlsx/read';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  sheets: Record<string, string>;
  strings?: string[];
  styles?: string;
  date1904?: boolean;
}

/** The parts of a workbook whose tabs hold these <sheetData> contents (or whole sheets, when they begin with <worksheet). */
function partsOf({ sheets, strings, styles, date1904 }: Parts): Map<string, Buffer> {
  const names = Object.keys(sheets);
  const parts = new Map<string, string>([
    [
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${RELS}">${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${names
        .map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map(
          (_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ],
  ]);
  names.forEach((name, i) => {
    const xml = sheets[name] ?? '';
    parts.set(
      `xl/worksheets/sheet${i + 1}.xml`,
      xml.startsWith('<worksheet') ? xml : `<worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData></worksheet>`,
    );
  });
  if (strings) parts.set('xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${strings.join('')}</sst>`);
  if (styles) parts.set('xl/styles.xml', `<styleSheet xmlns="${MAIN}">${styles}</styleSheet>`);
  return new Map([...parts].map(([name, text]) => [name, Buffer.from(text)]));
}

function grid(parts: Parts, tab = Object.keys(parts.sheets)[0] ?? ''): Cell[][] {
  return readWorkbook(partsOf(parts), Infinity).sheets.find((s) => s.name === tab)?.grid ?? [];
}

/** Style 1 shows a built-in date format, 2 a custom date-time, 3 a number. */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>' +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';

describe('reading values', () => {
  it('reads shared and inline strings, rich text and the escapes Excel writes', () => {
    const strings = [
      '<si><t>IOM</t></si>',
      '<si><r><t>UN</t></r><r><rPr><b/></rPr><t>DP</t></r></si>',
      '<si><t>line_x000D_break</t><rPh><t>ignored</t></rPh></si>',
      '<si><t xml:space="preserve"> padded </t></si>',
    ];
    const row =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>' +
      '<c r="E1" t="inlineStr"><is><t>R&amp;D &lt;team&gt;</t></is></c><c r="F1" t="inlineStr"><is><r><t>a</t></r><r><t>_x0041_</t></r></is></c>' +
      '<c r="G1" t="str"><v>plain</v></c><c r="H1" t="s"><v>99</v></c></row>';
    expect(grid({ sheets: { Members: row }, strings })).toEqual([
      ['IOM', 'UNDP', 'line\rbreak', ' padded ', 'R&D <team>', 'aA', 'plain'],
    ]);
  });

  it('reads numbers, booleans, errors as their text, and formulas as their cached results, false and 0 included', () => {
    const row =
      '<row r="1"><c r="A1"><v>42.5</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c>' +
      // LibreOffice writes a checkbox's FALSE as a formula, which exceljs's model reads as blank.
      '<c r="D1" t="b"><f aca="false">FALSE()</f><v>0</v></c><c r="E1"><f>1-1</f><v>0</v></c><c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
      '<c r="G1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H1"><f>NOW()</f></c><c r="I1" t="n"><v>NaN</v></c></row>';
    expect(grid({ sheets: { Budget: row } })).toEqual([[42.5, true, '#N/A', false, 0, 'ab', '#DIV/0!']]);
  });

  it('reads a number as the day or moment its format shows, in the 1900 or the 1904 calendar', () => {
    const row =
      '<row r="1"><c r="A1" s="1"><v>46349</v></c><c r="B1" s="2"><v>46346.69803240741</v></c><c r="C1" s="3"><v>46349</v></c><c r="D1" s="1"><f>TODAY()</f><v>46349</v></c></row>';
    const [[day, moment, number, formula] = []] = grid({ sheets: { Log: row }, styles: STYLES });
    expect(dayOfDate(day as Date)).toBe('2026-11-23');
    expect(timestampOfDate(moment as Date)).toBe('2026-11-20T16:45:10');
    expect(number).toBe(46349);
    expect(dayOfDate(formula as Date)).toBe('2026-11-23');
    const [[shifted] = []] = grid({ sheets: { Log: row }, styles: STYLES, date1904: true });
    expect(dayOfDate(shifted as Date)).toBe('2030-11-24');
  });

  it('reads a text longer than a Google Sheets cell holds as Sheets would keep it', () => {
    const [[long] = []] = grid({
      sheets: {
        Notes: `<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(SHEETS_CELL_TEXT + 10)}</t></is></c></row>`,
      },
    });
    expect(long).toBe(`${'x'.repeat(SHEETS_CELL_TEXT - 1)}…`);
  });

  it('blanks the cells a merge covers but its top left one, and gives the used range as a rectangle', () => {
    const sheet =
      `<worksheet xmlns="${MAIN}"><sheetData>` +
      '<row r="2"><c r="B2" t="inlineStr"><is><t>kept</t></is></c><c r="C2" t="inlineStr"><is><t>hidden</t></is></c></row>' +
      '<row r="3"><c r="B3" t="inlineStr"><is><t>hidden</t></is></c><c r="E3" s="1"/></row><row r="9"/>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells></worksheet>';
    expect(grid({ sheets: { Notes: sheet }, styles: STYLES })).toEqual([
      ['', ''],
      ['', 'kept'],
    ]);
  });

  it('reads rows and cells that do not name their places in order, and says they do not', () => {
    const rows = '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c></row>';
    const [sheet] = readWorkbook(partsOf({ sheets: { Plain: rows } }), Infinity).sheets;
    expect(sheet?.grid).toEqual([
      ['a', 2, ''],
      ['', '', 3],
    ]);
    expect(sheet?.layout.addressed).toBe(false);
  });
});

describe('the workbook', () => {
  it('lists the worksheets in tab order under their Sheets names, past chart sheets and missing parts', () => {
    const parts = partsOf({ sheets: { Members: '', 'Report\ua789 Members': '', Gone: '' } });
    parts.set(
      'xl/workbook.xml',
      Buffer.from(
        parts
          .get('xl/workbook.xml')!
          .toString()
          .replace('</sheets>', `<sheet name="Chart" sheetId="9" r:id="rId9"/></sheets>`),
      ),
    );
    parts.set(
      'xl/_rels/workbook.xml.rels',
      Buffer.from(
        parts
          .get('xl/_rels/workbook.xml.rels')!
          .toString()
          .replace('</Relationships>', `<Relationship Id="rId9" Target="chartsheets/sheet1.xml"/></Relationships>`),
      ),
    );
    parts.delete('xl/worksheets/sheet3.xml');
    expect(readWorkbook(parts, Infinity).sheets.map((s) => s.name)).toEqual(['Members', 'Report: Members']);
  });

  it('says where each row lies in its sheet, and where a new one goes', () => {
    const rows = '<row r="1" spans="1:2"><c r="A1"><v>1</v></c></row><row r="4"><c r="B4"><v>2</v></c></row>';
    const [sheet] = readWorkbook(partsOf({ sheets: { Log: rows } }), Infinity).sheets;
    const xml = partsOf({ sheets: { Log: rows } })
      .get('xl/worksheets/sheet1.xml')!
      .toString();
    const layout = sheet!.layout;
    expect(layout.rows.map((r) => [r.row, xml.slice(r.start, r.end)])).toEqual([
      [1, '<row r="1" spans="1:2"><c r="A1"><v>1</v></c></row>'],
      [4, '<row r="4"><c r="B4"><v>2</v></c></row>'],
    ]);
    expect(xml.slice(layout.dataEnd)).toMatch(/^<\/sheetData>/);
    expect(layout.addressed).toBe(true);
  });

  it('refuses tabs larger than the bound before laying out a grid, counting styled cells as exceljs does', () => {
    const far =
      '<row r="1"><c r="A1"><v>1</v></c><c r="Z1" s="1"/></row><row r="1000000"><c r="A1000000" s="1"/></row>';
    const error = (() => {
      try {
        readWorkbook(partsOf({ sheets: { Far: far }, styles: STYLES }), 10_000_000);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(TooManyCells);
    expect((error as TooManyCells).cells).toBe(26_000_000);
  });

  it('throws on XML that is not well formed', () => {
    expect(() =>
      readWorkbook(partsOf({ sheets: { Broken: '<row r="1"><c r="A1"><v>1</c></row>' } }), Infinity),
    ).toThrow();
  });
});
