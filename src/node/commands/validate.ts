/**
 * `unmn validate FILE.xlsx [--json]`: every cell of the workbook that breaks docs/workbook.md, each named
 * by tab, row and column with what was expected. The Secretariat runs it before the compliance check, or
 * after editing the file by hand. Exit 0: no problems; 1: problems; 2: the file cannot be read.
 */
import { isBlank } from '../../domain/cells';
import type { RowCells, RowsInto } from '../../domain/codec';
import { t } from '../../domain/i18n';
import { formatProblem, sortProblems } from '../../domain/problems';
import { decodeTabs } from '../../domain/network';
import { TABLES } from '../../domain/tables';
import { parseArguments, printable, type CliIo } from '../terminal';
import { readTabsOnce } from '../xlsx/workbook';

export const usage = (): string => t('cli.usage.validate');

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(args, { json: { type: 'boolean' } }, [t('cli.arg.file')]);
  const file = positionals[0] ?? '';
  io.progress(t('cli.progress.reading', { file }));
  const workbook = await readTabsOnce(file);
  let rows = 0;
  // Each row below the header that holds anything counts, decoded or not.
  const filled = (number: number, cells: RowCells) => number > 1 && !cells.every(isBlank);
  const counting = <R>(into: RowsInto<R>): RowsInto<R> => {
    // Counted when the rows end: a reader that gives them anew begins with another.
    let count = 0;
    return {
      row(number, cells) {
        if (filled(number, cells)) count++;
        into.row(number, cells);
      },
      end(lastRow) {
        rows += count;
        return into.end(lastRow);
      },
    };
  };
  const network = await decodeTabs({
    async grid(tab) {
      const grid = await workbook.grid(tab);
      grid?.forEach((cells, r) => filled(r + 1, cells) && rows++);
      return grid;
    },
    rows: (tab, into) => workbook.rows(tab, () => counting(into())),
  });
  await workbook.rest();
  const problems = sortProblems(network.allProblems);
  io.progress('');
  if (values.json) {
    io.out(JSON.stringify(problems, null, 2));
    return problems.length === 0 ? 0 : 1;
  }
  // Counted as `unmn init` counts them, so that one workbook has one number of tabs.
  const names = new Set(workbook.names);
  const tabs = TABLES.filter((t) => names.has(t.name)).length;
  if (problems.length === 0) {
    io.out(io.color.green(t('cli.validate.none', { tabs, rows })));
    return 0;
  }
  for (const problem of problems) {
    const line = printable(formatProblem(problem));
    const colon = line.indexOf(': ');
    io.out(`${io.color.bold(line.slice(0, colon))}${line.slice(colon)}`);
  }
  io.err(io.color.red(t('cli.validate.problems', { problems: problems.length, file, tabs, rows })));
  return 1;
}
