/**
 * The decision sidebar through the playground, over a copy of the example with a State consultation
 * body, a member admitted without a decision, and hostile text in the register and the meeting log:
 * the ToR guidance of each of the four rules as the check later gives it, a decision with two
 * follow-up actions recorded by keyboard alone, edits and a concurrent edit, and text that stays text.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/app/repository';
import type { Finding } from '../../src/domain/rules';
import {
  ActionsTable,
  DecisionsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
} from '../../src/domain/tables';
import { main } from '../../src/node/cli';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import { captureIo } from '../node/cli-io';
import { digest, ensureBuilt, launchBrowser, ROOT, startFixture, TODAY, type Fixture } from './support';

const HOSTILE_MEMBER = '<img src=x onerror=alert(1)>';
const HOSTILE_MEETING = '</script><script>window.pwned = true</script>';

let fixture: Fixture;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

async function prepare(file: string): Promise<void> {
  const wb = await XlsxWorkbook.open(file);
  const append = (tab: string, row: (string | boolean)[]) => wb.write(tab, (wb.read(tab)?.length ?? 0) + 1, 1, [row]);
  const body = (wb.read(SettingsTable.name) ?? []).findIndex((r) => r[0] === 'State consultation body');
  if (body < 0) append(SettingsTable.name, ['State consultation body', 'Ministry of Employment']);
  else wb.write(SettingsTable.name, body + 1, 2, [['Ministry of Employment']]);
  append(MembersTable.name, [
    'UNEP',
    'United Nations Environment Programme',
    'Member',
    'Active',
    '2026-06-01',
    '',
    '',
    '',
  ]);
  append(MembersTable.name, ['HOSTILE', HOSTILE_MEMBER, 'Member', 'Active', '2024-11-06', '', '', '']);
  append(MeetingsTable.name, [
    'M-2026-90',
    '2026-11-20',
    'Regular',
    'Online',
    HOSTILE_MEETING,
    '',
    '',
    '',
    '',
    'IOM',
    'Held',
  ]);
  await wb.save(file);
}

beforeAll(async () => {
  ensureBuilt();
  [fixture, browser] = await Promise.all([startFixture([], prepare), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

async function openSidebar(): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.context.newPage();
  await page.goto(fixture.playground.url);
  await page.locator('.menu-button', { hasText: 'Record' }).click();
  await page.locator('[data-command="showDecisionSidebar"]').click();
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#form').waitFor({ state: 'visible' });
  return { page, frame };
}

/** `unmn check --json` on the file, as the command line runs it. */
async function check(): Promise<Finding[]> {
  const io = captureIo();
  await main(['check', fixture.file, '--today', TODAY, '--json'], io);
  return JSON.parse(io.stdout.join('\n')) as Finding[];
}

async function saved(frame: FrameLocator): Promise<string> {
  const status = frame.locator('#status.notice-ok');
  await status.waitFor();
  return /D-2026-\d{2}/.exec((await status.textContent()) ?? '')![0];
}

describe('the ToR guidance in the sidebar', () => {
  it.each([
    ['decisions.consensus', /were members that day and are not in Consulted/],
    ['decisions.state-consultation', /no consultation of the Ministry of Employment is recorded/],
    ['members.admission', /the decision that admits it, is Pending, not Adopted/],
    ['decisions.follow-up', /was adopted but no action point in Actions has it as Source/],
  ])('shows %s with its ToR quote, and unmn check gives the same finding once saved', async (rule, message) => {
    const { page, frame } = await openSidebar();
    await frame.locator('#f-title').fill(`Guidance case ${rule}`);
    if (rule !== 'decisions.follow-up') await frame.locator('#f-kind').selectOption('Joint statement');
    if (rule === 'decisions.consensus') {
      await frame.locator('#consulted-none').click();
      await frame.locator('#consulted input[value="IOM"]').check();
    }
    if (rule === 'decisions.state-consultation') await frame.locator('#f-state-relevant').check();
    if (rule === 'members.admission') {
      await frame.locator('#f-kind').selectOption('Admission');
      await frame.locator('#f-subject').fill('UNEP');
      await frame.locator('#f-outcome').selectOption('Pending');
    }
    const item = frame.locator(`#guidance-list li[data-rule="${rule}"]`);
    await expect(item.locator('p').first().textContent()).resolves.toMatch(message);
    const shown = await item.locator('p').first().textContent();
    const quote = await item.locator('q').textContent();
    expect(quote).toMatch(/"[^"]{20,}"/);
    const adopted = rule !== 'members.admission';
    await expect(frame.locator('#confirm-field').isVisible()).resolves.toBe(adopted);
    if (adopted) {
      const before = digest(fixture.file);
      await frame.locator('#submit').click();
      await frame.locator('[data-error="confirmed"]:not(:empty)').waitFor();
      await expect(frame.locator('#f-confirmed').evaluate((e) => e === document.activeElement)).resolves.toBe(true);
      expect(digest(fixture.file)).toBe(before);
      await frame.locator('#f-confirmed').check();
    }
    await frame.locator('#submit').click();
    const id = await saved(frame);
    const ref = rule === 'members.admission' ? 'UNEP' : id;
    const found = (await check()).filter((f) => f.rule === rule && f.ref === ref);
    expect(found.map((f) => [f.message, f.clause])).toEqual([[shown, quote]]);
    await page.close();
  });
});

