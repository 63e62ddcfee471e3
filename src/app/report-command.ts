/**
 * A report as a menu command: asks for the year where the report has one (blank: this year), then
 * builds it into its tab, and with `send` emails it as its REPORTS entry says.
 */
import { FIRST_YEAR, LAST_YEAR, YEARS } from '../domain/dates';
import { reportNamed } from '../domain/reports';
import type { Ports } from '../ports';
import { runReport } from './reports';

/** The year asked for: null when the person cancelled or typed something that is not a year (they are told). */
function askYear(ports: Pick<Ports, 'ui' | 'clock'>, title: string): number | null {
  const thisYear = Number(ports.clock.today().slice(0, 4));
  const answer = ports.ui.prompt(`Which year? Leave it blank for ${thisYear}.`, title);
  if (answer === null) return null;
  if (answer === '') return thisYear;
  const year = Number(answer);
  if (!/^\d{4}$/.test(answer) || year < FIRST_YEAR || year > LAST_YEAR) {
    ports.ui.alert(`"${answer}" is not a year ${YEARS}: nothing was written.`, title);
    return null;
  }
  return year;
}

export function reportCommand(id: string, options: { readonly send?: boolean } = {}): (ports: Ports) => void {
  return (ports) => {
    const def = reportNamed(id);
    if (def === undefined) throw new Error(`The add-on has no report ${id}.`);
    const year = def.takesYear ? askYear(ports, def.name) : undefined;
    if (year === null) return;
    runReport(ports, def.id, { ...(year === undefined ? {} : { year }), send: options.send ?? false });
  };
}
