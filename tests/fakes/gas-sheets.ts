/**
 * Spreadsheet, Sheet and Range of the fake, after Google's reference for the Spreadsheet service:
 * 1-based coordinates, `''` for blank cells, exact-size rectangles for the plural setters, errors
 * with Google's wording for bad ranges, and protection enforced against the executing user.
 */
import { raw } from './gas-calls';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, FakeRangeList } from './gas-charts';
import { Env, emailOf, sameEmail } from './gas-env';
import {
  a1Of,
  display,
  instantOf,
  isDate,
  Layer,
  parseA1,
  storeInput,
  wallClockOf,
  type Area,
  type Value,
} from './gas-grid';

export const DEFAULT_NUMBER_FORMAT = '0.###############';
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const CELL_TEXT_LIMIT = 50_000;
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

export class FakeDataValidation {
  constructor(
    private readonly env: Env,
    readonly criteria: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string | null,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder(this.env);
    b._set(this.criteria, this.values);
    b.setAllowInvalid(this.allowInvalid);
    if (this.helpText !== null) b.setHelpText(this.helpText);
    return this.env.wrap('DataValidationBuilder', b);
  }
  /** Whether a value passes the rule (the rules whose check the add-on relies on). */
  _accepts(value: Value): boolean {
    if (value === '') return true;
    if (this.criteria === 'CHECKBOX') return typeof value === 'boolean';
    if (this.criteria === 'VALUE_IN_LIST') {
      const list = (this.values[0] as unknown[]).map((v) => String(v).toLowerCase());
      return list.includes(String(value).toLowerCase());
    }
    if (this.criteria === 'DATE_IS_VALID_DATE') return isDate(value);
    if (this.criteria === 'NUMBER_BETWEEN') {
      const [lo, hi] = this.values as number[];
      return typeof value === 'number' && value >= lo! && value <= hi!;
    }
    return true;
  }
}

export class FakeDataValidationBuilder {
  private criteria: string | null = null;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(private readonly env: Env) {}

  _set(criteria: string, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values))
      throw new Error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    if (values.length > 500) throw new Error('Data validation lists may contain at most 500 items.');
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this._set(
      'CHECKBOX',
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked],
    );
  }
  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this._set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): this {
    return this._set('DATE_BEFORE', [date]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.allowInvalid = allowInvalid;
    return this;
  }
  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    if (this.criteria === null) throw new Error('You must set a criteria type before building a data validation rule.');
    return this.env.wrap(
      'DataValidation',
      new FakeDataValidation(this.env, this.criteria, this.values, this.allowInvalid, this.helpText),
    );
  }
}

export class FakeRichTextValue {
  constructor(
    private readonly text: string,
    private readonly link: string | null,
  ) {}
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.link;
  }
}

export class FakeRichTextValueBuilder {
  private text = '';
  private link: string | null = null;
  constructor(private readonly env: Env) {}
  setText(text: string): this {
    this.text = String(text);
    return this;
  }
  setLinkUrl(startOrUrl: number | string | null, _end?: number, url?: string | null): this {
    this.link = typeof startOrUrl === 'number' ? (url ?? null) : startOrUrl;
    return this;
  }
  setTextStyle(): this {
    return this;
  }
  build(): FakeRichTextValue {
    return this.env.wrap('RichTextValue', new FakeRichTextValue(this.text, this.link));
  }
}

export class FakeProtection {
  readonly editors: string[];
  domainEdit: boolean;
  warningOnly = false;
  description = '';
  removed = false;
  unprotected: Area[] = [];

  constructor(
    private readonly env: Env,
    readonly type: 'RANGE' | 'SHEET',
    readonly sheet: FakeSheet,
    readonly area: Area,
  ) {
    // Google: a new protection mirrors the spreadsheet's own permissions until the script changes it.
    this.editors = [env.owner, ...env.editors.filter((e) => !sameEmail(e, env.owner))];
    this.domainEdit = !env.ownerIsConsumer && env.domainCanEdit;
  }

