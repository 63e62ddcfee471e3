/**
 * `unmn tick FILE.xlsx [--today YYYY-MM-DD] [--outbox DIR] [--dry-run]`: the hourly tick of the
 * add-on on an .xlsx copy: the minutes due, the day's reminders and the retries, each message
 * written as an .eml file into the outbox (next to the file by default) instead of being sent. The
 * workbook is saved with the Log rows and dates the tick wrote, unless --dry-run leaves it as it was.
 * Exit 0 when the tick ran, 1 when the workbook cannot remember what it sent (no Log tab).
 */
import path from 'node:path';
import { describeDelivery } from '../../app/deliver';
import { hourlyTick } from '../../app/tick';
import { EmlOutbox } from '../eml-outbox';
import { clockFor, tracking } from '../playground/ports';
import { parseArguments, printable, todayOption, type CliIo } from '../terminal';
import { XlsxWorkbook } from '../xlsx-workbook';

export const usage = 'unmn tick FILE.xlsx [--today YYYY-MM-DD] [--outbox DIR] [--dry-run]';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(args, { today: { type: 'string' }, outbox: { type: 'string' }, 'dry-run': { type: 'boolean' } }, ['FILE.xlsx']);
  const today = todayOption(values.today);
  const file = positionals[0] ?? '';
  const dir = values.outbox ?? path.join(path.dirname(file), 'outbox');
  io.progress(`Reading ${file}…`);
  const workbook = await XlsxWorkbook.open(file);
  const { port, changed } = tracking(workbook);
  const clock = clockFor(today);
  const outbox = new EmlOutbox(clock);
  // One process works on the file: nothing else can hold its lock.
  const report = hourlyTick({ workbook: port, clock, lock: { withDocumentLock: (fn) => fn() }, mailer: outbox, user: { email: () => '', owner: () => '' } }, { anyCaller: true });
  io.progress('Writing the messages…');
  const files = await outbox.write(dir);
  io.progress('');
  io.out(io.color.bold(`Hourly tick of ${file} on ${today}`));
  for (const line of describeDelivery(report)) io.out(`  ${printable(line)}`);
  if (files.length > 0) {
    io.out(`Wrote ${files.length} message${files.length === 1 ? '' : 's'} to ${dir}:`);
    for (const f of files) io.out(`  ${path.basename(f)}`);
  }
  if (values['dry-run']) io.out(`--dry-run: ${file} is left as it was.`);
  else if (changed()) {
    await workbook.save(file);
    io.out(`Saved ${file}.`);
  }
  return report.problem === '' ? 0 : 1;
}
