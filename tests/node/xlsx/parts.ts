/** Workbooks made for a test by editing the parts of a real one with JSZip, as a hand or another program leaves them. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';

export const EXAMPLE = path.resolve(__dirname, '../../../examples/uzbekistan.xlsx');

/** The example's tabs and their parts: Members is sheet2, Log sheet11, Compliance sheet12. */
export const PART = {
  Members: 'xl/worksheets/sheet2.xml',
  Meetings: 'xl/worksheets/sheet4.xml',
  Decisions: 'xl/worksheets/sheet5.xml',
  Log: 'xl/worksheets/sheet11.xml',
  Compliance: 'xl/worksheets/sheet12.xml',
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

/** The zip with the uncompressed size of one part, as its local and central headers declare it, set to `size`. */
export function declaring(zip: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(zip);
  let at = out.readUInt32LE(out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
  while (out.readUInt32LE(at) === 0x02014b50) {
    const [nameLength, extraLength, commentLength] = [
      out.readUInt16LE(at + 28),
      out.readUInt16LE(at + 30),
      out.readUInt16LE(at + 32),
    ];
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === part) {
      out.writeUInt32LE(size, at + 24);
      out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
      return out;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${part} is not in the zip`);
}