describe('recording and editing', () => {
  it('records a decision with two follow-up actions by keyboard alone', async () => {
    const { page, frame } = await openSidebar();
    const sidebar = page.frame({ url: /\/page\/DecisionSidebar/ })!;
    const focusedId = () => sidebar.evaluate(() => document.activeElement?.id ?? '');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 200 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focusedId()).toBe(id);
    };
    await frame.locator('body').click({ position: { x: 1, y: 1 } });
    await tabTo('f-kind');
    await page.keyboard.type('Joint');
    await tabTo('f-title');
    await page.keyboard.type('Joint statement on International Migrants Day');
    await tabTo('consulted-active');
    await page.keyboard.press('Enter');
    for (const [n, words, owner] of [
      [1, 'Publish the statement', 'UNRC'],
      [2, 'Translate it into Uzbek', 'UNICEF'],
    ] as const) {
      await tabTo('action-add');
      await page.keyboard.press('Enter');
      const row = await frame.locator('#action-rows li').last().locator('[data-part=action]').getAttribute('id');
      expect(await focusedId()).toBe(row);
      await page.keyboard.type(words);
      await page.keyboard.press('Tab');
      await page.keyboard.type(owner);
      await page.keyboard.press('Tab');
      await page.keyboard.type(n === 1 ? '12152026' : '01312027');
    }
    // Taken outside a meeting and naming no written consultation: the guidance asks to confirm.
    await frame.locator('#confirm-field:not([hidden])').waitFor();
    await tabTo('f-confirmed');
    await page.keyboard.press('Space');
    await tabTo('submit');
    await page.keyboard.press('Enter');
    const id = await saved(frame);
    const wb = await XlsxWorkbook.open(fixture.file);
    const actions = readTable(wb, ActionsTable).records.filter((a) => a.source === id);
    expect(actions.map((a) => [a.source, a.action, a.owner, a.due, a.status])).toEqual([
      [id, 'Publish the statement', 'UNRC', '2026-12-15', 'Open'],
      [id, 'Translate it into Uzbek', 'UNICEF', '2027-01-31', 'Open'],
    ]);
    expect(actions.map((a) => a.id)).toEqual([
      expect.stringMatching(/^A-2026-\d{3}$/),
      expect.stringMatching(/^A-2026-\d{3}$/),
    ]);
    expect(new Set(actions.map((a) => a.id)).size).toBe(2);
    await page.close();
  });

  it('edits a decision in place, and refuses a concurrent edit with its new state, overwriting nothing', async () => {
    const first = await openSidebar();
    const second = await openSidebar();
    const target = 'D-2026-04';
    for (const { frame } of [first, second]) {
      await frame.locator('#f-find').fill(target);
      await frame.locator('#f-pick').selectOption(target);
      await expect(frame.locator('#editing').textContent()).resolves.toMatch(new RegExp(`Editing ${target}`));
    }
    await first.frame.locator('#f-title').fill('Edited first');
    if (await first.frame.locator('#confirm-field').isVisible()) await first.frame.locator('#f-confirmed').check();
    await first.frame.locator('#submit').click();
    await saved(first.frame);
    const between = digest(fixture.file);

    await second.frame.locator('#f-title').fill('Edited second');
    if (await second.frame.locator('#confirm-field').isVisible()) await second.frame.locator('#f-confirmed').check();
    await second.frame.locator('#submit').click();
    await second.frame.locator('#form [data-error=""]:not(:empty)').waitFor();
    await expect(second.frame.locator('#form [data-error=""]').textContent()).resolves.toMatch(
      /changed by someone else since you opened it; nothing was saved/,
    );
    await expect(second.frame.locator('#f-title').inputValue()).resolves.toBe('Edited first');
    expect(digest(fixture.file)).toBe(between);

    const wb = await XlsxWorkbook.open(fixture.file);
    expect(
      readTable(wb, DecisionsTable)
        .records.filter((d) => d.id === target)
        .map((d) => d.title),
    ).toEqual(['Edited first']);
    const log = readTable(wb, LogTable).records.filter((e) => e.event === 'Decision updated' && e.ref === target);
    expect(log.map((e) => e.details)).toEqual([expect.stringMatching(/^Title: ".*" → "Edited first"$/)]);
    await first.page.close();
    await second.page.close();
  });

  it('saves D-2025-04 unchanged: no cell written, no Log row', async () => {
    const { page, frame } = await openSidebar();
    await frame.locator('#f-pick').selectOption('D-2025-04');
    const before = digest(fixture.file);
    await frame.locator('#submit').click();
    await expect(frame.locator('#status.notice-ok').textContent()).resolves.toBe(
      'Decision D-2025-04 is unchanged: nothing was written.',
    );
    expect(digest(fixture.file)).toBe(before);
    await page.close();
  });

  it('shows a hostile member and meeting title as text, runs no script, and keeps a screenshot', async () => {
    const { page, frame } = await openSidebar();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await expect(frame.locator('#consulted label[title^="<img"]').count()).resolves.toBe(1);
    await expect(frame.locator('#consulted img').count()).resolves.toBe(0);
    await expect(frame.locator('#f-meeting option[value="M-2026-90"]').textContent()).resolves.toContain(
      HOSTILE_MEETING,
    );
    await frame.locator('#f-meeting').selectOption('M-2026-90');
    await frame.locator('#f-title').fill(HOSTILE_MEMBER);
    // Only the hostile member left out, so that the finding names it (a long list would end "… and N more").
    await frame.locator('#consulted-active').click();
    await frame.locator('#consulted label[title^="<img"] input').uncheck();
    await expect(
      frame.locator('#guidance-list li[data-rule="decisions.consensus"] p').first().textContent(),
    ).resolves.toContain('HOSTILE');
    const sidebar = page.frame({ url: /\/page\/DecisionSidebar/ })!;
    await expect(sidebar.evaluate(() => (window as unknown as { pwned?: boolean }).pwned === true)).resolves.toBe(
      false,
    );
    expect(dialogs).toEqual([]);
    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page
      .locator('#sidebar-frame')
      .screenshot({ path: path.join(ROOT, 'test-artifacts', 'decision-sidebar-hostile.png') });
    await page.close();
  });
});

