/**
 * The playground under its Content-Security-Policy in Chromium: everything of its own still works and
 * breaks no rule, a script that is not its own does not run on the page or in the sidebar, emails keep
 * their inline styles in their sandboxed frames, and no other page may frame it.
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, startFixture, type Fixture } from './support';

let fixture: Fixture;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;

beforeAll(async () => {
  ensureBuilt();
  [fixture, browser] = await Promise.all([startFixture(), launchBrowser()]);
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

/** A page of the playground, with every Content-Security-Policy complaint Chromium makes on it. */
async function open(): Promise<{ page: Page; violations: string[] }> {
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(fixture.playground.url);
  return { page, violations };
}

/** Appends a script and an inline handler, as markup that escaped its escaping would; true if either ran. */
function inject(): boolean {
  const w = window as unknown as { ran?: boolean };
  const script = document.createElement('script');
  script.textContent = 'window.ran = true;';
  document.body.appendChild(script);
  const holder = document.createElement('div');
  holder.innerHTML = '<img src="data:," onload="window.ran = true">';
  document.body.appendChild(holder);
  return w.ran === true;
}

describe('the playground under its Content-Security-Policy', () => {
  it('runs its menu, its sidebar and its outbox with no complaint', async () => {
    fixture.playground.session.outbox.send({
      to: ['migration.uz@one.un.org'],
      subject: 'Styled',
      text: 'Hello',
      html: '<p id="styled" style="color: rgb(200, 0, 0)">Hello</p><style>p { font-weight: 700 }</style>',
    });
    const { page, violations } = await open();
    await page.locator('.menu-button', { hasText: 'Check' }).click();
    await page.locator('[data-command="runComplianceCheck"]').click();
    await page.locator('.tab', { hasText: 'Compliance' }).waitFor();
    await page.locator('.menu-button', { hasText: 'Record' }).click();
    await page.locator('[data-command="sidebar"]').click();
    await page.frameLocator('#sidebar-frame').locator('#form').waitFor({ state: 'visible' });
    await expect(page.frameLocator('#sidebar-frame').locator('#next-id').textContent()).resolves.toMatch(/D-2026-\d{2}/);

    const mail = page.locator('#outbox-panel details.mail', { hasText: 'Styled' });
    await mail.locator('summary').click();
    const paragraph = mail.frameLocator('iframe.mail-html').locator('#styled');
    await expect(paragraph.evaluate((p) => getComputedStyle(p).color)).resolves.toBe('rgb(200, 0, 0)');
    await expect(paragraph.evaluate((p) => getComputedStyle(p).fontWeight)).resolves.toBe('700');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('runs no script that is not its own, on the page or in the sidebar', async () => {
    const { page, violations } = await open();
    await expect(page.evaluate(inject)).resolves.toBe(false);
    await page.locator('.menu-button', { hasText: 'Record' }).click();
    await page.locator('[data-command="sidebar"]').click();
    await page.frameLocator('#sidebar-frame').locator('#form').waitFor({ state: 'visible' });
    const sidebar = page.frame({ url: /\/sidebar/ });
    if (!sidebar) throw new Error('no sidebar frame');
    await expect(sidebar.evaluate(inject)).resolves.toBe(false);
    await expect(page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).resolves.toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('may not be framed by another page, nor its sidebar', async () => {
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (/violates .*frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    await page.setContent(`<iframe src="${fixture.playground.url}"></iframe><iframe src="${fixture.playground.url}sidebar"></iframe>`);
    const framed = () => page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.url());
    await expect.poll(framed, { timeout: 10_000 }).toEqual(['chrome-error://chromewebdata/', 'chrome-error://chromewebdata/']);
    expect(refused.map((m) => /frame-ancestors '(\w+)'/.exec(m)?.[1]).sort()).toEqual(['none', 'self']);
    await page.close();
  });
});
