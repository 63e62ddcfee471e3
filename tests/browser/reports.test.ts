/**
 * Each report's HTML file opened in real Chromium: no console error, no request beyond the file, its
 * charts drawn as SVG, sheet text with markup in it shown as text, and a screenshot of each kept in
 * test-artifacts/reports/ (with an A4 PDF, as the browser prints it).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network';
import { REPORTS } from '../../src/domain/reports';
import { renderReportHtml } from '../../src/node/reports/html';
import { EXAMPLE_TODAY, exampleNetwork } from '../support/example';
import { launchBrowser, ROOT } from './support';

/** What a member of UNDP typed as its name: a script that must never run. */
const HOSTILE =
  '<script>window.__ran = true; console.error("script ran")</script><img src="https://example.org/x.png">';

let browser: Awaited<ReturnType<typeof launchBrowser>>;
let network: Network;
let dir = '';
const artifacts = path.join(ROOT, 'test-artifacts', 'reports');

beforeAll(async () => {
  [browser, network, dir] = await Promise.all([
    launchBrowser(),
    exampleNetwork(),
    mkdtemp(path.join(tmpdir(), 'unmn-reports-html-')),
  ]);
  await mkdir(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function hostileNetwork(): Network {
  const records = network.members.records.map((m) => (m.agency === 'UNDP' ? { ...m, name: HOSTILE } : m));
  return { ...network, members: { ...network.members, records } };
}

describe('the HTML reports in Chromium', () => {
  it.each(REPORTS.map((r) => r.id))('%s: opens with no error and no request, its charts as SVG', async (id) => {
    const def = REPORTS.find((r) => r.id === id)!;
    const report = def.build(hostileNetwork(), { year: 2026, today: EXAMPLE_TODAY });
    const file = path.join(dir, `${id}.html`);
    await writeFile(file, await renderReportHtml(report));
    const url = pathToFileURL(file).href;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.title()).toBe(`${report.title} — UN Network on Migration in Uzbekistan — 23 November 2026`);
    expect(await page.locator('figure.chart svg').count()).toBe(report.charts.length);
    for (const svg of await page.locator('figure.chart svg').all()) {
      expect(await svg.locator('path, rect').count()).toBeGreaterThan(3);
      expect((await svg.boundingBox())?.width).toBeGreaterThan(200);
    }
    expect(await page.locator('table').count()).toBe(report.tables.length);
    await page.screenshot({ path: path.join(artifacts, `${id}.png`), fullPage: true });
    await page.pdf({ path: path.join(artifacts, `${id}.pdf`), format: 'A4', printBackground: true });
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows the name with markup in it as text in the member list', async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'member-list.html')).href);
    const cell = page.locator('td', { hasText: '<script>' });
    await expect(cell.textContent()).resolves.toBe(HOSTILE);
    expect(await page.locator('body script, body img').count()).toBe(0);
    await page.close();
  });
});
