/**
 * `unmn report NAME FILE.xlsx [--year YYYY] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--today YYYY-MM-DD]
 * [--out DIR] [--json]`: a report (or `all` of them) from an .xlsx copy, as one self-contained HTML
 * file and one CSV per table in DIR (the current directory by default). The GCM review pack covers
 * --from to --to, or the twelve months of --year, or by default the days since the last GCM review.
 * The workbook is not changed. With --json, standard output holds the reports' data as JSON and
 * nothing else, and no file is written: the data is the output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { yearOf } from '../../domain/dates';
import { t } from '../../domain/i18n';
import { REPORTS, reportNamed, type Period, type Report, type ReportDef } from '../../domain/reports';
import { sinceLastReview, yearPeriod } from '../../domain/reports/gcm-summary';
import { tableCsv } from '../reports/csv';
import { renderReportHtml } from '../reports/html';
import { dayOption, parseArguments, printable, todayOption, UsageError, type CliIo } from '../terminal';
import { networkOfFile } from '../network-file';

export const usage = (): string => t('cli.usage.report', { names: REPORTS.map((r) => r.id).join(', ') });

function chosen(name: string): readonly ReportDef[] {
  if (name.trim().toLowerCase() === 'all') return REPORTS;
  const def = reportNamed(name);
  if (def === undefined) throw new UsageError(t('cli.report.none', { name }));
  return [def];
}

/** `workplan-progress-2026`, `gcm-summary-2026-04-01-to-2026-11-23`: the report's id, and its year or period. */
function baseName(report: Report): string {
  if (report.period !== null) return `${report.id}-${report.period.from}-to-${report.period.to}`;
  return report.year === null ? report.id : `${report.id}-${report.year}`;
}

/** Writes the report's HTML file and CSV files; returns their paths. */
async function writeReport(report: Report, dir: string): Promise<string[]> {
  const base = path.join(dir, baseName(report));
  const files: [string, string][] = [
    [`${base}.html`, await renderReportHtml(report)],
    ...report.tables.map((t): [string, string] => [`${base}-${t.id}.csv`, tableCsv(t)]),
  ];
  for (const [file, text] of files) await writeFile(file, text, 'utf8');
  return files.map(([file]) => file);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(
    args,
    {
      year: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      today: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    [t('cli.arg.report'), t('cli.arg.file')],
  );
  const [name = '', file = ''] = positionals;
  const defs = chosen(name);
  const today = todayOption(values.today);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year))
    throw new UsageError(t('cli.report.year', { value: values.year }));
  const year = values.year === undefined ? yearOf(today) : Number(values.year);
  const [from, to] = [dayOption('from', values.from), dayOption('to', values.to)];
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError(t('cli.report.from-after-to', { from, to }));
  if (values.json && values.out !== undefined) throw new UsageError(t('cli.report.json-out'));
  const dir = values.out ?? '.';
  io.progress(t('cli.progress.reading', { file }));
  const network = await networkOfFile(file);
  // A period given in part keeps the rest of its default: the year's, or since the last review.
  const fallback = values.year === undefined ? sinceLastReview(network, today) : yearPeriod(year);
  const period: Period | undefined =
    from === undefined && to === undefined && values.year === undefined
      ? undefined
      : { from: from ?? fallback.from, to: to ?? fallback.to };
  if (values.json) {
    const reports = defs.map((def) => def.build(network, { year, today, ...(period === undefined ? {} : { period }) }));
    io.progress('');
    io.out(JSON.stringify(name.trim().toLowerCase() === 'all' ? reports : reports[0], null, 2));
    return 0;
  }
  await mkdir(dir, { recursive: true });
  for (const [i, def] of defs.entries()) {
    io.progress(t('cli.progress.report', { report: def.name.toLowerCase(), n: i + 1, total: defs.length }));
    const report = def.build(network, { year, today, ...(period === undefined ? {} : { period }) });
    const files = await writeReport(report, dir);
    io.progress('');
    io.out(printable(`${report.title}: ${files.join(', ')}`));
  }
  return 0;
}
