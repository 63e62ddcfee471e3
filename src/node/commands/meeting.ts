/**
 * `unmn meeting ics ID FILE.xlsx [--out FILE.ics] [--today YYYY-MM-DD]`: a meeting's calendar
 * invitation as it stands, alone in an .ics file (next to the workbook by default): the one the
 * members got, or the update or cancellation the next tick would send. The workbook is not changed.
 * Exit 0 when written; 1 when the workbook has no meeting with that ID.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readNetwork } from '../../app/network';
import { currentInvitation } from '../../domain/email/due';
import { t } from '../../domain/i18n';
import { parseArguments, printable, todayOption, UsageError, type CliIo } from '../terminal';
import { XlsxWorkbook } from '../xlsx/workbook';

export const usage = (): string => t('cli.usage.meeting');

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(args, { out: { type: 'string' }, today: { type: 'string' } }, [
    'ics',
    t('cli.arg.id'),
    t('cli.arg.file'),
  ]);
  const [what = '', id = '', file = ''] = positionals;
  if (what !== 'ics') throw new UsageError(t('cli.meeting.only-ics', { what }));
  const today = todayOption(values.today);
  io.progress(t('cli.progress.reading', { file }));
  const { network } = readNetwork(await XlsxWorkbook.open(file));
  io.progress('');
  const invitation = currentInvitation(network, id, today);
  if (invitation === null) {
    io.err(printable(t('cli.meeting.none', { file, id })));
    return 1;
  }
  const out = values.out ?? path.join(path.dirname(file), `${id.trim().toUpperCase()}.ics`);
  await writeFile(out, invitation.ics);
  io.out(printable(t('cli.meeting.wrote', { out, method: invitation.method, id })));
  return 0;
}
