/**
 * A save that only wrote values (the tick's Log rows and dates, a record saved from the sidebar):
 * the rows it changed are rewritten in their sheet's XML and every other part and row of the file
 * stays byte for byte, so saving a large workbook takes as long as the change, not the file. Text is
 * written as inline strings (the shared strings stay as they are); a date written where the cell
 * has no number format gets a date style, as the exceljs adapter gives it. Where a change cannot be
 * made this way (a formula in its place, rows out of order) the caller saves through exceljs.
 */
import JSZip from 'jszip';
// JSZip copies an entry given as its CompressedObject into the file without compressing it again.
import CompressedObject from 'jszip/lib/compressedObject.js';
import compressions from 'jszip/lib/compressions.js';
import type { Cell } from '../../ports';
import { columnLetter } from '../../domain/codec';
import { columnOf, DATE_FORMAT, isMidnight, serialOfDate, TIMESTAMP_FORMAT, xmlSafe } from './codec';
import { inflated } from './guard';
import { PiecedText, spliced, type Span, type Splice, type Text } from './pieces';
import {
  parseXml,
  tagStart,
  type RowSpan,
  type SheetLayout,
  type SheetValues,
  type Styles,
  type WorkbookValues,
} from './read';

/** What a patch needs to know of the file: where its sheets' rows lie, its number formats, its calendar. */
export type FileLayout = Pick<WorkbookValues, 'styles' | 'date1904'> & {
  readonly sheets: readonly Pick<SheetValues, 'name' | 'part' | 'layout'>[];
};

/** One WorkbookPort.write: a rectangle of values at a 1-based row and column of a tab. */
export interface ValueWrite {
  readonly tab: string;
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly Cell[])[];
}

/** A change this module cannot make: the caller saves another way. */
class CannotPatch extends Error {
  override readonly name = 'CannotPatch';
}

/** Where each splice's text starts once the splices are made (by splice), and where the other positions move. */
function placements(splices: readonly Splice[]): { landed: Map<Splice, number>; moved: (position: number) => number } {
  const ordered = [...splices].sort((a, b) => a.start - b.start);
  const landed = new Map<Splice, number>();
  let shift = 0;
  for (const splice of ordered) {
    landed.set(splice, splice.start + shift);
    shift += splice.text.length - (splice.end - splice.start);
  }
  // A position outside every replaced span moves by what the splices ending at or before it added.
  const ends = ordered.map((s) => ({ end: s.end, after: landed.get(s)! + s.text.length }));
  const moved = (position: number) => {
    let lo = 0;
    let hi = ends.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]!.end <= position) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last < 0 ? position : ends[last]!.after + (position - ends[last]!.end);
  };
  return { landed, moved };
}

function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** An attribute of a tag's text set to a value (added after the tag name when absent). */
function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  return pattern.test(tag)
    ? tag.replace(pattern, ` ${name}="${value}"`)
    : tag.replace(/^<[^\s/>]+/, (open) => `${open} ${name}="${value}"`);
}

function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/** A list element of styles.xml: its opening tag, and where its closing tag starts (-1 when it closes itself). */
interface List {
  readonly openStart: number;
  readonly openEnd: number;
  close: number;
}

interface Structure {
  readonly xfs: readonly Span[];
  readonly cellXfs: List;
  readonly numFmts: List | null;
  /** Where the first child of <styleSheet> goes. */
  readonly sheetOpenEnd: number;
}

/** The cell styles of styles.xml, with the date styles the written dates need added at the end. */
// @i18n-exempt: SpreadsheetML markup, and why a patch falls back to exceljs: for no person to read.
class StyleSheet {
  private parsed: Structure | null = null;
  private readonly addedFormats = new Map<string, number>();
  private readonly addedStyles: string[] = [];
  private readonly made = new Map<string, number>();

  constructor(
    private readonly xml: string | undefined,
    private readonly styles: Styles,
  ) {}

