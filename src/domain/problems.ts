/**
 * The cells and tabs that break WORKBOOK.md, as people read them: in the order of the workbook, each
 * named by tab, row and column, saying what is expected once. `unmn validate` and the playground both
 * list them this way.
 */
import type { Problem } from './codec';
import { t } from './i18n';
import { TABLES } from './tables';

const TAB_ORDER = new Map<string, number>(TABLES.map((t, i) => [t.name, i]));

/** Tab order of WORKBOOK.md, then row (whole-tab problems first); the codec's column order within a row. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort(
      (a, b) =>
        (TAB_ORDER.get(a.problem.sheet) ?? TABLES.length) - (TAB_ORDER.get(b.problem.sheet) ?? TABLES.length) ||
        (a.problem.row ?? 0) - (b.problem.row ?? 0) ||
        a.i - b.i,
    )
    .map(({ problem }) => problem);
}

/** What is wrong, then what is expected, unless the message already says it. */
export function problemText(problem: Pick<Problem, 'message' | 'expected'>): string {
  const { message, expected } = problem;
  return expected === null || message.includes(expected.replace(/^an? /, ''))
    ? message
    : t('check.problem.expected', { message, expected });
}

/** `Meetings!2 Mode: "By carrier pigeon" is not one of In person, Online, Hybrid`. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.sheet}${problem.row === null ? '' : `!${problem.row}`}${problem.column === null ? '' : ` ${problem.column}`}`;
  return `${where}: ${problemText(problem)}`;
}