describe('the Meetings panel', () => {
  it('plans a meeting, records its agenda, attendance and approved minutes: the row holds every value and the check is content', async () => {
    const { page, frame } = await openSidebar();
    await frame.locator('#tab-meetings').click();
    await frame.locator('#m-date').fill('2026-11-10');
    await frame.locator('#m-kind').selectOption('Regular');
    await frame.locator('#m-mode').selectOption('Hybrid');
    await frame.locator('#m-title').fill('Fourth quarterly meeting');
    await frame.locator('#m-chair input[value="IOM"]').check();
    await frame.locator('#m-submit').click();
    const status = frame.locator('#m-status-line.notice-ok');
    await status.waitFor();
    const id = /M-2026-\d{2}/.exec((await status.textContent()) ?? '')![0];
    await expect(frame.locator('#m-pick').inputValue()).resolves.toBe(id);

    await frame.locator('#m-status').selectOption('Held');
    await frame.locator('#m-agenda').fill('2026-11-01');
    await frame.locator('#m-all').click();
    const attending = await frame
      .locator('#m-attendees input:checked')
      .evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(attending.length).toBeGreaterThan(5);
    await frame.locator('#m-link').fill('https://docs.example.org/minutes-q4');
    await frame.locator('#m-approved').fill('2026-11-20');
    await expect(frame.locator('#m-steps').textContent()).resolves.toMatch(
      /Circulate the approved minutes: due by 2026-11-27/,
    );
    await frame.locator('#m-submit').click();
    await frame.locator('#m-status-line.notice-ok').waitFor();

    const stored = readTable(await XlsxWorkbook.open(fixture.file), MeetingsTable).records.find((m) => m.id === id);
    expect(stored).toMatchObject({
      date: '2026-11-10',
      kind: 'Regular',
      mode: 'Hybrid',
      title: 'Fourth quarterly meeting',
      chairedBy: ['IOM'],
      status: 'Held',
      agendaCirculatedOn: '2026-11-01',
      attendees: attending,
      minutesLink: 'https://docs.example.org/minutes-q4',
      minutesApprovedOn: '2026-11-20',
    });
    const about = (await check()).filter(
      (f) => f.ref === id && ['meetings.agenda', 'meetings.minutes', 'meetings.attendance'].includes(f.rule),
    );
    expect(about).toEqual([]);
    await frame.locator('#m-pick').selectOption('M-2026-90');
    await expect(frame.locator('#m-pick option[value="M-2026-90"]').textContent()).resolves.toContain(HOSTILE_MEETING);
    await expect(frame.locator('#m-title').inputValue()).resolves.toBe(HOSTILE_MEETING);
    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page.locator('#sidebar-frame').screenshot({ path: path.join(ROOT, 'test-artifacts', 'meetings-panel.png') });
    await page.close();
  });

  it('keeps both co-chairs of M-2026-05, ticked from the keyboard, and saving it unchanged writes no cell and no Log row', async () => {
    const { page, frame } = await openSidebar();
    await frame.locator('#tab-meetings').click();
    await frame.locator('#m-pick').selectOption('M-2026-05');
    const chairs = () =>
      frame.locator('#m-chair input:checked').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    await expect(chairs()).resolves.toEqual(['IOM', 'UNRC']);
    const sidebar = page.frame({ url: /\/page\/DecisionSidebar/ })!;
    await frame.locator('#m-title').focus();
    await page.keyboard.press('Tab');
    await expect(sidebar.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('IOM');
    await page.keyboard.press('Space');
    await expect(chairs()).resolves.toEqual(['UNRC']);
    await page.keyboard.press('Space');
    await expect(chairs()).resolves.toEqual(['IOM', 'UNRC']);
    const before = digest(fixture.file);
    await frame.locator('#m-submit').click();
    await expect(frame.locator('#m-status-line.notice-ok').textContent()).resolves.toBe(
      'Meeting M-2026-05 is unchanged: nothing was written.',
    );
    expect(digest(fixture.file)).toBe(before);
    const stored = readTable(await XlsxWorkbook.open(fixture.file), MeetingsTable).records.find(
      (m) => m.id === 'M-2026-05',
    );
    expect(stored?.chairedBy).toEqual(['IOM', 'UNRC']);
    await page.close();
  });

  it('shows a plain member the meetings read only, with why', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture.playground.url);
    const option = page.locator('#user option', { hasText: /· UNICEF ·/ }).first();
    await Promise.all([page.waitForEvent('load'), page.selectOption('#user', (await option.getAttribute('value'))!)]);
    await page.locator('.menu-button', { hasText: 'Record' }).click();
    await page.locator('[data-command="showDecisionSidebar"]').click();
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#form').waitFor({ state: 'visible' });
    await expect(frame.locator('#refusal').textContent()).resolves.toMatch(/^Read only: Only the Secretariat/);
    await frame.locator('#tab-meetings').click();
    await expect(frame.locator('#m-pick').isEnabled()).resolves.toBe(true);
    await expect(frame.locator('#m-submit').isDisabled()).resolves.toBe(true);
    await page.close();
  });
});
