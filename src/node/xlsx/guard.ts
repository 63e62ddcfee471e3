/**
 * What a file must be before it is read. exceljs inflates every part of the zip into memory and
 * expands each range of a data validation, a merge or a defined name into one object per cell, and
 * the reader blanks the cells of each merge, so a small hostile file (a zip bomb, a validation over
 * A1:XFD1048576) would take more memory and time than the machine has. The guard lists the parts
 * with the zip reader exceljs uses (JSZip), refuses from the sizes they declare, inflates each with
 * zlib no further than it declares, and counts ranges with the XML parser exceljs uses (saxes): what
 * it measures is what exceljs would build. The parts it inflated are what the reader reads.
 */
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { t } from '../../domain/i18n';
import { printable } from '../terminal';
import { inflatedPieces, SizeNotDeclared, STORED, type Part } from './inflate';

/** A network's workbook is well under 5 MB unpacked; 41 MB of sheet XML already takes exceljs 0.6 GB. */
export const MAX_BYTES = 100 * 1024 * 1024;
/** exceljs builds one object per cell of some ranges (and per column of the widest column format); ours cover about 50,000. */
export const MAX_RANGE_CELLS = 1_000_000;

function megabytes(bytes: number): number {
  return Math.ceil(bytes / (1024 * 1024));
}

/** The refusal of a file too large to read at all, whatever it holds. */
export function tooLarge(bytes: number): string {
  return t('cli.file.too-large', { size: megabytes(bytes), max: megabytes(MAX_BYTES) });
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'utf16le'));
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file: Excel 97–2003 workbooks, and Office files encrypted with a password. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** A file that is not a zip, named by its first bytes; null for a zip. */
function notAZip(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return t('cli.file.empty');
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return null;
  if (startsWith(bytes, OLE2)) {
    // The names of the streams inside tell an encrypted workbook and an old one from other Office files.
    if (contains(bytes, 'EncryptionInfo')) return t('cli.file.password');
    if (contains(bytes, 'Workbook') || contains(bytes, 'Book')) return t('cli.file.xls');
    return t('cli.file.office');
  }
  if (startsWith(bytes, PDF)) return t('cli.file.pdf');
  const head = bytes.subarray(0, 4096);
  const text =
    UTF16_BOMS.some((bom) => startsWith(head, bom)) ||
    !head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20));
  if (!text) return t('cli.file.binary');
  const firstLine = Buffer.from(head).toString('utf8').replaceAll('\u0000', '').split(/\r?\n/)[0] ?? '';
  if (/^\s*</.test(firstLine)) return t('cli.file.markup');
  if (/[,;\t]/.test(firstLine)) return t('cli.file.csv');
  return t('cli.file.text');
}

function partOf(entry: JSZip.JSZipObject): Part {
  const data = (entry as unknown as { _data?: Partial<Part> })._data;
  if (
    typeof data?.uncompressedSize !== 'number' ||
    !(data.compressedContent instanceof Uint8Array) ||
    typeof data.compression?.magic !== 'string'
  ) {
    // @i18n-exempt: a fault of unmn after an upgrade of JSZip, for its developers.
    throw new Error(`JSZip no longer keeps the directory record of ${entry.name} where the guard reads it`);
  }
  return data as Part;
}

/**
 * The part's bytes, inflated by zlib, which stops at the size the directory declares: 'more' when the
 * part holds more than that, null when it is damaged or holds less. JSZip itself cannot be asked:
 * it checks the size only at the end, and then throws where no caller can catch it.
 */