  private structure(): Structure {
    if (this.parsed) return this.parsed;
    const xml = this.xml;
    if (xml === undefined) throw new CannotPatch('the file has no styles');
    const xfs: Span[] = [];
    const lists: Partial<Record<'cellXfs' | 'numFmts', List>> = {};
    let sheetOpenEnd = -1;
    let within: 'cellXfs' | 'numFmts' | null = null;
    let xfStart = -1;
    parseXml(xml, {
      open(tag, position) {
        if (tag.name === 'styleSheet') sheetOpenEnd = position;
        else if (tag.name === 'cellXfs' || tag.name === 'numFmts') {
          within = tag.name;
          lists[tag.name] = { openStart: tagStart(xml, position), openEnd: position, close: -1 };
        } else if (within === 'cellXfs' && tag.name === 'xf') xfStart = tagStart(xml, position);
      },
      close(name, position) {
        if (name === 'xf' && within === 'cellXfs') xfs.push({ start: xfStart, end: position });
        else if (name === within) {
          const list = lists[within];
          // A self-closed list (`<numFmts/>`) has no closing tag to insert before.
          if (list && tagStart(xml, position) >= list.openEnd) list.close = tagStart(xml, position);
          within = null;
        }
      },
    });
    const { cellXfs, numFmts } = lists;
    if (!cellXfs || cellXfs.close < 0 || sheetOpenEnd < 0)
      throw new CannotPatch('the styles have no list of cell formats');
    this.parsed = { xfs, cellXfs, numFmts: numFmts ?? null, sheetOpenEnd };
    return this.parsed;
  }

  /** The id of a custom number format with this code, declared when it is new. */
  private formatId(format: string): number {
    for (const [id, code] of this.styles.custom) if (code === format) return id;
    const added = this.addedFormats.get(format);
    if (added !== undefined) return added;
    const id = Math.max(163, ...this.styles.custom.keys(), ...this.addedFormats.values()) + 1;
    this.addedFormats.set(format, id);
    return id;
  }

  /** The style a date goes in: the cell's own when it has a number format, else a copy of it with the date's. */
  forDate(style: string | undefined, date: Date): string | undefined {
    const index = style === undefined ? 0 : Number(style);
    if (this.styles.formats[index]) return style;
    const format = isMidnight(date) ? DATE_FORMAT : TIMESTAMP_FORMAT;
    const key = `${index}|${format}`;
    const made = this.made.get(key);
    if (made !== undefined) return String(made);
    const { xfs } = this.structure();
    const base = xfs[index];
    if (!base || this.xml === undefined) throw new CannotPatch(`the file has no cell style ${index}`);
    let xf = this.xml.slice(base.start, base.end);
    xf = withAttribute(withAttribute(xf, 'numFmtId', String(this.formatId(format))), 'applyNumberFormat', '1');
    const id = xfs.length + this.addedStyles.length;
    this.addedStyles.push(xf);
    this.made.set(key, id);
    return String(id);
  }

  /** The number formats of the styles once the added ones are in. */
  after(): Styles {
    if (this.addedStyles.length === 0) return this.styles;
    const formats = [...this.styles.formats];
    for (const [key, id] of this.made) formats[id] = key.slice(key.indexOf('|') + 1);
    const custom = new Map(this.styles.custom);
    for (const [code, id] of this.addedFormats) custom.set(id, code);
    return { formats, custom };
  }

