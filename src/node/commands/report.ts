/**
 * `unmn report NAME FILE.xlsx [--year YYYY] [--today YYYY-MM-DD] [--out DIR] [--json]`: a report (or
 * `all` of them) from an .xlsx copy, as one self-contained HTML file and one CSV per table in DIR (the
 * current directory by default). The workbook is not changed. With --json, standard output holds the
 * reports' data as JSON and nothing else, and no file is written: the data is the output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readNetwork } from '../../app/network';
import { yearOf } from '../../domain/dates';
import { REPORTS, reportNamed, type Report, type ReportDef } from '../../domain/reports';
import { tableCsv } from '../reports/csv';
import { renderReportHtml } from '../reports/html';
import { parseArguments, printable, todayOption, UsageError, type CliIo } from '../terminal';
import { XlsxWorkbook } from '../xlsx/workbook';

export const usage = `unmn report NAME FILE.xlsx [--year YYYY] [--today YYYY-MM-DD] [--out DIR] [--json], where NAME is ${REPORTS.map((r) => r.id).join(', ')} or all`;

function chosen(name: string): readonly ReportDef[] {
  if (name.trim().toLowerCase() === 'all') return REPORTS;
  const def = reportNamed(name);
  if (def === undefined) throw new UsageError(`there is no report "${name}"`);
  return [def];
}

/** `workplan-progress-2026`: the report's id, and its year where it has one. */
function baseName(report: Report): string {
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
    { year: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
    ['NAME', 'FILE.xlsx'],
  );
  const [name = '', file = ''] = positionals;
  const defs = chosen(name);
  const today = todayOption(values.today);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year))
    throw new UsageError(`--year must be a year as YYYY, not "${values.year}"`);
  const year = values.year === undefined ? yearOf(today) : Number(values.year);
  if (values.json && values.out !== undefined)
    throw new UsageError("--json prints the reports' data and writes no file: leave out --out, or --json");
  const dir = values.out ?? '.';
  io.progress(`Reading ${file}…`);
  const { network } = readNetwork(await XlsxWorkbook.open(file));
  if (values.json) {
    const reports = defs.map((def) => def.build(network, { year, today }));
    io.progress('');
    io.out(JSON.stringify(name.trim().toLowerCase() === 'all' ? reports : reports[0], null, 2));
    return 0;
  }
  await mkdir(dir, { recursive: true });
  for (const [i, def] of defs.entries()) {
    io.progress(`Writing the ${def.name.toLowerCase()} (${i + 1} of ${defs.length})…`);
    const report = def.build(network, { year, today });
    const files = await writeReport(report, dir);
    io.progress('');
    io.out(printable(`${report.title}: ${files.join(', ')}`));
  }
  return 0;
}