function contentOf(part: Part): Buffer | 'more' | null {
  const declared = part.uncompressedSize;
  let content: Buffer;
  if (part.compression.magic === STORED) {
    content = Buffer.from(part.compressedContent);
  } else {
    try {
      // One output buffer a byte larger than declared: the part in one piece, never gathered from 16 KB ones.
      content = inflateRawSync(part.compressedContent, {
        maxOutputLength: Math.max(1, declared),
        chunkSize: Math.max(zlibConstants.Z_MIN_CHUNK, declared + 1),
      });
    } catch (error) {
      return (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? 'more' : null;
    }
  }
  if (content.length > declared) return 'more';
  return content.length === declared ? content : null;
}

/** A part of a file this program wrote or unpacked before, inflated; undefined when it is damaged. */
export function inflated(entry: JSZip.JSZipObject): Buffer | undefined {
  const content = contentOf(partOf(entry));
  return content instanceof Buffer ? content : undefined;
}

/** Cells named by every A1 or A1:B2 reference in a sqref, a merge or a defined name (sheet names and $ allowed). */
export function cellsOf(references: string): number {
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  let cells = 0;
  for (const m of references.matchAll(/\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?/g)) {
    const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = m;
    cells += (Math.abs(column(c2) - column(c1)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1);
  }
  return cells;
}

/**
 * The objects exceljs would make, one per cell or column, while it reads one part's XML: the cells of
 * dropdown, merge and name ranges, and every column up to the last one a column format names.
 * Throws when the XML is not well formed. A worksheet's is given without its rows (withoutRows).
 */
function rangeCells(xml: string): number {
  const parser = new SaxesParser();
  let cells = 0;
  let columns = 0;
  let definedName: string[] | null = null;
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'dataValidation') cells += cellsOf(attributes.sqref ?? '');
    else if (tag.name === 'mergeCell') cells += cellsOf(attributes.ref ?? '');
    else if (tag.name === 'col') columns = Math.max(columns, Number(attributes.min) || 0, Number(attributes.max) || 0);
    else if (tag.name === 'definedName') definedName = [];
  });
  parser.on('text', (text) => definedName?.push(text));
  parser.on('closetag', (tag) => {
    if (tag.name !== 'definedName' || !definedName) return;
    cells += cellsOf(definedName.join(''));
    definedName = null;
  });
  // Not closed: exceljs does not close its parser either, so an unfinished document is no error here.
  parser.write(xml);
  return cells + columns;
}

const OPEN_ROWS = Buffer.from('<sheetData');
const CLOSE_ROWS = Buffer.from('</sheetData>');

/**
 * A worksheet without the rows of its <sheetData>, where no range is: the rows are most of its XML,
 * and the reader parses them (and refuses them when they are not well formed) anyway. The rows end at
 * the first `</sheetData>`: a later one, in a comment, would hide what lies between from the count.
 */
function withoutRows(xml: Buffer): string {
  const start = xml.indexOf(OPEN_ROWS);
  const end = start < 0 ? -1 : xml.indexOf(CLOSE_ROWS, start);
  if (end < 0) return xml.toString('utf8');
  return Buffer.concat([xml.subarray(0, start), xml.subarray(end + CLOSE_ROWS.length)]).toString('utf8');
}

/**
 * withoutRows of a worksheet given a piece at a time, holding only what it keeps: the XML before the
 * rows, and what follows their end. `done()` gives what withoutRows would give the whole, or null
 * when the rows never end (a `<sheetData/>`), where withoutRows keeps the whole text and the caller
 * needs it whole.
 */
export class RowsLeftOut {
  private readonly head: Buffer[] = [];
  /** The pieces after the rows' end; null until it is seen. */
  private after: Buffer[] | null = null;
  private opened = false;
  /** The end of the text so far, where a pattern may begin that the next piece ends. */
  private carry: Buffer = Buffer.alloc(0);

  push(piece: Buffer): void {
    if (this.after !== null) {
      this.after.push(piece);
      return;
    }
    if (this.opened) return this.closing(piece);
    const window = this.carry.length === 0 ? piece : Buffer.concat([this.carry, piece]);
    const held = this.carry.length;
    const at = window.indexOf(OPEN_ROWS);
    if (at < 0) {
      this.head.push(piece);
      this.carry = window.subarray(Math.max(0, window.length - OPEN_ROWS.length + 1));
      return;
    }
    // The carry is in the head already: the head takes what the piece adds before the rows, or gives back
    // the start of `<sheetData` that the piece before held.
    if (at >= held) this.head.push(window.subarray(held, at));
    else this.trimHead(held - at);
    this.opened = true;
    this.carry = Buffer.alloc(0);
    this.closing(window.subarray(at));
  }

  done(): string | null {
    if (!this.opened) return Buffer.concat(this.head).toString('utf8');
    return this.after === null ? null : Buffer.concat([...this.head, ...this.after]).toString('utf8');
  }