  /** styles.xml with the added formats and styles; null when nothing was added. */
  changed(): string | null {
    if (this.addedStyles.length === 0 || this.xml === undefined) return null;
    const xml = this.xml;
    const { xfs, cellXfs, numFmts, sheetOpenEnd } = this.structure();
    const splices: Splice[] = [];
    const formats = [...this.addedFormats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`)
      .join('');
    if (formats !== '') {
      if (numFmts && numFmts.close >= 0) {
        const open = xml.slice(numFmts.openStart, numFmts.openEnd);
        splices.push({
          start: numFmts.openStart,
          end: numFmts.openEnd,
          text: withAttribute(open, 'count', String(this.styles.custom.size + this.addedFormats.size)),
        });
        splices.push({ start: numFmts.close, end: numFmts.close, text: formats });
      } else if (numFmts) {
        splices.push({
          start: numFmts.openStart,
          end: numFmts.openEnd,
          text: `<numFmts count="${this.addedFormats.size}">${formats}</numFmts>`,
        });
      } else {
        splices.push({
          start: sheetOpenEnd,
          end: sheetOpenEnd,
          text: `<numFmts count="${this.addedFormats.size}">${formats}</numFmts>`,
        });
      }
    }
    const open = xml.slice(cellXfs.openStart, cellXfs.openEnd);
    splices.push({
      start: cellXfs.openStart,
      end: cellXfs.openEnd,
      text: withAttribute(open, 'count', String(xfs.length + this.addedStyles.length)),
    });
    splices.push({ start: cellXfs.close, end: cellXfs.close, text: this.addedStyles.join('') });
    return spliced(xml, splices);
  }
}

/** The values written to each cell of one tab, by row then column; the last write of a cell wins. */
type TabWrites = Map<number, Map<number, Cell>>;

function byTab(writes: readonly ValueWrite[]): Map<string, TabWrites> {
  const tabs = new Map<string, TabWrites>();
  for (const { tab, row, column, values } of writes) {
    const cells = tabs.get(tab) ?? new Map<number, Map<number, Cell>>();
    tabs.set(tab, cells);
    values.forEach((line, i) => {
      const target = cells.get(row + i) ?? new Map<number, Cell>();
      cells.set(row + i, target);
      line.forEach((value, j) => target.set(column + j, value));
    });
  }
  return tabs;
}

interface Writer {
  readonly styles: StyleSheet;
  readonly date1904: boolean;
}

/** A cell's XML for a value, in a style; '' for a blank cell that has no style to keep. */
// @i18n-exempt: SpreadsheetML markup, and why a patch falls back to exceljs: for no person to read.
function cellXml(address: string, style: string | undefined, value: Cell, writer: Writer): string {
  const s = (id: string | undefined) => (id === undefined ? '' : ` s="${id}"`);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return style === undefined ? '' : `<c r="${address}"${s(style)}/>`;
    const dated = writer.styles.forDate(style, value);
    return `<c r="${address}"${s(dated)}><v>${serialOfDate(value, writer.date1904)}</v></c>`;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${address}"${s(style)}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${address}"${s(style)} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'string' && value !== '')
    return `<c r="${address}"${s(style)} t="inlineStr"><is><t xml:space="preserve">${escapeText(value)}</t></is></c>`;
  return style === undefined ? '' : `<c r="${address}"${s(style)}/>`;
}

function columnStyle(layout: SheetLayout, column: number): string | undefined {
  const style = layout.columnStyles.find((c) => column >= c.min && column <= c.max)?.style;
  return style === undefined ? undefined : String(style);
}

/** A row's cells as they lie in its XML; refuses a row whose changed cells hold a formula. */
// @i18n-exempt: SpreadsheetML markup, and why a patch falls back to exceljs: for no person to read.
function existingRow(
  rowXml: string,
  changed: ReadonlyMap<number, Cell>,
): { open: string; cells: { column: number; start: number; end: number; style?: string }[]; rowStyle?: string } {
  const cells: { column: number; start: number; end: number; style?: string }[] = [];
  let openEnd = 0;
  let selfClosing = false;
  let rowStyle: string | undefined;
  let current: { column: number; start: number; end: number; style?: string } | null = null;
  parseXml(rowXml, {
    open(tag, position) {
      if (tag.name === 'row') {
        openEnd = position;
        selfClosing = tag.isSelfClosing;
        const custom = tag.attributes.customFormat;
        if (tag.attributes.s !== undefined && (custom === '1' || custom === 'true')) rowStyle = tag.attributes.s;
      } else if (tag.name === 'c') {
        const style = tag.attributes.s;
        current = {
          column: columnOf(tag.attributes.r ?? ''),
          start: tagStart(rowXml, position),
          end: -1,
          ...(style === undefined ? {} : { style }),
        };
      } else if (tag.name === 'f' && current && changed.has(current.column)) {
        throw new CannotPatch('a formula would be overwritten');
      }
    },
    close(name, position) {
      if (name === 'c' && current) {
        current.end = position;
        cells.push(current);
        current = null;
      }
    },
  });
  let open = withoutAttribute(rowXml.slice(0, openEnd), 'spans');
  if (selfClosing) open = open.replace(/\s*\/>$/, '>');
  return { open, cells, ...(rowStyle === undefined ? {} : { rowStyle }) };
}

function rowXml(
  row: number,
  existing: string | null,
  changed: ReadonlyMap<number, Cell>,
  layout: SheetLayout,
  writer: Writer,
): string {
  const found = existing === null ? { open: `<row r="${row}">`, cells: [] } : existingRow(existing, changed);
  const kept = new Map(found.cells.map((c) => [c.column, c]));
  const columns = [...new Set([...kept.keys(), ...changed.keys()])].sort((a, b) => a - b);
  const cells = columns.map((column) => {
    const old = kept.get(column);
    if (!changed.has(column)) return existing!.slice(old!.start, old!.end);
    const style = old ? old.style : (('rowStyle' in found ? found.rowStyle : undefined) ?? columnStyle(layout, column));
    return cellXml(`${columnLetter(column)}${row}`, style, changed.get(column) ?? '', writer);
  });
  return `${found.open}${cells.join('')}</row>`;
}

/** The dimension tag widened to the cells written. */
function dimensionXml(tag: string, writes: TabWrites): string {
  const m = /ref\s*=\s*"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(tag);
  if (!m) return tag;
  let lastRow = Number(m[4] ?? m[2]);
  let lastColumn = columnOf(m[3] ?? m[1] ?? '');
  for (const [row, cells] of writes) {
    lastRow = Math.max(lastRow, row);
    for (const column of cells.keys()) lastColumn = Math.max(lastColumn, column);
  }
  return withAttribute(tag, 'ref', `${m[1]}${m[2]}:${columnLetter(lastColumn)}${lastRow}`);
}

/**
 * The sheet's XML with the rows written, and where things now lie in it: the rows kept move by what
 * the splices before them added, the rows written lie where their splice landed. Reading the sheet
 * again for that took most of a tick's saves on a large file.
 */
// @i18n-exempt: SpreadsheetML markup, and why a patch falls back to exceljs: for no person to read.
function patchSheet(
  xml: Text,
  sheet: FileLayout['sheets'][number],
  writes: TabWrites,
  writer: Writer,
): { splices: Splice[]; layout: SheetLayout } {
  const { layout } = sheet;
  if (!layout.addressed) throw new CannotPatch('its rows or cells do not name their places');
  if (layout.dataEnd < 0 && !layout.emptyData) throw new CannotPatch('it has no sheetData');
  const splices: Splice[] = [];
  if (layout.dimension)
    splices.push({
      ...layout.dimension,
      text: dimensionXml(xml.slice(layout.dimension.start, layout.dimension.end), writes),
    });
  const dimension = splices[0];
  const rows = layout.rows;
  const changedRows = [...writes.keys()].sort((a, b) => a - b);
  const added: string[] = [];
  const written = new Map<number, Splice>();
  let next = 0;
  for (const row of changedRows) {
    while (next < rows.length && rows[next]!.row < row) next++;
    const span = rows[next];
    const cells = writes.get(row)!;
    let splice: Splice;
    if (span && span.row === row) {
      splice = {
        start: span.start,
        end: span.end,
        text: rowXml(row, xml.slice(span.start, span.end), cells, layout, writer),
      };
    } else if (layout.emptyData) {
      added.push(rowXml(row, null, cells, layout, writer));
      continue;
    } else {
      const at = span ? span.start : layout.dataEnd;
      splice = { start: at, end: at, text: rowXml(row, null, cells, layout, writer) };
    }
    splices.push(splice);
    written.set(row, splice);
  }
  const data = layout.emptyData && { ...layout.emptyData, text: `<sheetData>${added.join('')}</sheetData>` };
  if (data) splices.push(data);
  const out = placements(splices);
  const spans: RowSpan[] = [];
  for (const span of rows) {
    if (written.has(span.row)) continue;
    spans.push({ row: span.row, start: out.moved(span.start), end: out.moved(span.end) });
  }
  for (const [row, splice] of written) {
    const start = out.landed.get(splice)!;
    spans.push({ row, start, end: start + splice.text.length });
  }
  let dataEnd = layout.dataEnd < 0 ? -1 : out.moved(layout.dataEnd);
  if (data) {
    let at = out.landed.get(data)! + '<sheetData>'.length;
    changedRows.forEach((row, i) => {
      spans.push({ row, start: at, end: at + added[i]!.length });
      at += added[i]!.length;
    });
    dataEnd = at;
  }
  spans.sort((a, b) => a.row - b.row);
  const placed = dimension && out.landed.get(dimension);
  return {
    splices,
    layout: {
      ...layout,
      rows: spans,
      dataEnd,
      emptyData: null,
      dimension: dimension && placed !== undefined ? { start: placed, end: placed + dimension.text.length } : null,
    },
  };
}

/** The zip entry of a part, which may be stored with a leading slash. */
function entryOf(zip: JSZip, part: string): string {
  return zip.file(part)?.name ?? zip.file(`/${part}`)?.name ?? part;
}

/**
 * The file's bytes with the values written; null when a write cannot be made by rewriting rows (a
 * formula in its place, rows or cells that do not name their places, a style missing).
 * `parts` are the file's parts inflated, `file` where readWorkbook found things in them.
 */
/** A patched file: its bytes, where things now lie in it, and the text of each part the patch rewrote. */
export interface Patched {
  readonly bytes: Buffer;
  readonly layout: FileLayout;
  readonly texts: ReadonlyMap<string, PiecedText>;
  /** The file's zip as JSZip holds it, for the next patch: loading it again went over every byte. */
  readonly zip: JSZip;
}

/**
 * A part compressed by zlib, in the form JSZip copies into the file as it is: its own deflate, in
 * JavaScript, took most of a save of a large sheet.
 */
function compressed(text: PiecedText): unknown {
  const { data, size, crc } = text.deflated();
  return new CompressedObject(data.length, size, crc, compressions.DEFLATE, data);
}

/**
 * The file's bytes with the values written, where things now lie in it, and the text of the parts it
 * rewrote (`texts` gives those of an earlier patch, so that they are not inflated again); null when a
 * write cannot be made by rewriting rows (a formula in its place, rows or cells that do not name their
 * places, a style missing). `file` says where readWorkbook or the last patch found things.
 */
export async function patchValues(
  bytes: Buffer,
  texts: ReadonlyMap<string, PiecedText>,
  file: FileLayout,
  writes: readonly ValueWrite[],
  loaded: JSZip | null = null,
): Promise<Patched | null> {
  const zip = loaded ?? (await JSZip.loadAsync(bytes));
  const textOf = (part: string): Text | undefined => {
    const known = texts.get(part);
    if (known !== undefined) return known;
    const entry = zip.file(entryOf(zip, part));
    return entry ? inflated(entry)?.toString('utf8') : undefined;
  };
  const styles = textOf('xl/styles.xml')?.toString();
  const writer: Writer = { styles: new StyleSheet(styles, file.styles), date1904: file.date1904 };
  const rewritten = new Map<string, PiecedText>();
  const layouts = new Map<string, SheetLayout>();
  try {
    for (const [tab, cells] of byTab(writes)) {
      const sheet = file.sheets.find((s) => s.name === tab);
      const xml = sheet && textOf(sheet.part);
      if (!sheet || xml === undefined) throw new CannotPatch(`no sheet ${tab}`);
      const { splices, layout } = patchSheet(xml, sheet, cells, writer);
      rewritten.set(
        sheet.part,
        xml instanceof PiecedText ? xml.spliced(splices) : PiecedText.of(spliced(xml.toString(), splices)),
      );
      layouts.set(sheet.name, layout);
    }
    const changedStyles = writer.styles.changed();
    if (changedStyles !== null) rewritten.set('xl/styles.xml', PiecedText.of(changedStyles));
  } catch (error) {
    if (error instanceof CannotPatch) return null;
    throw error;
  }
  for (const [part, text] of rewritten) zip.file(entryOf(zip, part), compressed(text) as string);
  return {
    // Every part left as it was is copied as it is, compressed.
    bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    layout: {
      ...file,
      styles: writer.styles.after(),
      sheets: file.sheets.map((s) => {
        const layout = layouts.get(s.name);
        return layout ? { ...s, layout } : s;
      }),
    },
    texts: new Map([...texts, ...rewritten]),
    zip,
  };
}