  addEditor(user: unknown): this {
    const email = emailOf(user);
    if (!this.editors.some((e) => sameEmail(e, email))) this.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): this {
    for (const u of users) this.addEditor(u);
    return this;
  }
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }
  /** Google: neither the owner of the spreadsheet nor the current user can be removed. */
  removeEditors(users: unknown[]): this {
    for (const u of users) {
      const email = emailOf(u);
      if (sameEmail(email, this.env.owner) || sameEmail(email, this.env.effectiveUser)) continue;
      const at = this.editors.findIndex((e) => sameEmail(e, email));
      if (at >= 0) this.editors.splice(at, 1);
    }
    return this;
  }
  getEditors() {
    return this.editors.map((e) => this.env.user(e));
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    if (this.env.ownerIsConsumer) {
      throw new Error(
        'Domain edit permissions are only available for spreadsheets owned by a Google Workspace domain.',
      );
    }
    this.domainEdit = editable;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getProtectionType(): string {
    return this.type;
  }
  getRange() {
    return this.env.wrap('Range', new FakeRange(this.env, this.sheet, this.area));
  }
  getUnprotectedRanges() {
    return this.unprotected.map((a) => this.env.wrap('Range', new FakeRange(this.env, this.sheet, a)));
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    if (this.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a protected sheet.');
    this.unprotected = ranges.map((r) => raw(r as FakeRange).area);
    return this;
  }
  remove(): void {
    this.removed = true;
    if (this.type === 'SHEET') this.sheet.sheetProtection = null;
    else this.sheet.rangeProtections = this.sheet.rangeProtections.filter((p) => p !== this);
  }
  canEdit(): boolean {
    return this._allows(this.env.effectiveUser);
  }
  _allows(email: string): boolean {
    if (this.removed || this.warningOnly || sameEmail(email, this.env.owner)) return true;
    if (this.editors.some((e) => sameEmail(e, email))) return true;
    return this.domainEdit && email.toLowerCase().endsWith(`@${this.env.domain}`);
  }
}

const intersects = (a: Area, b: Area) =>
  a.row <= b.row + b.rows - 1 &&
  b.row <= a.row + a.rows - 1 &&
  a.column <= b.column + b.columns - 1 &&
  b.column <= a.column + a.columns - 1;
const contains = (outer: Area, inner: Area) =>
  inner.row >= outer.row &&
  inner.column >= outer.column &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.column + inner.columns <= outer.column + outer.columns;

let nextSheetId = 0;

export class FakeSheet {
  name: string;
  readonly sheetId: number;
  /** Values by 0-based row, then 0-based column; missing means blank. */
  rows: (Value[] | undefined)[] = [];
  formulas = new Map<string, string>();
  links = new Map<string, string>();
  readonly numberFormats = new Layer<string>(DEFAULT_NUMBER_FORMAT);
  readonly backgrounds = new Layer<string>('#ffffff');
  readonly fontWeights = new Layer<string>('normal');
  readonly fontColors = new Layer<string>('#000000');
  readonly alignments = new Layer<string>('general');
  readonly wraps = new Layer<boolean>(false);
  readonly validations = new Layer<FakeDataValidation | null>(null);
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  sheetProtection: FakeProtection | null = null;
  rangeProtections: FakeProtection[] = [];
  /** The embedded charts, in the order they were inserted. */
  charts: FakeEmbeddedChart[] = [];

  constructor(
    private readonly env: Env,
    readonly spreadsheet: FakeSpreadsheet,
    name: string,
  ) {
    this.name = name;
    this.sheetId = nextSheetId === 0 ? nextSheetId++ : 100_000_000 + nextSheetId++ * 7_919;
  }

  // --- internals used by ranges and by the fake's inspection helpers ---

  _value(row: number, column: number): Value {
    return this.rows[row - 1]?.[column - 1] ?? '';
  }

  /**
   * Keeps the tab's contents as they stood at the last flush, once, before the first change after it:
   * Sheets applies a script's writes in batches, and those not yet flushed die with the execution.
   * Formats, colours and validation are not kept: a kill leaves them as they are.
   */
  _beforeChange(): void {
    if (this.env.unflushed.has(this)) return;
    const rows = this.rows.map((line) => (line ? [...line] : line));
    const formulas = new Map(this.formulas);
    const links = new Map(this.links);
    const { maxRows, maxColumns } = this;
    this.env.unflushed.set(this, () => {
      Object.assign(this, { rows, formulas, links, maxRows, maxColumns });
    });
  }

  /** A person's edit is saved at once, and with it whatever the script had written to the tab before. */
  _saved(): void {
    this.env.unflushed.delete(this);
  }

  _put(row: number, column: number, stored: { value: Value; formula: string }): void {
    this._beforeChange();
    const line = (this.rows[row - 1] ??= []);
    while (line.length < column - 1) line.push('');
    line[column - 1] = stored.value;
    const k = `${row},${column}`;
    if (stored.formula) this.formulas.set(k, stored.formula);
    else if (this.formulas.size > 0) this.formulas.delete(k);
    if (this.links.size > 0) this.links.delete(k);
  }

  _lastRow(): number {
    for (let r = this.rows.length; r > 0; r--) {
      const line = this.rows[r - 1];
      if (line && line.some((v) => v !== '')) return r;
    }
    return 0;
  }

  _lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        if (line[c - 1] !== '') {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  _checkArea(area: Area): void {
    if (area.rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (area.columns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (area.row < 1) throw new Error('The starting row of the range is too small.');
    if (area.column < 1) throw new Error('The starting column of the range is too small.');
    if (area.row + area.rows - 1 > this.maxRows || area.column + area.columns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  /** Sheets refuses edits of a protected area by someone who is not one of its editors. */
  _assertCanEdit(area: Area): void {
    const user = this.env.effectiveUser;
    const sp = this.sheetProtection;
    if (sp && !sp._allows(user) && !sp.unprotected.some((u) => contains(u, area))) throw new Error(PROTECTED);
    for (const p of this.rangeProtections) if (intersects(p.area, area) && !p._allows(user)) throw new Error(PROTECTED);
  }

  _range(area: Area): FakeRange {
    this._checkArea(area);
    return this.env.wrap('Range', new FakeRange(this.env, this, area));
  }

  _layers(): Layer<unknown>[] {
    return [
      this.numberFormats,
      this.backgrounds,
      this.fontWeights,
      this.fontColors,
      this.alignments,
      this.wraps,
      this.validations,
    ] as Layer<unknown>[];
  }

  _shiftKeys(map: Map<string, string>, move: (r: number, c: number) => [number, number] | null): Map<string, string> {
    const next = new Map<string, string>();
    for (const [k, v] of map) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      const to = move(r, c);
      if (to) next.set(`${to[0]},${to[1]}`, v);
    }
    return next;
  }

  // --- the Sheet class ---

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.spreadsheet._assertFreeName(name, this);
    this.name = name;
    return this;
  }
  getSheetName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent() {
    return this.spreadsheet._wrapped();
  }
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const area = parseA1(rowOrA1, this.maxRows, this.maxColumns);
      if (!area) throw new Error('Range not found');
      return this._range(area);
    }
    if (column === undefined)
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this._range({ row: rowOrA1, column, rows: numRows ?? 1, columns: numColumns ?? 1 });
  }
  /** Google: one range per A1 notation, all of this sheet; a bad notation fails the whole call. */
  getRangeList(a1Notations: string[]): FakeRangeList {
    const ranges = a1Notations.map((a1) => {
      const area = parseA1(a1, this.maxRows, this.maxColumns);
      if (!area) throw new Error('Range not found');
      this._checkArea(area);
      return new FakeRange(this.env, this, area);
    });
    return this.env.wrap('RangeList', new FakeRangeList(this.env, ranges));
  }
  newChart(): FakeEmbeddedChartBuilder {
    return this.env.wrap('EmbeddedChartBuilder', new FakeEmbeddedChartBuilder(this.env, this));
  }
  /** Charts are objects of the sheet: its protection keeps them from whoever may not edit it. */
  insertChart(chart: FakeEmbeddedChart): void {
    this._assertCanEdit({ row: chart.model.anchor.row, column: chart.model.anchor.column, rows: 1, columns: 1 });
    this.charts.push(raw(chart));
  }
  getCharts(): FakeEmbeddedChart[] {
    return this.charts.map((c) => this.env.wrap('EmbeddedChart', c));
  }
  removeChart(chart: FakeEmbeddedChart): void {
    const target = raw(chart);
    this._assertCanEdit({ row: target.model.anchor.row, column: target.model.anchor.column, rows: 1, columns: 1 });
    this.charts = this.charts.filter((c) => c.chartId !== target.chartId);
  }
  /** Google: a -1 count of rows or columns reaches the last row or column that holds data. */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): Value[][] {
    const rows = numRows === -1 ? this._lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this._lastColumn() - startColumn + 1 : numColumns;
    const area = { row: startRow, column: startColumn, rows, columns };
    this._checkArea(area);
    return new FakeRange(this.env, this, area).getValues();
  }
  getDataRange(): FakeRange {
    return this._range({
      row: 1,
      column: 1,
      rows: Math.max(1, this._lastRow()),
      columns: Math.max(1, this._lastColumn()),
    });
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    return this._insertRows(afterPosition, howMany);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    if (beforePosition < 1 || beforePosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    return this._insertRows(beforePosition - 1, howMany);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  _insertRows(after: number, count: number): this {
    if (!(count >= 1)) throw new Error('The number of rows to insert must be at least 1.');
    this._assertCanEdit({ row: 1, column: 1, rows: this.maxRows, columns: this.maxColumns });
    this._beforeChange();
    if (after < this.rows.length) this.rows.splice(after, 0, ...new Array<undefined>(count));
    this.maxRows += count;
    for (const l of this._layers()) l.insert('row', after, count);
    const move = (r: number, c: number): [number, number] => [r > after ? r + count : r, c];
    this.formulas = this._shiftKeys(this.formulas, move);
    this.links = this._shiftKeys(this.links, move);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this.maxColumns) throw new Error('Those columns are out of bounds.');
    return this._insertColumns(afterPosition, howMany);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    if (beforePosition < 1 || beforePosition > this.maxColumns) throw new Error('Those columns are out of bounds.');
    return this._insertColumns(beforePosition - 1, howMany);
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  _insertColumns(after: number, count: number): this {
    if (!(count >= 1)) throw new Error('The number of columns to insert must be at least 1.');
    this._assertCanEdit({ row: 1, column: 1, rows: this.maxRows, columns: this.maxColumns });
    this._beforeChange();
    for (const line of this.rows)
      if (line && line.length > after) line.splice(after, 0, ...new Array<Value>(count).fill(''));
    this.maxColumns += count;
    for (const l of this._layers()) l.insert('column', after, count);
    const move = (r: number, c: number): [number, number] => [r, c > after ? c + count : c];
    this.formulas = this._shiftKeys(this.formulas, move);
    this.links = this._shiftKeys(this.links, move);
    const widths = [...this.columnWidths];
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c > after ? c + count : c, w);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows)
      throw new Error('Those rows are out of bounds.');
    if (howMany >= this.maxRows - this.frozenRows && rowPosition <= this.frozenRows + 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._assertCanEdit({ row: rowPosition, column: 1, rows: howMany, columns: this.maxColumns });
    this._beforeChange();
    this.rows.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    for (const l of this._layers()) l.remove('row', rowPosition, howMany);
    const end = rowPosition + howMany - 1;
    const move = (r: number, c: number): [number, number] | null =>
      r < rowPosition ? [r, c] : r > end ? [r - howMany, c] : null;
    this.formulas = this._shiftKeys(this.formulas, move);
    this.links = this._shiftKeys(this.links, move);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= this.maxColumns - this.frozenColumns && columnPosition <= this.frozenColumns + 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this._assertCanEdit({ row: 1, column: columnPosition, rows: this.maxRows, columns: howMany });
    this._beforeChange();
    for (const line of this.rows) line?.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
    for (const l of this._layers()) l.remove('column', columnPosition, howMany);
    const end = columnPosition + howMany - 1;
    const move = (r: number, c: number): [number, number] | null =>
      c < columnPosition ? [r, c] : c > end ? [r, c - howMany] : null;
    this.formulas = this._shiftKeys(this.formulas, move);
    this.links = this._shiftKeys(this.links, move);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  appendRow(rowContents: unknown[]): this {
    const row = this._lastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    const area = { row, column: 1, rows: 1, columns: Math.max(1, rowContents.length) };
    this._assertCanEdit(area);
    rowContents.forEach((v, j) =>
      this._put(
        row,
        j + 1,
        storeInput(isDate(v) ? wallClockOf(v, this.env.timeZone) : v, this.numberFormats.get(row, j + 1)),
      ),
    );
    return this;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this.maxColumns)
      throw new Error("You can't freeze all visible columns on the sheet.");
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw new Error('Those columns are out of bounds.');
    this.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxColumns)
      throw new Error('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, 120);
    return this;
  }

  /** Google: returns the sheet's existing protection when it has one. */
  protect(): FakeProtection {
    this.sheetProtection ??= new FakeProtection(this.env, 'SHEET', this, {
      row: 1,
      column: 1,
      rows: this.maxRows,
      columns: this.maxColumns,
    });
    return this.env.wrap('Protection', this.sheetProtection);
  }
  getProtections(type: string): FakeProtection[] {
    const list =
      type === 'SHEET'
        ? this.sheetProtection
          ? [this.sheetProtection]
          : []
        : type === 'RANGE'
          ? this.rangeProtections
          : null;
    if (list === null) throw new Error(`Unsupported protection type: ${String(type)}`);
    return list.map((p) => this.env.wrap('Protection', p));
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }): this {
    new FakeRange(this.env, this, { row: 1, column: 1, rows: this.maxRows, columns: this.maxColumns }).clear(options);
    return this;
  }
  clearContents(): this {
    new FakeRange(this.env, this, { row: 1, column: 1, rows: this.maxRows, columns: this.maxColumns }).clearContent();
    return this;
  }
  clearFormats(): this {
    new FakeRange(this.env, this, { row: 1, column: 1, rows: this.maxRows, columns: this.maxColumns }).clearFormat();
    return this;
  }
  activate(): this {
    this.spreadsheet.active = this;
    return this;
  }
  hideSheet(): this {
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setTabColor(color: string | null): this {
    this.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
}

function checkGrid(what: string, grid: unknown, area: Area): unknown[][] {
  if (!Array.isArray(grid) || grid.some((r) => !Array.isArray(r))) {
    throw new Error(
      `The parameters (${typeof grid}) don't match the method signature for SpreadsheetApp.Range.${what}.`,
    );
  }
  if (grid.length !== area.rows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${area.rows}.`,
    );
  }
  for (const line of grid as unknown[][]) {
    if (line.length !== area.columns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${area.columns}.`,
      );
    }
  }
  return grid as unknown[][];
}

function normalizeColor(color: string | null): string {
  if (color === null || color === '') return '#ffffff';
  const named: Record<string, string> = {
    white: '#ffffff',
    black: '#000000',
    red: '#ff0000',
    green: '#00ff00',
    blue: '#0000ff',
    yellow: '#ffff00',
  };
  return named[color.toLowerCase()] ?? color.toLowerCase();
}

export class FakeRange {
  constructor(
    private readonly env: Env,
    readonly sheet: FakeSheet,
    readonly area: Area,
  ) {}

  private each<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    const { row, column, rows, columns } = this.area;
    for (let i = 0; i < rows; i++) {
      const line: T[] = new Array<T>(columns);
      for (let j = 0; j < columns; j++) line[j] = fn(row + i, column + j);
      out.push(line);
    }
    return out;
  }

  private write(input: unknown[][], cell: (row: number, column: number, input: unknown) => void): this {
    this.sheet._assertCanEdit(this.area);
    const zone = this.env.timeZone;
    const grid = input.map((line) => line.map((v) => (isDate(v) ? wallClockOf(v, zone) : v)));
    for (const line of grid) {
      for (const v of line) {
        if (typeof v === 'string' && v.length > CELL_TEXT_LIMIT) {
          throw new Error(
            `Your input contains more than the maximum of ${CELL_TEXT_LIMIT} characters in a single cell.`,
          );
        }
      }
    }
    const { row, column } = this.area;
    this.checkValidation(
      grid.map((line, i) => line.map((v, j) => storeInput(v, this.sheet.numberFormats.get(row + i, column + j)).value)),
    );
    grid.forEach((line, i) => line.forEach((v, j) => cell(row + i, column + j, v)));
    return this;
  }

  /** Rules set to reject input make a script's write fail as a person's would. */
  private checkValidation(values: Value[][]): void {
    const { row, column } = this.area;
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        const rule = this.sheet.validations.get(row + i, column + j);
        if (rule && !rule.allowInvalid && !rule._accepts(v)) {
          const a1 = a1Of({ row: row + i, column: column + j, rows: 1, columns: 1 });
          throw new Error(`The data you entered in cell ${a1} violates the data validation rules set on this cell.`);
        }
      }),
    );
  }

  getRow(): number {
    return this.area.row;
  }
  getColumn(): number {
    return this.area.column;
  }
  getNumRows(): number {
    return this.area.rows;
  }
  getNumColumns(): number {
    return this.area.columns;
  }
  getHeight(): number {
    return this.area.rows;
  }
  getWidth(): number {
    return this.area.columns;
  }
  getLastRow(): number {
    return this.area.row + this.area.rows - 1;
  }
  getLastColumn(): number {
    return this.area.column + this.area.columns - 1;
  }
  getA1Notation(): string {
    return a1Of(this.area);
  }
  getSheet() {
    return this.env.wrap('Sheet', this.sheet);
  }
  getGridId(): number {
    return this.sheet.sheetId;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return this.sheet._range({
      row: this.area.row + rowOffset,
      column: this.area.column + columnOffset,
      rows: numRows ?? this.area.rows,
      columns: numColumns ?? this.area.columns,
    });
  }
  isBlank(): boolean {
    return this.each((r, c) => this.sheet._value(r, c) === '' && !this.sheet.formulas.has(`${r},${c}`)).every((l) =>
      l.every(Boolean),
    );
  }

  getValues(): Value[][] {
    const zone = this.env.timeZone;
    return this.each((r, c) => {
      const v = this.sheet._value(r, c);
      return isDate(v) ? instantOf(v, zone) : v;
    });
  }
  getValue(): Value {
    const v = this.sheet._value(this.area.row, this.area.column);
    return isDate(v) ? instantOf(v, this.env.timeZone) : v;
  }
  getDisplayValues(): string[][] {
    return this.each((r, c) => display(this.sheet._value(r, c), this.sheet.numberFormats.get(r, c)));
  }
  getDisplayValue(): string {
    return display(
      this.sheet._value(this.area.row, this.area.column),
      this.sheet.numberFormats.get(this.area.row, this.area.column),
    );
  }
  setValues(values: unknown[][]): this {
    const grid = checkGrid('setValues', values, this.area);
    return this.write(grid, (r, c, v) => this.sheet._put(r, c, storeInput(v, this.sheet.numberFormats.get(r, c))));
  }
  setValue(value: unknown): this {
    return this.write(
      this.each(() => value),
      (r, c, v) => this.sheet._put(r, c, storeInput(v, this.sheet.numberFormats.get(r, c))),
    );
  }
  getFormulas(): string[][] {
    return this.each((r, c) => this.sheet.formulas.get(`${r},${c}`) ?? '');
  }
  getFormula(): string {
    return this.sheet.formulas.get(`${this.area.row},${this.area.column}`) ?? '';
  }
  setFormulas(formulas: string[][]): this {
    const grid = checkGrid('setFormulas', formulas, this.area);
    return this.write(grid, (r, c, v) => this.sheet._put(r, c, storeInput(v, DEFAULT_NUMBER_FORMAT)));
  }
  setFormula(formula: string): this {
    return this.write(
      this.each(() => formula),
      (r, c, v) => this.sheet._put(r, c, storeInput(v, DEFAULT_NUMBER_FORMAT)),
    );
  }

  setNumberFormat(numberFormat: string): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.numberFormats.fill(this.area, numberFormat);
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.numberFormats.setGrid(
      this.area.row,
      this.area.column,
      checkGrid('setNumberFormats', numberFormats, this.area) as string[][],
    );
    return this;
  }
  getNumberFormat(): string {
    return this.sheet.numberFormats.get(this.area.row, this.area.column);
  }
  getNumberFormats(): string[][] {
    return this.sheet.numberFormats.grid(this.area);
  }

  setDataValidation(rule: FakeDataValidation | null): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.validations.fill(this.area, rule === null ? null : raw(rule));
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this.sheet._assertCanEdit(this.area);
    const grid = checkGrid('setDataValidations', rules, this.area) as (FakeDataValidation | null)[][];
    this.sheet.validations.setGrid(
      this.area.row,
      this.area.column,
      grid.map((l) => l.map((v) => (v === null ? null : raw(v)))),
    );
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    const v = this.sheet.validations.get(this.area.row, this.area.column);
    return v && this.env.wrap('DataValidation', v);
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.sheet.validations.grid(this.area).map((l) => l.map((v) => v && this.env.wrap('DataValidation', v)));
  }
  clearDataValidations(): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.validations.clear(this.area);
    return this;
  }
  /** Google: sets every cell of the range to false, as well as the checkbox rule. */
  insertCheckboxes(): this {
    this.sheet._assertCanEdit(this.area);
    const rule = new FakeDataValidation(this.env, 'CHECKBOX', [], true, null);
    this.sheet.validations.fill(this.area, rule);
    this.each((r, c) => this.sheet._put(r, c, { value: false, formula: '' }));
    return this;
  }

  setBackground(color: string | null): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.backgrounds.fill(this.area, normalizeColor(color));
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.sheet._assertCanEdit(this.area);
    const grid = checkGrid('setBackgrounds', colors, this.area) as (string | null)[][];
    this.sheet.backgrounds.setGrid(
      this.area.row,
      this.area.column,
      grid.map((l) => l.map(normalizeColor)),
    );
    return this;
  }
  getBackground(): string {
    return this.sheet.backgrounds.get(this.area.row, this.area.column);
  }
  getBackgrounds(): string[][] {
    return this.sheet.backgrounds.grid(this.area);
  }
  setFontWeight(fontWeight: string | null): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.fontWeights.fill(this.area, fontWeight ?? 'normal');
    return this;
  }
  setFontWeights(fontWeights: (string | null)[][]): this {
    this.sheet._assertCanEdit(this.area);
    const grid = checkGrid('setFontWeights', fontWeights, this.area) as (string | null)[][];
    this.sheet.fontWeights.setGrid(
      this.area.row,
      this.area.column,
      grid.map((l) => l.map((w) => w ?? 'normal')),
    );
    return this;
  }
  getFontWeight(): string {
    return this.sheet.fontWeights.get(this.area.row, this.area.column);
  }
  getFontWeights(): string[][] {
    return this.sheet.fontWeights.grid(this.area);
  }
  setFontColor(color: string | null): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.fontColors.fill(this.area, color ?? '#000000');
    return this;
  }
  getFontColor(): string {
    return this.sheet.fontColors.get(this.area.row, this.area.column);
  }
  setHorizontalAlignment(alignment: string | null): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.alignments.fill(this.area, alignment ?? 'general');
    return this;
  }
  getHorizontalAlignment(): string {
    return this.sheet.alignments.get(this.area.row, this.area.column);
  }
  setWrap(wrap: boolean): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet.wraps.fill(this.area, wrap);
    return this;
  }
  getWrap(): boolean {
    return this.sheet.wraps.get(this.area.row, this.area.column);
  }

  setRichTextValue(value: FakeRichTextValue): this {
    return this.setRichTextValues(this.each(() => value));
  }
  setRichTextValues(values: FakeRichTextValue[][]): this {
    const grid = checkGrid('setRichTextValues', values, this.area) as FakeRichTextValue[][];
    for (const line of grid) {
      for (const v of line) {
        if (!v || typeof (v as FakeRichTextValue).getText !== 'function') {
          throw new Error(
            "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setRichTextValues.",
          );
        }
      }
    }
    const texts = grid.map((l) => l.map((v) => raw(v).getText()));
    return this.write(texts, (r, c, text) => {
      this.sheet._put(r, c, { value: String(text), formula: '' });
      const link = raw(grid[r - this.area.row]![c - this.area.column]!).getLinkUrl();
      if (link) this.sheet.links.set(`${r},${c}`, link);
    });
  }
  getRichTextValue(): FakeRichTextValue {
    return this.getRichTextValues()[0]![0]!;
  }
  getRichTextValues(): FakeRichTextValue[][] {
    return this.each((r, c) =>
      this.env.wrap(
        'RichTextValue',
        new FakeRichTextValue(
          display(this.sheet._value(r, c), this.sheet.numberFormats.get(r, c)),
          this.sheet.links.get(`${r},${c}`) ?? null,
        ),
      ),
    );
  }

  clearContent(): this {
    this.sheet._assertCanEdit(this.area);
    this.sheet._beforeChange();
    const { row, column, rows, columns } = this.area;
    const lastRow = Math.min(row + rows - 1, this.sheet.rows.length);
    for (let r = row; r <= lastRow; r++) {
      const line = this.sheet.rows[r - 1];
      if (!line) continue;
      for (let c = column; c < Math.min(column + columns, line.length + 1); c++) line[c - 1] = '';
    }
    const inside = (k: string) => {
      const [r, c] = k.split(',').map(Number) as [number, number];
      return r >= row && r < row + rows && c >= column && c < column + columns;
    };
    for (const k of [...this.sheet.formulas.keys()]) if (inside(k)) this.sheet.formulas.delete(k);
    for (const k of [...this.sheet.links.keys()]) if (inside(k)) this.sheet.links.delete(k);
    return this;
  }
  clearFormat(): this {
    this.sheet._assertCanEdit(this.area);
    for (const l of [
      this.sheet.numberFormats,
      this.sheet.backgrounds,
      this.sheet.fontWeights,
      this.sheet.fontColors,
      this.sheet.alignments,
      this.sheet.wraps,
    ]) {
      (l as Layer<unknown>).clear(this.area);
    }
    return this;
  }
  /** Google: clears contents and formats; validation rules go only with `validationsOnly`. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }): this {
    if (options?.validationsOnly) return this.clearDataValidations();
    if (!options?.formatOnly) this.clearContent();
    if (!options?.contentsOnly) this.clearFormat();
    return this;
  }

  protect(): FakeProtection {
    const p = new FakeProtection(this.env, 'RANGE', this.sheet, { ...this.area });
    this.sheet.rangeProtections.push(p);
    return this.env.wrap('Protection', p);
  }
  activate(): this {
    this.sheet.spreadsheet.active = this.sheet;
    return this;
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  name: string;
  private wrappedSelf: FakeSpreadsheet | null = null;

  constructor(
    private readonly env: Env,
    readonly id: string,
    name: string,
  ) {
    this.name = name;
  }

  _wrapped(): FakeSpreadsheet {
    this.wrappedSelf ??= this.env.wrap('Spreadsheet', this);
    return this.wrappedSelf;
  }

  _assertFreeName(name: string, except?: FakeSheet): void {
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  _addSheet(name: string, index?: number): FakeSheet {
    this._assertFreeName(name);
    const sheet = new FakeSheet(this.env, this, name);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  _sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getOwner() {
    return this.env.user(this.env.owner);
  }
  getEditors() {
    const all = [this.env.owner, ...this.env.editors.filter((e) => !sameEmail(e, this.env.owner))];
    return all.map((e) => this.env.user(e));
  }
  addEditor(user: unknown): this {
    const email = emailOf(user);
    if (!this.env.editors.some((e) => sameEmail(e, email))) this.env.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): this {
    for (const u of users) this.addEditor(u);
    return this;
  }
  removeEditor(user: unknown): this {
    const email = emailOf(user);
    this.env.editors = this.env.editors.filter((e) => !sameEmail(e, email));
    return this;
  }
  getViewers() {
    return [];
  }
  getSheets() {
    return this.sheets.map((s) => this.env.wrap('Sheet', s));
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    const sheet = this._sheet(name);
    return sheet ? this.env.wrap('Sheet', sheet) : null;
  }
  getSheetById(id: number) {
    const sheet = this.sheets.find((s) => s.sheetId === id);
    return sheet ? this.env.wrap('Sheet', sheet) : null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number) {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : '';
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name === '') {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._addSheet(name, at);
    this.active = sheet;
    return this.env.wrap('Sheet', sheet);
  }
  deleteSheet(sheet: unknown): void {
    const target = raw(sheet as FakeSheet);
    const at = this.sheets.indexOf(target);
    if (at < 0) throw new Error('Sheet not found');
    if (this.sheets.filter((s) => !s.hidden).length <= 1 && !target.hidden) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    target._assertCanEdit({ row: 1, column: 1, rows: target.maxRows, columns: target.maxColumns });
    this.sheets.splice(at, 1);
    if (this.active === target) this.active = this.sheets[0] ?? null;
  }
  getActiveSheet() {
    const sheet = this.active ?? this.sheets[0];
    return sheet ? this.env.wrap('Sheet', sheet) : null;
  }
  setActiveSheet(sheet: unknown) {
    this.active = raw(sheet as FakeSheet);
    return sheet;
  }
  getRange(a1: string) {
    const bang = a1.lastIndexOf('!');
    const sheetName =
      bang >= 0
        ? a1
            .slice(0, bang)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'")
        : null;
    const sheet = sheetName === null ? (this.active ?? this.sheets[0]) : this._sheet(sheetName);
    if (!sheet) throw new Error('Range not found');
    return sheet.getRange(bang >= 0 ? a1.slice(bang + 1) : a1);
  }
  getProtections(type: string) {
    return this.sheets.flatMap((s) => s.getProtections(type));
  }
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.env.toasts.push({ message: String(message), title: title ?? '', timeout: timeoutSeconds });
  }
  getSpreadsheetTimeZone(): string {
    return this.env.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.env.timeZone = timeZone;
  }
  getSpreadsheetLocale(): string {
    return 'en_US';
  }
}
