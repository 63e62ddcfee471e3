/**
 * What exceljs drops when it writes back a file it loaded: the drawings of a sheet, with the charts,
 * shapes and pictures in them. A save through exceljs grafts the drawing of each sheet that had one
 * back into what exceljs wrote, with every part the drawing reaches, under names free in the new
 * file. A sheet that exceljs gave a drawing of its own (its pictures) keeps that one.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { parseXml, sheetEntries } from './xlsx-read';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The elements that follow <drawing> in a worksheet, in the schema's order. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part it points to, named from the zip's root; null for an external target. */
  readonly part: string | null;
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
function relsOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

function relationships(xml: string | undefined, from: string): Relationship[] {
  const found: Relationship[] = [];
  if (xml === undefined) return found;
  parseXml(xml, {
    open(tag) {
      if (tag.name !== 'Relationship') return;
      const { Id = '', Type = '', Target = '', TargetMode } = tag.attributes;
      const part = TargetMode === 'External' ? null : Target.startsWith('/') ? Target.slice(1) : path.posix.join(path.posix.dirname(from), Target);
      found.push({ id: Id, type: Type, part });
    },
  });
  return found;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A part name the new file does not use yet, in the folder and with the extension of `part`. */
function freeName(part: string, taken: (name: string) => boolean): string {
  if (!taken(part)) return part;
  const { dir, name, ext } = path.posix.parse(part);
  const stem = name.replace(/\d+$/, '');
  for (let n = 1; ; n++) {
    const candidate = path.posix.join(dir, `${stem}${n}${ext}`);
    if (!taken(candidate)) return candidate;
  }
}

/** The worksheet's XML with a <drawing> element where the schema wants it. */
function withDrawing(xml: string, id: string): string {
  const element = `<drawing r:id="${escapeAttribute(id)}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<(?:\\w+:)?${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf('</');
  const rooted = /<(?:\w+:)?worksheet[^>]*\sxmlns:r=/.test(xml) ? xml : xml.replace(/<((?:\w+:)?worksheet)/, `<$1 xmlns:r="${R}"`);
  const shift = rooted.length - xml.length;
  return `${rooted.slice(0, at + shift)}${element}${rooted.slice(at + shift)}`;
}

/**
 * `written` (what exceljs wrote from the file whose parts are `original`) with each sheet's drawing
 * of the original grafted back; `written` itself when the original has no drawing.
 */
export async function keepDrawings(original: ReadonlyMap<string, Buffer>, written: Buffer): Promise<Buffer> {
  if (![...original.keys()].some((name) => name.startsWith('xl/drawings/'))) return written;
  const text = (name: string) => original.get(name)?.toString('utf8');
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) return written;
  const drawings = new Map<string, string>();
  for (const { name, part } of sheetEntries(workbook, text('xl/_rels/workbook.xml.rels'), original).entries) {
    const drawing = relationships(text(relsOf(part)), part).find((r) => r.type === DRAWING && r.part !== null && original.has(r.part));
    if (drawing?.part) drawings.set(name, drawing.part);
  }
  if (drawings.size === 0) return written;

  const zip = await JSZip.loadAsync(written);
  const read = async (name: string) => zip.file(name)?.async('string');
  const outWorkbook = (await read('xl/workbook.xml')) ?? '';
  const outSheets = sheetEntries(outWorkbook, await read('xl/_rels/workbook.xml.rels'), { has: (part) => zip.file(part) !== null }).entries;
  let types = (await read('[Content_Types].xml')) ?? '';
  const originalTypes = text('[Content_Types].xml') ?? '';
  const renamed = new Map<string, string>();
  const taken = (name: string) => zip.file(name) !== null || [...renamed.values()].includes(name);

  for (const { name, part: sheetPart } of outSheets) {
    const drawing = drawings.get(name);
    const sheetXml = await read(sheetPart);
    if (drawing === undefined || sheetXml === undefined || /<(?:\w+:)?drawing[\s/>]/.test(sheetXml)) continue;
    // The drawing and every part it reaches, each under a name free in the new file.
    const reached: string[] = [];
    const queue = [drawing];
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (renamed.has(part) || !original.has(part)) continue;
      renamed.set(part, freeName(part, taken));
      reached.push(part);
      for (const r of relationships(text(relsOf(part)), part)) if (r.part !== null) queue.push(r.part);
    }
    for (const part of reached) {
      const target = renamed.get(part)!;
      zip.file(target, original.get(part)!);
      const rels = text(relsOf(part));
      if (rels !== undefined) {
        const moved = rels.replace(/(<Relationship\b[^>]*?\bTarget=")([^"]*)(")/g, (whole, open: string, to: string, close: string) => {
          if (/TargetMode="External"/.test(whole)) return whole;
          const from = to.startsWith('/') ? to.slice(1) : path.posix.join(path.posix.dirname(part), to);
          const now = renamed.get(from);
          return now === undefined ? whole : `${open}${escapeAttribute(path.posix.relative(path.posix.dirname(target), now))}${close}`;
        });
        zip.file(relsOf(target), moved);
      }
      const override = new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`).exec(originalTypes)?.[0];
      if (override) types = types.replace('</Types>', `${override.replace(`PartName="/${part}"`, `PartName="/${target}"`)}</Types>`);
      const extension = path.posix.extname(part).slice(1);
      const fallback = new RegExp(`<Default\\b[^>]*Extension="${extension}"[^>]*/>`, 'i');
      const known = fallback.exec(originalTypes)?.[0];
      if (known && !fallback.test(types)) types = types.replace('</Types>', `${known}</Types>`);
    }
    const sheetRels = (await read(relsOf(sheetPart))) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS}"></Relationships>`;
    const ids = new Set(relationships(sheetRels, sheetPart).map((r) => r.id));
    let n = 1;
    while (ids.has(`rIdDrawing${n}`)) n++;
    const id = `rIdDrawing${n}`;
    const to = path.posix.relative(path.posix.dirname(sheetPart), renamed.get(drawing)!);
    zip.file(relsOf(sheetPart), sheetRels.replace('</Relationships>', `<Relationship Id="${id}" Type="${DRAWING}" Target="${escapeAttribute(to)}"/></Relationships>`));
    zip.file(sheetPart, withDrawing(sheetXml, id));
  }
  if (renamed.size === 0) return written;
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
