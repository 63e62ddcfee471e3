/** Workbooks made for a test by editing the parts of a real one with JSZip, as a hand or another program leaves them. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';

export const EXAMPLE = path.resolve(__dirname, '../../../examples/uzbekistan.xlsx');

/** The example's tabs and their parts: Members is sheet2, Log sheet9. */
export const PART = {
  Members: 'xl/worksheets/sheet2.xml',
  Meetings: 'xl/worksheets/sheet4.xml',
  Log: 'xl/worksheets/sheet9.xml',
} as const;

/** The workbook's bytes with each named part rewritten (a part that is not there is added from ''). */
export async function withParts(bytes: Buffer, edits: Record<string, (xml: string) => string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) zip.file(name, edit((await zip.file(name)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function partText(bytes: Buffer, name: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(name)?.async('string');
}

/** A sheet's XML with cells appended to one of its rows. */
export function appendCells(xml: string, row: number, cells: string): string {
  const pattern = new RegExp(`(<row r="${row}"[^>]*>[^]*?)</row>`);
  if (!pattern.test(xml)) throw new Error(`no row ${row}`);
  return xml.replace(pattern, `$1${cells}</row>`);
}

/** A sheet's XML with one cell (which must be there) replaced. */
export function replaceCell(xml: string, address: string, cell: string): string {
  const pattern = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[^]*?</c>)`);
  if (!pattern.test(xml)) throw new Error(`no cell ${address}`);
  return xml.replace(pattern, cell);
}

export const example = (): Promise<Buffer> => readFile(EXAMPLE);
