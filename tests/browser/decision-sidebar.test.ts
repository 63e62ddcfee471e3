/**
 * The built decision sidebar alone, over a stand-in for google.script.run: the limits it puts on its
 * inputs, and the dates it refuses before anything is sent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_YEAR } from '../../src/domain/dates';
import { TEXT_LIMITS, type DecisionSidebarData } from '../../src/domain/rpc';
import { ensureBuilt, launchBrowser, ROOT } from './support';

const DATA: DecisionSidebarData = {
  networkName: 'UN Network on Migration in Uzbekistan',
  today: '2026-11-23',
  nextId: 'D-2026-07',
  members: [{ code: 'IOM', name: 'International Organization for Migration', status: 'Active', joinedOn: '2019-01-01', leftOn: null }],
  meetings: [],
  gcmObjectives: [{ number: 1, title: 'Collect and utilize accurate and disaggregated data' }],
  stateConsultationBody: '',
  tabs: { Settings: null, Members: null, Meetings: null, Decisions: null, Actions: null },
  automation: ['Automation is off: approved minutes go out only with "Circulate minutes now".'],
  user: { email: 'secretariat@iom.int', mayRecord: true, refusal: '' },
};

let browser: Awaited<ReturnType<typeof launchBrowser>>;
let html: string;

beforeAll(async () => {
  ensureBuilt();
  html = readFileSync(path.join(ROOT, 'dist', 'DecisionSidebar.html'), 'utf8');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The sidebar with a google.script.run that answers the opening call and counts the calls to record. */
async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript((data) => {
    const w = window as unknown as { google: unknown; recorded: number };
    w.recorded = 0;
    const runner = (onOk: (v: unknown) => void) => ({
      withSuccessHandler: (ok: (v: unknown) => void) => runner(ok),
      withFailureHandler: () => runner(onOk),
      getDecisionSidebarData: () => setTimeout(() => onOk(data)),
      recordDecision: () => {
        w.recorded++;
        setTimeout(() => onOk({ ok: true, id: 'D-2026-07', row: 9 }));
      },
    });
    w.google = { script: { run: runner(() => undefined) } };
  }, DATA);
  await page.route('http://sidebar.test/', (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto('http://sidebar.test/');
  await page.locator('#form').waitFor({ state: 'visible' });
  return page;
}

describe('the decision sidebar', () => {
  it('limits each text input to what the server accepts', async () => {
    const page = await open();
    await expect(page.locator('#f-title').getAttribute('maxlength')).resolves.toBe(String(TEXT_LIMITS.title));
    await expect(page.locator('#f-decision').getAttribute('maxlength')).resolves.toBe(String(TEXT_LIMITS.decision));
    await expect(page.locator('#f-subject').getAttribute('maxlength')).resolves.toBe(String(TEXT_LIMITS.subject));
    await page.locator('#f-title').fill('x'.repeat(TEXT_LIMITS.title + 50));
    await expect(page.locator('#f-title').inputValue()).resolves.toHaveLength(TEXT_LIMITS.title);
    await page.close();
  });

  it(`refuses a date before ${FIRST_YEAR} beside the field and sends nothing`, async () => {
    const page = await open();
    await expect(page.locator('#f-date').getAttribute('min')).resolves.toBe(`${FIRST_YEAR}-01-01`);
    await page.locator('#f-title').fill('Adopt the communication plan');
    await page.locator('#f-date').evaluate((input: HTMLInputElement) => (input.value = '0026-03-10'));
    await page.locator('#submit').click();
    await expect(page.locator('#form [data-error="date"]').textContent()).resolves.toBe('Date: must be a date from 1900 to 2100');
    await expect(page.evaluate(() => (window as unknown as { recorded: number }).recorded)).resolves.toBe(0);
    await page.close();
  });
});
