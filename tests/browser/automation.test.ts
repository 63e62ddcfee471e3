/**
 * The half that acts, in the playground as a secretariat sees it: the preview dialog of "Circulate
 * approved minutes now" sends through the same exactly-once path as the hourly tick, and the tick
 * sends nothing it already sent; a report from the Reports menu appears as its tab.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { playgroundSuite, ROOT, runMenu } from './support';

const suite = playgroundSuite();
const menu = runMenu;

async function emails(): Promise<string[]> {
  return (await readdir(suite.fixture.outbox)).filter((f) => f.endsWith('.json'));
}

describe('automation in the playground', () => {
  it('previews the minutes due, sends them on confirmation, and the hourly tick then sends none of them again', async () => {
    const page = await suite.context.newPage();
    await page.goto(suite.fixture.playground.url);
    await expect(page.locator('#automation-panel').textContent()).resolves.toMatch(/Automation is off/);
    await menu(page, 'Automation', 'circulateMinutesNow');
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.locator('#preview').waitFor({ state: 'visible' });
    const cards = dialog.locator('.message');
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(dialog.locator('#summary').textContent()).resolves.toMatch(/message/);
    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-artifacts', 'circulation-preview.png') });
    expect(await emails()).toEqual([]);
    await dialog.locator('#send').click();
    await dialog.locator('#status').waitFor({ state: 'visible' });
    await expect(dialog.locator('#status').textContent()).resolves.toMatch(/^Sent: /);
    const sent = await emails();
    expect(sent.length).toBeGreaterThan(0);
    await page.locator('#dialog-close').click();
    // Emptied on close: a dialog opened next must not show this one's summary while its own loads.
    // The dialog's close event comes as a task of its own after the click.
    await expect.poll(() => page.locator('#dialog-frame').getAttribute('src')).toBeNull();
    await expect.poll(() => page.locator('#dialog-frame').getAttribute('srcdoc')).toBeNull();
    await page.locator('#run-tick').click();
    await page.locator('#busy').waitFor({ state: 'hidden' });
    await expect(page.locator('#messages').textContent()).resolves.not.toMatch(/minutes of M-/);
    const after = (await emails()).length;
    await menu(page, 'Automation', 'circulateMinutesNow');
    await dialog.locator('#summary').waitFor({ state: 'visible' });
    await expect(dialog.locator('#summary').textContent()).resolves.toBe('No approved minutes are waiting to go out.');
    expect((await emails()).length).toBe(after);
    await page.close();
  });

  it('runs a report from the Reports menu into its own tab', async () => {
    const page = await suite.context.newPage();
    await page.goto(suite.fixture.playground.url);
    await menu(page, 'Reports', 'reportGcmSummary');
    await page.locator('.tab', { hasText: 'Report: GCM summary' }).waitFor();
    await expect(page.locator('#messages').textContent()).resolves.toMatch(/Report: GCM summary is up to date/);
    await page.close();
  });

  it('opens the HTML version of a report from the page: charts as SVG, nothing loaded, no complaint', async () => {
    const page = await suite.context.newPage();
    await page.goto(suite.fixture.playground.url);
    const complaints: string[] = [];
    const requests: string[] = [];
    const watch = (r: { url(): string }) => void requests.push(r.url());
    suite.context.on('request', watch);
    const [report] = await Promise.all([
      suite.context.waitForEvent('page'),
      page.locator('#reports-panel a', { hasText: 'Workplan progress' }).click(),
    ]);
    report.on('console', (m) => void (m.type() === 'error' && complaints.push(m.text())));
    await report.waitForLoadState('load');
    expect(await report.locator('svg').count()).toBeGreaterThan(0);
    await expect(report.locator('h1').first().textContent()).resolves.toMatch(/Workplan progress/);
    expect(complaints).toEqual([]);
    suite.context.off('request', watch);
    // The report itself, and nothing it would load.
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([
      `${suite.fixture.playground.url}report/workplan-progress`,
    ]);
    await report.close();
    await page.close();
  });
});
