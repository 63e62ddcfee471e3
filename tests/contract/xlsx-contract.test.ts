import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import { workbookContract } from './workbook-contract';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

workbookContract('XlsxWorkbook over a temporary file', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'unmn-contract-'));
  dirs.push(dir);
  const workbook = XlsxWorkbook.create();
  let saves = 0;
  return {
    workbook,
    async reopen() {
      const file = path.join(dir, `saved-${++saves}.xlsx`);
      await workbook.save(file);
      return XlsxWorkbook.open(file);
    },
  };
});
