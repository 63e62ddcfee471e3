/**
 * Written consultation through the playground: the secretariat opens one from the sidebar's
 * Consultations panel, UNDP's focal point answers in the answer dialog by keyboard alone (the hostile
 * proposal staying text), and the secretariat follows the answers and closes a consultation, whose
 * drafted decision it then records from the Decisions panel.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/app/repository';
import { ConsultationsTable, DecisionsTable } from '../../src/domain/tables';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import { playgroundSuite, ROOT, runMenu } from './support';

const HOSTILE = '<img src=x onerror="window.pwned = true">Admit UNEP</script><script>window.pwned = true</script>';

const suite = playgroundSuite();

async function openAs(agency: string): Promise<Page> {
  const page = await suite.context.newPage();
  await page.goto(suite.fixture.playground.url);
  const option = page.locator('#user option', { hasText: new RegExp(`· ${agency} ·`) }).first();
  const email = await option.getAttribute('value');
  await Promise.all([page.waitForEvent('load'), page.selectOption('#user', email!)]);
  return page;
}

async function consultationsPanel(page: Page) {
  await runMenu(page, 'Record', 'showDecisionSidebar');
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#tab-consultations').click();
  await frame.locator('#c-open').waitFor();
  return frame;
}

describe('the Consultations panel and the answer dialog', () => {
  let opened = '';

  it('opens a consultation from the panel, which lists every member as not answered yet', async () => {
    const page = await openAs('IOM');
    const frame = await consultationsPanel(page);
    await frame.locator('#c-title').fill('Admit UNEP');
    await frame.locator('#c-proposal').fill(HOSTILE);
    await frame.locator('#c-kind').selectOption('Approval');
    await frame.locator('#c-deadline').fill('2026-11-24');
    await frame.locator('#c-submit').click();
    await expect(frame.locator('#cform [data-error="deadline"]').textContent()).resolves.toMatch(
      /fewer than 3 working days/,
    );
    await frame.locator('#c-confirm').check();
    await frame.locator('#c-deadline').fill('2026-12-04');
    await expect(frame.locator('#c-confirm').isVisible()).resolves.toBe(false);
    await frame.locator('#c-submit').click();
    const status = frame.locator('#c-status.notice-ok');
    await status.waitFor();
    opened = /C-2026-\d{2}/.exec((await status.textContent()) ?? '')![0];
    const item = frame.locator(`#c-open li[data-id="${opened}"]`);
    await item.waitFor();
    await expect(item.locator('tr[data-agency="UNDP"] td').first().textContent()).resolves.toBe('Not answered');
    await expect(item.locator('.waiting').textContent()).resolves.toMatch(
      /^IOM, UNRC, UNDP, .* have not answered yet\.$/,
    );
    const stored = readTable(await XlsxWorkbook.open(suite.fixture.file), ConsultationsTable).records.find(
      (c) => c.id === opened,
    );
    expect(stored).toMatchObject({ kind: 'Approval', title: 'Admit UNEP', proposal: HOSTILE, status: 'Open' });
    await page.close();
  });

  it("UNDP's focal point answers by keyboard alone, a reason required to object; the proposal stays text", async () => {
    const page = await openAs('UNDP');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await runMenu(page, 'Record', 'showConsultationDialog');
    const frame = page.frameLocator('#dialog-frame');
    const dialog = page.frame({ url: /\/page\/ConsultationDialog/ })!;
    await frame.locator('#c-pick').waitFor();
    const focused = () => dialog.evaluate(() => document.activeElement?.id ?? '');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    };
    await frame.locator('main').click({ position: { x: 1, y: 1 } });
    await tabTo('c-pick');
    while ((await frame.locator('#c-pick').inputValue()) !== opened) await page.keyboard.press('ArrowDown');
    await expect(frame.locator('#proposal .text').textContent()).resolves.toBe(HOSTILE);
    await expect(frame.locator('#proposal img').count()).resolves.toBe(0);
    await expect(frame.locator('#current').textContent()).resolves.toBe('UNDP has not answered yet.');

    await tabTo('a-approve');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(frame.locator('#a-object').isChecked()).resolves.toBe(true);
    await tabTo('a-submit');
    await page.keyboard.press('Enter');
    await expect(frame.locator('[data-error="comment"]').textContent()).resolves.toMatch(/^Say why UNDP objects/);
    expect(await focused()).toBe('a-comment');
    await page.keyboard.type('Not before the review of its mandate.');
    await tabTo('a-submit');
    await page.keyboard.press('Enter');
    await expect(frame.locator('#status.notice-ok').textContent()).resolves.toBe(
      `Received: UNDP answers Object to ${opened}.`,
    );
    await expect(frame.locator('#current').textContent()).resolves.toMatch(/^UNDP's answer: Object .*received/);
    await expect(dialog.evaluate(() => (window as unknown as { pwned?: boolean }).pwned === true)).resolves.toBe(false);
    expect(dialogs).toEqual([]);
    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page
      .locator('#dialog-frame')
      .screenshot({ path: path.join(ROOT, 'test-artifacts', 'consultation-dialog.png') });
    await page.close();
  });

  it('tells a focal point who is no longer active why they may not answer', async () => {
    const page = await openAs('UNICEF');
    const former = page.locator('#user option', { hasText: /\(inactive\)$/ }).first();
    await Promise.all([page.waitForEvent('load'), page.selectOption('#user', (await former.getAttribute('value'))!)]);
    await runMenu(page, 'Record', 'showConsultationDialog');
    const frame = page.frameLocator('#dialog-frame');
    await expect(frame.locator('#refusal').textContent()).resolves.toMatch(
      /^\S+@unicef\.org is not an active focal point of any member: only a member's focal point can answer\./,
    );
    await expect(frame.locator('#aform').count()).resolves.toBe(0);
    await page.close();
  });

  it("shows the secretariat UNDP's objection, refuses an early close, and closing C-2026-01 drafts the decision it records", async () => {
    const page = await openAs('IOM');
    const frame = await consultationsPanel(page);
    const item = frame.locator(`#c-open li[data-id="${opened}"]`);
    await expect(item.locator('tr[data-agency="UNDP"]').textContent()).resolves.toMatch(
      /^UNDPObjectNot before the review of its mandate\.$/,
    );
    await expect(item.locator('.waiting').textContent()).resolves.not.toMatch(/UNDP/);
    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page
      .locator('#sidebar-frame')
      .screenshot({ path: path.join(ROOT, 'test-artifacts', 'consultations-panel.png') });
    await frame.locator(`[data-close="${opened}"]`).click();
    await expect(frame.locator('#c-status.notice-error').textContent()).resolves.toMatch(
      new RegExp(`^${opened} is open until 2026-12-04 and .* have not answered yet\\.$`),
    );

    await frame.locator('[data-close="C-2026-01"]').click();
    await frame.locator('#form').waitFor({ state: 'visible' });
    await expect(frame.locator('#f-consultation').textContent()).resolves.toBe(
      'Taken by written consultation C-2026-01.',
    );
    await expect(frame.locator('#f-meeting').inputValue()).resolves.toBe('');
    const ticked = (box: string) =>
      frame.locator(`#${box} input:checked`).evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect((await ticked('consulted')).length).toBeGreaterThan(10);
    await expect(ticked('objections')).resolves.toEqual([]);
    if (await frame.locator('#confirm-field').isVisible()) await frame.locator('#f-confirmed').check();
    await frame.locator('#submit').click();
    const status = frame.locator('#status.notice-ok');
    await status.waitFor();
    const id = /D-2026-\d{2}/.exec((await status.textContent()) ?? '')![0];
    const wb = await XlsxWorkbook.open(suite.fixture.file);
    expect(readTable(wb, DecisionsTable).records.find((d) => d.id === id)?.consultation).toBe('C-2026-01');
    expect(readTable(wb, ConsultationsTable).records.find((c) => c.id === 'C-2026-01')?.status).toBe('Closed');
    await page.close();
  });
});
