/**
 * RangeList and embedded charts of the fake, after Google's reference: `Sheet.getRangeList(a1s)` applies
 * one format to many ranges in one call; `Sheet.newChart()` gives a builder whose `as…Chart()` narrows the
 * type, `build()` makes a chart that exists on the sheet only once `insertChart` puts it there, and
 * `removeChart` takes it off. Charts are kept as what they draw, not as pictures.
 */
import { raw } from './gas-calls';
import type { Env } from './gas-env';
import type { Area } from './gas-grid';
import type { FakeRange, FakeSheet } from './gas-sheets';

export class FakeRangeList {
  constructor(
    private readonly env: Env,
    readonly ranges: FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    return this.ranges.map((r) => this.env.wrap('Range', r));
  }
  _each(fn: (range: FakeRange) => void): this {
    for (const range of this.ranges) fn(range);
    return this;
  }
  setNumberFormat(format: string): this {
    return this._each((r) => r.setNumberFormat(format));
  }
  setFontWeight(fontWeight: string | null): this {
    return this._each((r) => r.setFontWeight(fontWeight));
  }
  setBackground(color: string | null): this {
    return this._each((r) => r.setBackground(color));
  }
  clearFormat(): this {
    return this._each((r) => r.clearFormat());
  }
  clearContent(): this {
    return this._each((r) => r.clearContent());
  }
}

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
} as const;

/** What a chart draws and where it stands: the state behind a built or inserted chart. */
export interface ChartModel {
  type: string;
  /** The ranges it draws, as areas of their sheet. */
  ranges: { sheet: string; area: Area }[];
  numHeaders: number;
  options: Record<string, unknown>;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
}

let nextChartId = 1;

export class FakeEmbeddedChart {
  readonly chartId = nextChartId++;
  constructor(
    private readonly env: Env,
    readonly model: ChartModel,
  ) {}

  getChartId(): number {
    return this.chartId;
  }
  getType(): string {
    return this.model.type;
  }
  getNumHeaders(): number {
    return this.model.numHeaders;
  }
  getOptions() {
    const options = this.model.options;
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo() {
    const a = this.model.anchor;
    return {
      getAnchorRow: () => a.row,
      getAnchorColumn: () => a.column,
      getOffsetX: () => a.offsetX,
      getOffsetY: () => a.offsetY,
    };
  }
}

export class FakeEmbeddedChartBuilder {
  private readonly model: ChartModel = {
    type: ChartType.LINE,
    ranges: [],
    numHeaders: -1,
    options: {},
    anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
  };

  constructor(
    private readonly env: Env,
    readonly sheet: FakeSheet,
  ) {}

  _setType(type: string): this {
    this.model.type = type;
    return this;
  }
  asAreaChart(): this {
    return this._setType(ChartType.AREA);
  }
  asBarChart(): this {
    return this._setType(ChartType.BAR);
  }
  asColumnChart(): this {
    return this._setType(ChartType.COLUMN);
  }
  asLineChart(): this {
    return this._setType(ChartType.LINE);
  }
  asPieChart(): this {
    return this._setType(ChartType.PIE);
  }
  setChartType(type: string): this {
    return this._setType(type);
  }
  addRange(range: FakeRange): this {
    const r = raw(range);
    this.model.ranges.push({ sheet: r.sheet.name, area: { ...r.area } });
    return this;
  }
  clearRanges(): this {
    this.model.ranges.length = 0;
    return this;
  }
  setNumHeaders(headers: number): this {
    this.model.numHeaders = headers;
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.model.options[option] = value;
    return this;
  }
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.model.anchor = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  build(): FakeEmbeddedChart {
    const copy: ChartModel = {
      ...this.model,
      ranges: this.model.ranges.map((r) => ({ ...r })),
      options: { ...this.model.options },
      anchor: { ...this.model.anchor },
    };
    return this.env.wrap('EmbeddedChart', new FakeEmbeddedChart(this.env, copy));
  }
}
