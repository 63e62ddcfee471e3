/**
 * `unmn init FILE.xlsx [--profile azerbaijan|uzbekistan|custom] [--name "Network name"] [--force]`:
 * a new workbook with every tab of docs/workbook.md, its headers, dropdowns, checkboxes, date formats and
 * the ToR profile's Settings, ready to upload to Google Drive and open as a Google Sheet.
 */
import { existsSync } from 'node:fs';
import { setupWorkbook } from '../../app/setup';
import { PROFILE_IDS, type ProfileId } from '../../domain/settings';
import { parseArguments, UsageError, type CliIo } from '../terminal';
import { XlsxWorkbook } from '../xlsx/workbook';

export const usage = `unmn init FILE.xlsx [--profile ${PROFILE_IDS.join('|')}] [--name "Network name"] [--force]`;

function profileOf(value: string | undefined): ProfileId {
  if (value === undefined) return 'custom';
  const wanted = value.trim().toLowerCase();
  const id = PROFILE_IDS.find((p) => p === wanted);
  if (!id) throw new UsageError(`there is no profile "${value}"`);
  return id;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(
    args,
    { profile: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean' } },
    ['FILE.xlsx'],
  );
  const file = positionals[0] ?? '';
  if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError(`${file} should end in .xlsx`);
  const profile = profileOf(values.profile);
  if (existsSync(file) && !values.force) {
    io.err(`unmn init: ${file} already exists; add --force to replace it`);
    return 2;
  }
  const workbook = XlsxWorkbook.create();
  setupWorkbook(workbook, { profile, ...(values.name === undefined ? {} : { networkName: values.name }) });
  await workbook.save(file);
  io.out(`Created ${file} (${workbook.tabNames().length} tabs, ToR profile ${profile})`);
  return 0;
}
