/**
 * `unmn check FILE.xlsx [--today YYYY-MM-DD] [--json]`: the ToR compliance check of RULES.md on an
 * .xlsx copy, without writing to it. Exit 0 when the check found nothing out of line with the ToR
 * (warnings and notes are no failure); 1 when it found an error; 2 when the file cannot be read or
 * --today is not a date.
 */
import { longDay } from '../../domain/dates';
import { t } from '../../domain/i18n';
import {
  checkNetwork,
  countBySeverity,
  describeCounts,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  type Finding,
  type Severity,
} from '../../domain/rules';
import { parseArguments, printable, todayOption, type CliIo } from '../terminal';
import { networkOfFile } from '../network-file';

export const usage = (): string => t('cli.usage.check');

export function formatFinding(f: Finding): string[] {
  const where = `${f.sheet}${f.row === null ? '' : `!${f.row}`}${f.ref === null ? '' : ` ${f.ref}`}`;
  return [
    `  ${where} — ${f.message}`,
    `      ${t('cli.check.fix', { fix: f.fix })}`,
    `      ${t('cli.check.tor', { clause: f.clause })}`,
  ].map(printable);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(args, { today: { type: 'string' }, json: { type: 'boolean' } }, [
    t('cli.arg.file'),
  ]);
  const today = todayOption(values.today);
  const file = positionals[0] ?? '';
  io.progress(t('cli.progress.reading', { file }));
  const network = await networkOfFile(file);
  io.progress(t('cli.progress.checking'));
  const findings = checkNetwork(network, today);
  io.progress('');
  const counts = countBySeverity(findings);
  const code = counts.error > 0 ? 1 : 0;
  if (values.json) {
    io.out(JSON.stringify(findings, null, 2));
    return code;
  }
  const paint: Readonly<Record<Severity, (t: string) => string>> = {
    error: io.color.red,
    warning: io.color.yellow,
    info: io.color.dim,
  };
  io.out(
    io.color.bold(
      t('cli.check.heading', {
        file,
        day: longDay(today),
        tor: network.profile.torName,
        counts: describeCounts(counts),
      }),
    ),
  );
  if (findings.length === 0) {
    io.out(io.color.green(t('cli.check.none')));
    return 0;
  }
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    io.out('');
    io.out(paint[severity](io.color.bold(`${SEVERITY_LABELS[severity]} (${group.length})`)));
    for (const f of group) {
      const [line, ...rest] = formatFinding(f);
      io.out(paint[severity](line ?? ''));
      for (const r of rest) io.out(io.color.dim(r));
    }
  }
  return code;
}
