/**
 * The built decision sidebar alone, over a stand-in for google.script.run: the limits it puts on its
 * inputs, the dates it refuses before anything is sent, and Consulted as a record rather than a default.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guidanceNetwork } from '../../src/app/decisions';
import { FIRST_YEAR } from '../../src/domain/dates';
import { decodeNetwork } from '../../src/domain/network';
import { TEXT_LIMITS, type DecisionSidebarData } from '../../src/domain/rpc';
import { ensureBuilt, launchBrowser, ROOT } from './support';

const DATA: DecisionSidebarData = {
  networkName: 'UN Network on Migration in Uzbekistan',
  today: '2026-11-23',
  nextId: 'D-2026-07',
  members: [
    {
      code: 'IOM',
      name: 'International Organization for Migration',
      status: 'Active',
      joinedOn: '2019-01-01',
      leftOn: null,
    },
    { code: 'UNRC', name: 'Resident Coordinator Office', status: 'Active', joinedOn: '2019-01-01', leftOn: null },
    {
      code: 'ILO',
      name: 'International Labour Organization',
      status: 'Withdrawn',
      joinedOn: '2019-01-01',
      leftOn: '2025-06-30',
    },
    { code: 'UNHCR', name: 'UN Refugee Agency', status: 'Active', joinedOn: '2019-01-01', leftOn: null },
    { code: 'UNICEF', name: "United Nations Children's Fund", status: 'Active', joinedOn: '2019-01-01', leftOn: null },
    { code: 'WHO', name: 'World Health Organization', status: 'Active', joinedOn: '2019-01-01', leftOn: null },
  ],
  meetings: [{ id: 'M-2026-03', date: '2026-05-12', title: 'Q2 meeting', attendees: ['UNHCR', 'IOM', 'UNRC'] }],
  gcmObjectives: [{ number: 1, title: 'Collect and utilize accurate and disaggregated data' }],
  stateConsultationBody: '',
  network: guidanceNetwork(decodeNetwork({})),
  versions: { decisions: {}, meetings: {} },
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
    await expect(page.locator('#form [data-error="date"]').textContent()).resolves.toBe(
      'Date: must be a date from 1900 to 2100',
    );
    await expect(page.evaluate(() => (window as unknown as { recorded: number }).recorded)).resolves.toBe(0);
    await page.close();
  });
});

describe('Consulted, a record of who was asked', () => {
  const ticked = (page: Page) =>
    page.locator('#consulted input:checked').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));

  it('starts empty for a new decision, and names every active member missing and why', async () => {
    const page = await open();
    await expect(ticked(page)).resolves.toEqual([]);
    await expect(page.locator('#consulted-missing').textContent()).resolves.toBe(
      'IOM, UNRC, UNHCR, UNICEF and WHO were members on 23 November 2026 but are not in Consulted: the ToR asks for consensus after consulting all members; record how they were consulted, or run a written consultation.',
    );
    await page.close();
  });

  it("ticks the chosen meeting's attendees, and the guidance names the members who did not attend", async () => {
    const page = await open();
    await page.locator('#f-meeting').selectOption('M-2026-03');
    await expect(ticked(page)).resolves.toEqual(['IOM', 'UNRC', 'UNHCR']);
    await expect(page.locator('#f-date').inputValue()).resolves.toBe('2026-05-12');
    await expect(page.locator('#consulted-missing').textContent()).resolves.toBe(
      'UNICEF and WHO were members on 12 May 2026 but are not in Consulted: the ToR asks for consensus after consulting all members; record how they were consulted, or run a written consultation.',
    );
    await page.locator('#consulted input[value="WHO"]').check();
    await expect(page.locator('#consulted-missing').textContent()).resolves.toMatch(
      /^UNICEF was a member on 12 May 2026 but is not in Consulted: .* record how it was consulted/,
    );
    await page.locator('#f-meeting').selectOption('');
    await expect(ticked(page)).resolves.toEqual([]);
    await page.close();
  });

  it('ticks every member active on the date only when asked, by a button the keyboard reaches', async () => {
    const page = await open();
    await expect(ticked(page)).resolves.toEqual([]);
    await expect(page.locator('#consulted-active').textContent()).resolves.toBe('Tick every active member');
    await page.locator('#consulted-active').focus();
    await page.keyboard.press('Enter');
    await expect(ticked(page)).resolves.toEqual(['IOM', 'UNRC', 'UNHCR', 'UNICEF', 'WHO']);
    await expect(page.locator('#consulted-missing').isHidden()).resolves.toBe(true);
    await page.locator('#consulted-none').click();
    await expect(ticked(page)).resolves.toEqual([]);
    await page.close();
  });
});
