/** The HTML copy of each report of the example: self-contained, escaped, with its charts as SVG. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { REPORTS } from '../../../src/domain/reports';
import { renderReportHtml } from '../../../src/node/reports/html';
import { EXAMPLE_TODAY, exampleNetwork } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

const build = (id: string) => REPORTS.find((r) => r.id === id)!.build(network, { year: 2026, today: EXAMPLE_TODAY });

describe('renderReportHtml', () => {
  it.each(REPORTS.map((r) => r.id))(
    '%s: one document that loads nothing, with one inline SVG per chart',
    async (id) => {
      const report = build(id);
      const html = await renderReportHtml(report);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
      );
      expect(html).toContain(
        `<title>${report.title} — UN Network on Migration in Uzbekistan — 23 November 2026</title>`,
      );
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(/i);
      // The only addresses are XML namespaces, which a browser never fetches.
      expect(
        [...html.matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]).filter((u) => !/^http:\/\/www\.w3\.org\//.test(u)),
      ).toEqual([]);
      expect(html.match(/<svg/g) ?? []).toHaveLength(report.charts.length);
      expect(html.match(/<table>/g) ?? []).toHaveLength(report.tables.length);
      expect(html).toContain('@page { size: A4;');
    },
  );

  it('shows figures as a reader expects them: dollars grouped with the currency, shares as percentages, days in words, the late item highlighted', async () => {
    const html = await renderReportHtml(build('workplan-progress'));
    expect(html).toContain(
      '<tr style="background:#f4c7c3"><td class="day">W-2026-03</td><td>Mapping of migration data sources and gaps</td><td>A data map shared with the Statistics Agency</td><td>UNFPA</td><td>IOM, UNICEF, UNHCR, UNHABITAT</td><td class="day">1 March 2026</td><td class="day">31 October 2026</td><td class="num">USD 35,000</td><td class="num">USD 20,000</td><td class="num">USD 15,000</td><td>Delayed</td><td class="num">80%</td><td>Data sources of 11 of the 14 ministries and agencies mapped; the report is in draft.</td><td>Outcome 4: Effective and accountable governance</td></tr>',
    );
    expect(html).toContain(
      '<tfoot><tr><td class="day">Total</td><td>5 key actions</td><td></td><td></td><td></td><td class="day"></td><td class="day"></td><td class="num">USD 310,000</td><td class="num">USD 265,000</td><td class="num">USD 45,000</td><td></td><td class="num"></td><td></td><td></td></tr></tfoot>',
    );
    expect(html).toContain('<p class="meta">UN Network on Migration in Uzbekistan — 23 November 2026</p>');
  });

  it('puts the cover note before the tables and the annual review’s own sections after them', async () => {
    const workplan = await renderReportHtml(build('workplan-progress'));
    expect(workplan.indexOf('<h2>Cover note</h2>')).toBeGreaterThan(0);
    expect(workplan.indexOf('<h2>Cover note</h2>')).toBeLessThan(workplan.indexOf('<table>'));
    expect(workplan).toContain('<p>The Network asks the UN Country Team to help close the funding gap');
    const annual = await renderReportHtml(build('annual-review'));
    expect(annual.indexOf('<h2>Emerging challenges</h2>')).toBeGreaterThan(annual.lastIndexOf('</table>'));
    expect(annual.indexOf('<h2>Recommendations</h2>')).toBeGreaterThan(annual.indexOf('<h2>Emerging challenges</h2>'));
  });

  it('shows sheet text with markup in it as text', async () => {
    const records = network.members.records.map((m, i) =>
      i === 2 ? { ...m, name: '<script>alert("x")</script><b>UNDP</b>' } : m,
    );
    const report = REPORTS[0]!.build(
      { ...network, members: { ...network.members, records } },
      { year: 2026, today: EXAMPLE_TODAY },
    );
    const html = await renderReportHtml(report);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;UNDP&lt;/b&gt;');
    expect(html).not.toContain('<script>');
  });

  it('escapes sheet text inside the SVG of a chart too', async () => {
    const records = network.actions.records.map((a, i) => (i === 0 ? { ...a, owner: '<script>x</script>' } : a));
    const html = await renderReportHtml(
      REPORTS[1]!.build({ ...network, actions: { ...network.actions, records } }, { year: 2026, today: EXAMPLE_TODAY }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});
