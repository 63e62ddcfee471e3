/**
 * What exceljs drops when it writes back a file it loaded: the drawings of a sheet (charts, shapes,
 * pictures), its notes, and the defined names that are not ranges. A save through exceljs grafts
 * each sheet's drawing and notes back into what exceljs wrote, with every part they reach, under
 * names free in the new file, and puts back each defined name it lost. Where exceljs wrote notes of
 * its own (it reads some and empties others), the original's replace them: the add-on never edits
 * a drawing or a note.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { literally } from '../../domain/words';
import { parseXml, sheetEntries } from './read';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The last elements of a worksheet, in the schema's order. */
const TAIL = [
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** What a sheet relates to that exceljs drops: the relationship's type, and the element of the sheet that names it (none for notes). */
const KEPT = [
  { type: `${R}/drawing`, element: 'drawing' },
  { type: `${R}/vmlDrawing`, element: 'legacyDrawing' },
  { type: `${R}/comments`, element: null },
] as const;

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
      const part =
        TargetMode === 'External'
          ? null
          : Target.startsWith('/')
            ? Target.slice(1)
            : path.posix.join(path.posix.dirname(from), Target);
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

/** The worksheet's XML with an element naming a relationship, where the schema wants it. */
function withElement(xml: string, name: string, id: string): string {
  const element = `<${name} r:id="${escapeAttribute(id)}"/>`;
  // Past the elements before the tail that may hold an extLst of their own (a conditional format's rule).
  const floor = Math.max(
    xml.lastIndexOf('</sheetData>'),
    xml.lastIndexOf('conditionalFormatting>'),
    xml.lastIndexOf('dataValidations>'),
    0,
  );
  let at = -1;
  for (const follower of TAIL.slice(TAIL.indexOf(name) + 1)) {
    const pattern = new RegExp(`<(?:\\w+:)?${follower}[\\s/>]`, 'g');
    pattern.lastIndex = floor;
    const m = pattern.exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf('</');
  const rooted = /<(?:\w+:)?worksheet[^>]*\sxmlns:r=/.test(xml)
    ? xml
    : xml.replace(/<((?:\w+:)?worksheet)/, `<$1 xmlns:r="${R}"`);
  const shift = rooted.length - xml.length;
  return `${rooted.slice(0, at + shift)}${element}${rooted.slice(at + shift)}`;
}

interface DefinedName {
  readonly name: string;
  /** The tab it belongs to, by name; null for the whole workbook. */
  readonly tab: string | null;
  readonly xml: string;
}

/** The <definedName> elements of a workbook part, each with the tab its localSheetId names. */
function definedNames(workbook: string): DefinedName[] {
  const tabs = [...workbook.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1] ?? '');
  return [...workbook.matchAll(/<definedName\b[^>]*?(?:\/>|>[^]*?<\/definedName>)/g)].map(([xml]) => {
    const local = /\blocalSheetId="(\d+)"/.exec(xml)?.[1];
    return {
      name: /\bname="([^"]*)"/.exec(xml)?.[1] ?? '',
      tab: local === undefined ? null : (tabs[Number(local)] ?? null),
      xml,
    };
  });
}

/** The written workbook part with every defined name of the original that exceljs lost, its localSheetId following its tab. */
// @i18n-exempt: SpreadsheetML markup, and why a patch falls back to exceljs: for no person to read.
function withDefinedNames(original: string, written: string): string {
  const have = new Set(definedNames(written).map((d) => `${d.tab ?? ''}|${d.name}`));
  const tabs = [...written.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1] ?? '');
  const lost = definedNames(original)
    .filter((d) => !have.has(`${d.tab ?? ''}|${d.name}`) && (d.tab === null || tabs.includes(d.tab)))
    .map((d) =>
      d.tab === null ? d.xml : d.xml.replace(/\blocalSheetId="\d+"/, `localSheetId="${tabs.indexOf(d.tab)}"`),
    );
  if (lost.length === 0) return written;
  if (written.includes('</definedNames>')) return written.replace('</definedNames>', `${lost.join('')}</definedNames>`);
  return written.replace('</sheets>', `</sheets><definedNames>${lost.join('')}</definedNames>`);
}

/** A sheet's relationships that exceljs drops, by type, and the part each points to. */
type Kept = Map<string, string>;

/**
 * `written` (what exceljs wrote from the file whose parts are `original`) with what exceljs dropped
 * put back; `written` itself when the original had none of it.
 */
