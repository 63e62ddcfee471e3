import { MemoryWorkbook } from '../support/memory-workbook';
import { workbookContract } from './workbook-contract';

// The use-case tests stand on MemoryWorkbook: it must keep the same contract as the real adapters.
workbookContract('MemoryWorkbook', async () => {
  const workbook = new MemoryWorkbook();
  return {
    workbook,
    async reopen() {
      return new MemoryWorkbook(Object.fromEntries(workbook.tabs));
    },
  };
});
