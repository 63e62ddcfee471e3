/**
 * `unmn init FILE.xlsx [--profile azerbaijan|uzbekistan|custom] [--name "Network name"] [--force]`:
 * a new workbook with every tab of docs/workbook.md, its headers, dropdowns, checkboxes, date formats and
 * the ToR profile's Settings, ready to upload to Google Drive and open as a Google Sheet.
 */
import { existsSync } from 'node:fs';
import { setupWorkbook } from '../../app/setup';
import { t } from '../../domain/i18n';
import { PROFILE_IDS, type ProfileId } from '../../domain/settings';
import { parseArguments, UsageError, type CliIo } from '../terminal';
import { XlsxWorkbook } from '../xlsx/workbook';

export const usage = (): string => t('cli.usage.init', { profiles: PROFILE_IDS.join('|') });

function profileOf(value: string | undefined): ProfileId {
  if (value === undefined) return 'custom';
  const wanted = value.trim().toLowerCase();
  const id = PROFILE_IDS.find((p) => p === wanted);
  if (!id) throw new UsageError(t('cli.init.no-profile', { value }));
  return id;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(
    args,
    { profile: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean' } },
    [t('cli.arg.file')],
  );
  const file = positionals[0] ?? '';
  if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError(t('cli.init.not-xlsx', { file }));
  const profile = profileOf(values.profile);
  if (existsSync(file) && !values.force) {
    io.err(t('cli.init.exists', { file }));
    return 2;
  }
  const workbook = XlsxWorkbook.create();
  setupWorkbook(workbook, { profile, ...(values.name === undefined ? {} : { networkName: values.name }) });
  await workbook.save(file);
  io.out(t('cli.init.created', { file, tabs: workbook.tabNames().length, profile }));
  return 0;
}