// @i18n-exempt: SpreadsheetML markup, and why a patch falls back to exceljs: for no person to read.
export async function keepWhatExcelJsDrops(original: ReadonlyMap<string, Buffer>, written: Buffer): Promise<Buffer> {
  const text = (name: string) => original.get(name)?.toString('utf8');
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) return written;
  const kept = new Map<string, Kept>();
  for (const { name, part } of sheetEntries(workbook, text('xl/_rels/workbook.xml.rels'), original).entries) {
    const found: Kept = new Map();
    for (const r of relationships(text(relsOf(part)), part)) {
      if (r.part !== null && original.has(r.part) && KEPT.some((k) => k.type === r.type)) found.set(r.type, r.part);
    }
    if (found.size > 0) kept.set(name, found);
  }
  if (kept.size === 0 && !workbook.includes('<definedName')) return written;

  const zip = await JSZip.loadAsync(written);
  const read = async (name: string) => zip.file(name)?.async('string');
  const outWorkbook = (await read('xl/workbook.xml')) ?? '';
  const namedAgain = withDefinedNames(workbook, outWorkbook);
  let changed = namedAgain !== outWorkbook;
  if (changed) zip.file('xl/workbook.xml', namedAgain);
  const outSheets = sheetEntries(outWorkbook, await read('xl/_rels/workbook.xml.rels'), {
    has: (part) => zip.file(part) !== null,
  }).entries;
  let types = (await read('[Content_Types].xml')) ?? '';
  const originalTypes = text('[Content_Types].xml') ?? '';
  const renamed = new Map<string, string>();
  const taken = (name: string) => zip.file(name) !== null || [...renamed.values()].includes(name);

  /** Copies a part and every part it reaches, each under a name free in the new file; returns the part's new name. */
  const graft = (start: string): string => {
    const queue = [start];
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (renamed.has(part) || !original.has(part)) continue;
      renamed.set(part, freeName(part, taken));
      for (const r of relationships(text(relsOf(part)), part)) if (r.part !== null) queue.push(r.part);
      const target = renamed.get(part)!;
      zip.file(target, original.get(part)!);
      const override = new RegExp(`<Override\\b[^>]*PartName="/${literally(part)}"[^>]*/>`).exec(originalTypes)?.[0];
      if (override)
        types = types.replace(
          '</Types>',
          `${override.replace(`PartName="/${part}"`, `PartName="/${target}"`)}</Types>`,
        );
      const extension = path.posix.extname(part).slice(1);
      const fallback = new RegExp(`<Default\\b[^>]*Extension="${extension}"[^>]*/>`, 'i');
      const known = fallback.exec(originalTypes)?.[0];
      if (known && !fallback.test(types)) types = types.replace('</Types>', `${known}</Types>`);
    }
    return renamed.get(start)!;
  };

  for (const { name, part: sheetPart } of outSheets) {
    const wanted = kept.get(name);
    let sheetXml = await read(sheetPart);
    if (wanted === undefined || sheetXml === undefined) continue;
    let sheetRels =
      (await read(relsOf(sheetPart))) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS}"></Relationships>`;
    const present = relationships(sheetRels, sheetPart);
    const ids = new Set(present.map((r) => r.id));
    let grafted = false;
    for (const { type, element } of KEPT) {
      const part = wanted.get(type);
      if (part === undefined) continue;
      // What exceljs wrote in its place (notes it read, emptied of text it did not understand) gives way to the original.
      for (const own of present.filter((r) => r.type === type)) {
        sheetRels = sheetRels.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${literally(own.id)}"[^>]*/>`), '');
        if (element !== null)
          sheetXml = sheetXml.replace(
            new RegExp(`<(?:\\w+:)?${element}\\b[^>]*\\bId="${literally(own.id)}"[^>]*/>`, 'i'),
            '',
          );
        if (own.part === null) continue;
        zip.remove(own.part);
        types = types.replace(new RegExp(`<Override\\b[^>]*PartName="/${literally(own.part)}"[^>]*/>`), '');
      }
      let n = 1;
      while (ids.has(`rIdKept${n}`)) n++;
      const id = `rIdKept${n}`;
      ids.add(id);
      const to = path.posix.relative(path.posix.dirname(sheetPart), graft(part));
      sheetRels = sheetRels.replace(
        '</Relationships>',
        `<Relationship Id="${id}" Type="${type}" Target="${escapeAttribute(to)}"/></Relationships>`,
      );
      if (element !== null) sheetXml = withElement(sheetXml, element, id);
      grafted = true;
    }
    if (!grafted) continue;
    zip.file(relsOf(sheetPart), sheetRels);
    zip.file(sheetPart, sheetXml);
    changed = true;
  }
  // The relationships of every part copied, pointing at the copies.
  for (const [part, target] of renamed) {
    const rels = text(relsOf(part));
    if (rels === undefined) continue;
    const moved = rels.replace(
      /(<Relationship\b[^>]*?\bTarget=")([^"]*)(")/g,
      (whole, open: string, to: string, close: string) => {
        if (/TargetMode="External"/.test(whole)) return whole;
        const now = renamed.get(to.startsWith('/') ? to.slice(1) : path.posix.join(path.posix.dirname(part), to));
        return now === undefined
          ? whole
          : `${open}${escapeAttribute(path.posix.relative(path.posix.dirname(target), now))}${close}`;
      },
    );
    zip.file(relsOf(target), moved);
  }
  if (!changed) return written;
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
