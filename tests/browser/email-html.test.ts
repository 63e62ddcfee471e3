/**
 * The HTML body of a minutes message opened in real Chromium: sheet text with a script and an
 * onerror image in it shows as text and runs nothing. The screenshot stays in test-artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesMessage } from '../../src/domain/email/minutes';
import { networkOf } from '../domain/rules/support';
import { emailNetwork } from '../sim/network';
import { launchBrowser, ROOT } from './support';

const SCRIPT_TITLE = '<script>window.__ran = "script"</script>Q2 meeting';
const IMG_ACTION = '<img src=x onerror="window.__ran = \'onerror\'">Draft the position';

let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function hostileHtml(): string {
  const spec = emailNetwork();
  spec.meetings = spec.meetings.map((m) => (m.id === 'M-2026-03' ? { ...m, title: SCRIPT_TITLE } : m));
  spec.actions = spec.actions.map((a) => (a.id === 'A-2026-002' ? { ...a, action: IMG_ACTION } : a));
  const network = networkOf(spec);
  return minutesMessage(
    network,
    network.meetings.records.find((m) => m.id === 'M-2026-03')!,
  ).html;
}

async function open(html: string) {
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, dialogs };
}

describe('the minutes email in Chromium', () => {
  it('notices a script when one does run (the check itself works)', async () => {
    const { page } = await open('<p>x</p><img src=x onerror="window.__ran = \'onerror\'">');
    await page.waitForFunction(() => (window as unknown as { __ran?: string }).__ran !== undefined);
    await page.close();
  });

  it('shows the hostile title and action as text and runs no script', async () => {
    const { page, dialogs } = await open(hostileHtml());
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { __ran?: string }).__ran)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    const text = await page.locator('body').innerText();
    expect(text).toContain(SCRIPT_TITLE);
    expect(text).toContain(IMG_ACTION);
    const dir = path.join(ROOT, 'test-artifacts');
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'email-minutes.png'), fullPage: true });
    await page.close();
  });
});
