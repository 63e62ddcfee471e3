/**
 * The floor under `unmn check` on a file: unzip it and parse its sheets' and shared strings' XML
 * with the reader's parser, building nothing. Run as a process of its own, as the CLI is, so that
 * both pay Node's start alike: `node build/bench/floor.mjs FILE`.
 */
import { readFile } from 'node:fs/promises';
import { unpack } from '../../../src/node/xlsx/guard';
import { parseXml } from '../../../src/node/xlsx/read';

const parts = await unpack(await readFile(process.argv[2]!));
if (typeof parts === 'string') throw new Error(parts);
for (const [name, bytes] of parts)
  if (name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml')
    parseXml(bytes.toString('utf8'), { open: () => undefined, close: () => undefined, text: () => undefined });