  /**
   * A piece of the text after the rows opened: what follows their end, once it is in sight. The rows
   * are most of a sheet: only the seam with the piece before is copied to be searched, never a piece.
   */
  private closing(piece: Buffer): void {
    const seam = Buffer.concat([this.carry, piece.subarray(0, CLOSE_ROWS.length - 1)]);
    // The seam is too short to hold the end of the rows but across the two pieces.
    const across = seam.indexOf(CLOSE_ROWS);
    const at = across >= 0 ? across - this.carry.length : piece.indexOf(CLOSE_ROWS);
    if (across >= 0 || at >= 0) {
      this.after = [Buffer.from(piece.subarray(at + CLOSE_ROWS.length))];
      return;
    }
    const text = piece.length >= CLOSE_ROWS.length ? piece : Buffer.concat([this.carry, piece]);
    this.carry = Buffer.from(text.subarray(Math.max(0, text.length - CLOSE_ROWS.length + 1)));
  }

  /** Takes back the last `bytes` of the head. */
  private trimHead(bytes: number): void {
    let left = bytes;
    while (left > 0) {
      const last = this.head.pop()!;
      if (last.length > left) this.head.push(last.subarray(0, last.length - left));
      left -= Math.min(left, last.length);
    }
  }
}

/** The parts whose ranges exceljs expands: the workbook (defined names) and the worksheets, named as exceljs matches them. */
function expandsRanges(name: string): boolean {
  return name === 'xl/workbook.xml' || /xl\/worksheets\/sheet(\d+)[.]xml/.test(name);
}

/** The refusal of a file whose zip or XML cannot be read. */
export function damaged(): string {
  return t('cli.file.damaged');
}

/** The ODF mimetype part names the document's kind; it is stored first and uncompressed. */
function openDocumentKind(mimetype: Part | undefined): string | null {
  const content = mimetype && mimetype.uncompressedSize <= 100 ? contentOf(mimetype) : null;
  const kind = content instanceof Buffer ? content.toString('latin1') : '';
  if (!kind.startsWith('application/vnd.oasis.opendocument.')) return null;
  return kind.includes('spreadsheet') ? t('cli.file.ods') : t('cli.file.odf');
}

/**
 * Why these bytes must not be read, to follow the file's name ("notes.ods: not an .xlsx workbook
 * but…"); null when exceljs and the reader may read them. The caller has refused files over MAX_BYTES.
 */
export async function refusal(bytes: Uint8Array): Promise<string | null> {
  const unpacked = await unpack(bytes);
  return typeof unpacked === 'string' ? unpacked : null;
}

/**
 * Every part of the file inflated, by its name without a leading slash; or, as a string, why the
 * bytes must not be read (see refusal).
 */
export async function unpack(bytes: Uint8Array): Promise<Map<string, Buffer> | string> {
  const checked = await check(bytes, () => true);
  return typeof checked === 'string' ? checked : checked.kept;
}

/** The parts of a file, each inflated when asked for. */
export interface Parts {
  get(name: string): Buffer | undefined;
  has(name: string): boolean;
}

/** Parts that also give a part's bytes a piece at a time, as zlib inflates them. */
export interface PiecedParts extends Parts {
  /** The part's bytes in pieces; undefined when there is no such part. Throws as it goes when the part is not what the check found. */
  pieces(name: string): AsyncIterable<Buffer> | undefined;
  /** What gives the same pieces through inflatedPieces, in another thread too; undefined when there is no such part. */
  source(name: string): Part | undefined;
}

/** A part larger than this is inflated again when it is read rather than held from the check on. */
const HELD_BYTES = 1024 * 1024;

/**
 * unpack, holding only the small parts: each large one (a long tab's sheet) is checked as zlib
 * inflates it a piece at a time and inflated again when read, whole or in pieces, so that reading a
 * large workbook never holds more than one sheet's XML, nor leaves the memory of all of them to the process.
 */
export async function unpackLazily(bytes: Uint8Array): Promise<PiecedParts | string> {
  const checked = await check(bytes, (declared) => declared <= HELD_BYTES);
  if (typeof checked === 'string') return checked;
  const { kept, all } = checked;
  return {
    get(name) {
      const held = kept.get(name);
      if (held !== undefined) return held;
      const part = all.get(name);
      const content = part && contentOf(part);
      return content instanceof Buffer ? content : undefined;
    },
    has: (name) => all.has(name),
    pieces(name) {
      const held = kept.get(name);
      if (held !== undefined) return whole(held);
      const part = all.get(name);
      return part && inflatedPieces(part);
    },
    source(name) {
      const held = kept.get(name);
      if (held === undefined) return all.get(name);
      return { uncompressedSize: held.length, compressedContent: held, compression: { magic: STORED } };
    },
  };
}

