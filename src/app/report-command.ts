/**
 * A report as a menu command: asks for the year where the report has one (blank: this year), or the
 * first day of the period where it covers one (blank: since the last GCM review), then builds it
 * into its tab, and with `send` emails it as its REPORTS entry says, asking first for the cover note
 * (blank: the Settings row).
 */
import { FIRST_YEAR, isDayInYears, LAST_YEAR } from '../domain/dates';
import { longDay } from '../domain/email/render';
import { t } from '../domain/i18n';
import { reportNamed, type Period } from '../domain/reports';
import { sinceLastReview } from '../domain/reports/gcm-summary';
import { SettingsTable } from '../domain/tables';
import { readNetwork } from './network';
import type { Ports } from '../ports';
import { runReport } from './reports';

/** The year asked for: null when the person cancelled or typed something that is not a year (they are told). */
function askYear(ports: Pick<Ports, 'ui' | 'clock'>, title: string): number | null {
  const thisYear = Number(ports.clock.today().slice(0, 4));
  const answer = ports.ui.prompt(t('reports.ask.year', { year: thisYear }), title);
  if (answer === null) return null;
  if (answer === '') return thisYear;
  const year = Number(answer);
  if (!/^\d{4}$/.test(answer) || year < FIRST_YEAR || year > LAST_YEAR) {
    ports.ui.alert(t('reports.ask.not-a-year', { answer, first: FIRST_YEAR, last: LAST_YEAR }), title);
    return null;
  }
  return year;
}

/** The cover note typed for this copy ('' for the Settings row's); null when the person cancelled. */
function askCoverNote(ports: Pick<Ports, 'ui'>, title: string): string | null {
  const answer = ports.ui.prompt(t('reports.ask.cover-note'), title);
  return answer === null ? null : answer.trim();
}

/**
 * The period asked for: from the day typed (blank: the day after Settings' Last GCM review on) to
 * today; null when the person cancelled or typed something that is not a day (they are told).
 */
function askPeriod(ports: Ports, title: string, since: Period): Period | null {
  const today = ports.clock.today();
  const answer = ports.ui.prompt(t('reports.ask.period', { day: longDay(since.from) }), title);
  if (answer === null) return null;
  if (answer === '') return since;
  if (!isDayInYears(answer) || answer > today) {
    ports.ui.alert(t('reports.ask.not-a-day', { answer }), title);
    return null;
  }
  return { from: answer, to: today };
}

export function reportCommand(id: string, options: { readonly send?: boolean } = {}): (ports: Ports) => void {
  return (ports) => {
    const def = reportNamed(id);
    if (def === undefined) throw new Error(t('reports.ask.no-report', { id }));
    if (def.takesPeriod) {
      // Settings alone say when the last review was: one read before the prompt.
      const network = readNetwork(ports.workbook, [SettingsTable]).network;
      const period = askPeriod(ports, def.label, sinceLastReview(network, ports.clock.today()));
      if (period !== null) runReport(ports, def.id, { period, send: options.send ?? false });
      return;
    }
    const year = def.takesYear ? askYear(ports, def.label) : undefined;
    if (year === null) return;
    const coverNote = options.send && def.share?.to === 'unctReportingEmail' ? askCoverNote(ports, def.label) : '';
    if (coverNote === null) return;
    runReport(ports, def.id, {
      ...(year === undefined ? {} : { year }),
      ...(coverNote === '' ? {} : { notes: { coverNote } }),
      send: options.send ?? false,
    });
  };
}
