/**
 * A date cell holds a wall-clock time in the spreadsheet's time zone, while a `Date` in the script is
 * an instant shown in the script's zone. When the two zones differ, a local-midnight date written
 * as is would land on the previous (or next) calendar day. These convert between the two, in memory,
 * with no service calls.
 */

import { wallClockIn, type Fields } from '../domain/wall-clock';

function localFields(date: Date): Fields {
  return [
    date.getFullYear(),
    date.getMonth() + 1,
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
  ];
}

function utcOf(f: Fields): number {
  return Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5]);
}

export interface ZoneBridge {
  /** The value to write so that the sheet shows the local wall clock of `date`. */
  toSheet(date: Date): Date;
  /** The local `Date` whose wall clock is what the sheet shows for `date`. */
  fromSheet(date: Date): Date;
}

const SAME: ZoneBridge = { toSheet: (d) => d, fromSheet: (d) => d };

export function zoneBridge(sheetZone: string, scriptZone: string): ZoneBridge {
  if (sheetZone === '' || sheetZone === scriptZone) return SAME;
  return {
    toSheet(date) {
      const target = localFields(date);
      const wanted = utcOf(target) + date.getMilliseconds();
      let instant = wanted;
      for (let i = 0; i < 3; i++)
        instant = wanted - (utcOf(wallClockIn(new Date(instant), sheetZone)) - Math.floor(instant / 1000) * 1000);
      // A wall-clock time the zone skipped (midnight of 1 April 1984 in Tashkent, when clocks went to
      // 01:00) has no instant: the first hour of the same day that exists stands for it, never the day before.
      for (
        let hour = 0;
        hour < 3 && wallClockIn(new Date(instant), sheetZone).slice(0, 3).join() !== target.slice(0, 3).join();
        hour++
      )
        instant += 3_600_000;
      return new Date(instant);
    },
    fromSheet(date) {
      const [y, m, d, h, mi, s] = wallClockIn(date, sheetZone);
      return new Date(y, m - 1, d, h, mi, s, date.getMilliseconds());
    },
  };
}