/** A part held from the check on, as the one piece it is. */
async function* whole(content: Buffer): AsyncGenerator<Buffer> {
  yield content;
}

/** The cells the ranges of a part's XML name (rangeCells); null when the XML is not well formed. */
function rangesIn(xml: string): number | null {
  try {
    return rangeCells(xml);
  } catch {
    return null;
  }
}

/** Tells the scans of a file's parts that it has been judged: what they have not inflated yet is not needed. */
interface Judged {
  done: boolean;
}

/**
 * A part checked as contentOf checks it, inflated a piece at a time and let go of: 'more' or null as
 * contentOf says, else the cells its ranges name (0 when `ranges` is not asked for), null when its XML
 * is not well formed. Only a number is held while the parts before it are judged, never its text.
 */
async function scanned(part: Part, ranges: boolean, judged: Judged): Promise<number | 'more' | null> {
  const rows = new RowsLeftOut();
  try {
    for await (const piece of inflatedPieces(part)) {
      if (judged.done) return null;
      if (ranges) rows.push(piece);
    }
  } catch (error) {
    return error instanceof SizeNotDeclared && error.more ? 'more' : null;
  }
  if (!ranges) return 0;
  const without = rows.done();
  if (without !== null) return rangesIn(without);
  // Rows that never close (`<sheetData/>` and nothing after): withoutRows keeps the whole text.
  const content = contentOf(part);
  return content === 'more' || content === null ? content : rangesIn(withoutRows(content));
}

/** The checks of unpack, keeping the contents of the parts `hold` says to by their declared size, and every part by name. */
async function check(
  bytes: Uint8Array,
  hold: (declared: number) => boolean,
): Promise<{ kept: Map<string, Buffer>; all: Map<string, Part> } | string> {
  const other = notAZip(bytes);
  if (other !== null) return other;
  const zip = await JSZip.loadAsync(bytes).catch(() => null);
  if (!zip) return damaged();
  // exceljs reads every part that is not a folder, its name without a leading slash ("/a" and "a" both).
  const parts = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => ({ name: entry.name.replace(/^\//, ''), part: partOf(entry) }));
  const declared = parts.reduce((sum, { part }) => sum + part.uncompressedSize, 0);
  if (declared > MAX_BYTES)
    return t('cli.file.unpacks-too-large', { size: megabytes(declared), max: megabytes(MAX_BYTES) });
  const named = (wanted: string) => parts.find(({ name }) => name === wanted)?.part;
  if (!named('xl/workbook.xml')) {
    if (named('xl/workbook.bin')) return t('cli.file.xlsb');
    return openDocumentKind(named('mimetype')) ?? t('cli.file.zip');
  }
  let cells = 0;
  const kept = new Map<string, Buffer>();
  const all = new Map<string, Part>();
  // The large parts are inflated by zlib's threads all at once, while this one inflates the small ones;
  // each is still judged in the order of the file, and the first found wanting refuses it.
  const judged: Judged = { done: false };
  const scans = parts.map(({ name, part }) =>
    hold(part.uncompressedSize) ? null : scanned(part, expandsRanges(name), judged),
  );
  try {
    for (const [i, { name, part }] of parts.entries()) {
      const scan = scans[i];
      let ranges: number | 'more' | null;
      if (scan) {
        ranges = await scan;
        // A later part of the same name wins, as in exceljs.
        kept.delete(name);
      } else {
        const content = contentOf(part);
        if (content === 'more' || content === null) ranges = content;
        else {
          kept.set(name, content);
          ranges = expandsRanges(name) ? rangesIn(withoutRows(content)) : 0;
        }
      }
      if (ranges === 'more') return t('cli.file.more-than-declared', { part: printable(name) });
      if (ranges === null) return damaged();
      all.set(name, part);
      cells += ranges;
      if (cells > MAX_RANGE_CELLS) return t('cli.file.too-many-ranges', { cells, max: MAX_RANGE_CELLS });
    }
  } finally {
    judged.done = true;
  }
  return { kept, all };
}
