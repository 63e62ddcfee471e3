/**
 * A report's chart as a static SVG, drawn by Vega-Lite and Vega headless in Node (no browser, no
 * canvas, no network): a column chart of the table's categories, one bar per series side by side.
 * Vega escapes every text it puts in the SVG.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { plainText, type ChartSpec, type ReportTable } from '../../domain/reports';

/** Google Sheets' default series colours, so that the HTML chart looks like the one in the tab. */
const SERIES_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853'];

const AXIS_FORMAT: Readonly<Record<string, string>> = { percent: '.0%', money: ',.0f', count: ',d' };

function spec(chart: ChartSpec, table: ReportTable): TopLevelSpec {
  const series = chart.series.map((at) => table.columns[at]!.header);
  const kind = table.columns[chart.series[0] ?? 0]?.kind ?? 'count';
  const values = table.rows.flatMap((row) =>
    chart.series.map((at, i) => ({
      category: plainText(row[chart.category] ?? null),
      series: series[i],
      value: typeof row[at] === 'number' ? row[at] : 0,
    })),
  );
  const several = series.length > 1;
  const longest = Math.max(0, ...values.map((v) => v.category.length));
  return {
    width: Math.min(660, Math.max(360, table.rows.length * (several ? 34 : 28))),
    height: 220,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'category',
        type: 'nominal',
        sort: null,
        title: table.columns[chart.category]?.header ?? '',
        axis: { labelAngle: table.rows.length > 8 || longest > 10 ? -40 : 0, labelLimit: 240 },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: kind === 'money' ? 'USD' : kind === 'percent' ? 'Share' : 'Count',
        axis: { format: AXIS_FORMAT[kind] ?? '', tickMinStep: kind === 'count' ? 1 : undefined },
        ...(kind === 'percent' ? { scale: { domain: [0, 1] } } : {}),
      },
      ...(several ? { xOffset: { field: 'series', sort: series } } : {}),
      color: {
        field: 'series',
        type: 'nominal',
        sort: series,
        scale: { domain: series, range: SERIES_COLORS.slice(0, series.length) },
        legend: several ? { orient: 'top', title: null } : null,
      },
    },
    config: { font: 'Arial, Helvetica, sans-serif', view: { stroke: null }, background: 'white' },
  };
}

export async function chartSvg(chart: ChartSpec, table: ReportTable): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec(chart, table)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
