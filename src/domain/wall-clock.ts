/**
 * The wall-clock time an instant shows in a time zone, from the platform's time zone data (Intl),
 * with no service call: what a date cell holds in the spreadsheet's zone, and what an invitation's
 * local time means there.
 */

export type Fields = [year: number, month: number, day: number, hour: number, minute: number, second: number];

const formats = new Map<string, Intl.DateTimeFormat>();

export function wallClockIn(instant: Date, timeZone: string): Fields {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const f: Record<string, number> = {};
  for (const p of format.formatToParts(instant)) if (p.type !== 'literal') f[p.type] = Number(p.value);
  return [f.year ?? 1970, f.month ?? 1, f.day ?? 1, (f.hour ?? 0) % 24, f.minute ?? 0, f.second ?? 0];
}
