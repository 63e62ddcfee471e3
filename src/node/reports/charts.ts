/**
 * A report's chart as a static SVG, drawn by Vega-Lite and Vega headless in Node (no browser, no
 * canvas, no network): a column chart of the table's categories, one bar per series side by side.
 * Vega escapes every text it puts in the SVG.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { currentLanguage, t, type Language } from '../../domain/i18n';
import { plainText, type ChartSpec, type ReportTable } from '../../domain/reports';

/** Google Sheets' default series colours, so that the HTML chart looks like the one in the tab. */
const SERIES_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853'];

const AXIS_FORMAT: Readonly<Record<string, string>> = { percent: '.0%', money: ',.0f', count: ',d' };

/** How the axes write numbers: Russian groups thousands with a (no-break) space and writes a decimal comma. */
const NUMBER_LOCALE: Record<Language, vega.NumberLocale> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
  ru: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0$'] },
};

function axisTitle(kind: string): string {
  if (kind === 'money') return t('reports.chart.axis.money');
  return kind === 'percent' ? t('reports.chart.axis.percent') : t('reports.chart.axis.count');
}

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
        title: axisTitle(kind),
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
    config: {
      // @i18n-exempt: a font list
      font: 'Arial, Helvetica, sans-serif',
      view: { stroke: null },
      background: 'white',
      locale: { number: NUMBER_LOCALE[currentLanguage()] },
    },
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
