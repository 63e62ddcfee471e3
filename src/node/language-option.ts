/**
 * `--lang en|ru`, taken the same way by `unmn` and the playground's `npm start`: out of the
 * arguments, wherever it stands, and pinned before anything is read or written.
 */
import { isLanguage, pinLanguage, t } from '../domain/i18n';

const LANG = '--lang';

/**
 * Takes `--lang en|ru` (or `--lang=ru`) out of the arguments and pins the language. A value that is
 * no language is refused with a line to print.
 */
export function takeLanguage(argv: readonly string[]): { args: string[]; refusal: string | null } {
  const args: string[] = [];
  let refusal: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg !== LANG && !arg.startsWith(`${LANG}=`)) {
      args.push(arg);
      continue;
    }
    const value = arg === LANG ? argv[++i] : arg.slice(LANG.length + 1);
    if (value === undefined || value === '') refusal = t('cli.error.lang-missing');
    else if (isLanguage(value)) pinLanguage(value);
    else refusal = t('cli.error.lang', { value });
  }
  return { args, refusal };
}
