/**
 * How the workbook's values and tab names are spelled in an .xlsx file, shared by the reader, the
 * value patcher and the exceljs adapter: date serials, number formats, tab names Excel refuses, and
 * cell addresses.
 */

export const DATE_FORMAT = 'yyyy-mm-dd';
// @i18n-exempt: a number format, in Excel's codes
export const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** A file's dates count from 1900, or from 1904 when its workbook says so (old Mac Excel). */
const EPOCH_1900 = 25569;
const DAYS_1904 = 1462;
const DAY_MS = 24 * 3600 * 1000;

/** Dates are serials as if in UTC; the codec wants the day the cell shows, a local Date. */
export function localOf(utc: Date): Date {
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
    utc.getUTCMilliseconds(),
  );
}

export function utcOf(local: Date): Date {
  return new Date(
    Date.UTC(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
    ),
  );
}

/**
 * The Date a stored serial stands for, as exceljs reads it (the same JavaScript arithmetic, so a
 * formula's text or boolean result in a date cell reads as exceljs gives it).
 */
export function dateOfSerial(serial: unknown, date1904: boolean): Date {
  return new Date(Math.round(((serial as number) - EPOCH_1900 + (date1904 ? DAYS_1904 : 0)) * DAY_MS));
}

/** The serial that a local Date is stored as. */
export function serialOfDate(local: Date, date1904: boolean): number {
  return EPOCH_1900 + utcOf(local).getTime() / DAY_MS - (date1904 ? DAYS_1904 : 0);
}

/**
 * What a spreadsheet file cannot hold: the control characters XML 1.0 refuses (and DEL, which
 * exceljs drops), U+FFFE, U+FFFF, and either half of a surrogate pair standing alone.
 */
const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text without the characters a spreadsheet file cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

export function isMidnight(date: Date): boolean {
  return date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0 && date.getMilliseconds() === 0;
}

/** The number formats every file has without declaring them, by id (as exceljs knows them). */
// @i18n-exempt: Excel’s number format codes.
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Whether a number format shows a date or a time: a day, month, year, hour or second outside quotes and brackets. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * Excel refuses : \ / ? * [ ] in a tab's name, which Sheets allows (`Report: Member list`): the file
 * holds a look-alike character in their place, and the port speaks the Sheets name both ways.
 */
const EXCEL_LOOK_ALIKES: Readonly<Record<string, string>> = {
  ':': '\ua789',
  '\\': '\u29f5',
  '/': '\u2215',
  '?': '\uff1f',
  '*': '\u2217',
  '[': '\uff3b',
  ']': '\uff3d',
};
const SHEETS_CHARACTERS = new Map(Object.entries(EXCEL_LOOK_ALIKES).map(([sheets, excel]) => [excel, sheets]));

export function excelName(tab: string): string {
  return tab.replace(/[:\\/?*[\]]/g, (c) => EXCEL_LOOK_ALIKES[c] ?? c);
}

export function sheetsName(name: string): string {
  return [...name].map((c) => SHEETS_CHARACTERS.get(c) ?? c).join('');
}

/** The 1-based column of an A1 address's letters ("AB12" → 28); 0 when it has none. */
export function columnOf(address: string): number {
  let column = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i) & ~0x20;
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

/** A colour as Excel stores it (`FF1155CC`); throws on anything but #rgb or #rrggbb. */
export function argb(color: string): string {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  // @i18n-exempt: a colour of the code’s own tab styles, never one a person types.
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`"${color}" is not a colour (expected #rrggbb)`);
  return `FF${full.toUpperCase()}`;
}
