/**
 * The built Russian pages (dist/<page>-ru.html) as the playground serves them with `--lang ru`, at the
 * 300 px an Apps Script sidebar is wide: Russian labels, the contract's English values kept behind
 * their Russian words, nothing wider than the page, and a screenshot of each kept in docs/screenshots.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { playgroundSuite, ROOT } from './support';

const WIDTH = 300;
const SHOTS = path.join(ROOT, 'docs', 'screenshots');

const suite = playgroundSuite(undefined, ['--lang', 'ru']);

beforeAll(() => mkdir(SHOTS, { recursive: true }));

/** The playground acts as that member's focal point (or the secretariat), as its user picker does. */
async function actAs(agency: string): Promise<void> {
  const page = await suite.context.newPage();
  await page.goto(suite.fixture.playground.url);
  const option = page.locator('#user option', { hasText: new RegExp(`· ${agency} ·`) }).first();
  const email = await option.getAttribute('value');
  await Promise.all([page.waitForEvent('load'), page.selectOption('#user', email!)]);
  await page.close();
}

/** A built page on its own, 300 px wide, its google.script.run answered by the playground. */
async function openPage(name: string, ready: string): Promise<Page> {
  const page = await suite.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(`${suite.fixture.playground.url.replace(/\/$/, '')}/page/${name}-ru`);
  await page.locator(ready).first().waitFor({ state: 'visible' });
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
  return page;
}

/** What sticks out of the page: its scroll width, and every visible element whose right edge passes the viewport. */
function overflow(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > window.innerWidth + 0.5;
      })
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: document.scrollingElement!.scrollWidth, wide };
  });
}

async function fitsAndShoot(page: Page, shot: string): Promise<void> {
  const { scrollWidth, wide } = await overflow(page);
  expect(wide, shot).toEqual([]);
  expect(scrollWidth, shot).toBeLessThanOrEqual(WIDTH);
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();
const options = (page: Page, selector: string) =>
  page
    .locator(`${selector} option`)
    .evaluateAll((xs) => xs.map((x) => [(x as HTMLOptionElement).value, x.textContent]));

describe('the sidebar and dialogs in Russian, 300 px wide', () => {
  it('shows the Decisions panel in Russian, the outcomes translated and sent in English', async () => {
    await actAs('IOM');
    const page = await openPage('DecisionSidebar', '#form');
    await expect(text(page, 'h1')).resolves.toBe('Решения и заседания');
    await expect(text(page, '#tab-decisions')).resolves.toBe('Решения');
    await expect(text(page, '#tab-meetings')).resolves.toBe('Заседания');
    await expect(text(page, 'label[for="f-meeting"]')).resolves.toBe('Заседание');
    await expect(text(page, '#submit')).resolves.toBe('Записать решение');
    await expect(text(page, '#consulted-active')).resolves.toBe('Отметить всех действующих членов');
    await expect(options(page, '#f-outcome')).resolves.toEqual([
      ['Adopted', 'Принято'],
      ['Not adopted', 'Не принято'],
      ['Pending', 'На рассмотрении'],
    ]);
    await expect(options(page, '#f-kind')).resolves.toContainEqual([
      'Workplan endorsement',
      'Утверждение плана работы',
    ]);
    await expect(text(page, '#consulted-missing')).resolves.toMatch(
      /являлись членами Сети по состоянию на 23 ноября 2026 г\., но не отмечены/,
    );
    await page.locator('#action-add').click();
    await expect(text(page, 'label[for="action-1"]')).resolves.toBe('Поручение 1');
    await page.locator('#f-title').fill('Утверждение плана коммуникационной работы Сети на 2027 год');
    await fitsAndShoot(page, 'sidebar-ru-decisions');
    await page.close();
  });

  it('shows the Meetings panel in Russian, with the steps the ToR asks next', async () => {
    const page = await openPage('DecisionSidebar', '#form');
    await page.locator('#tab-meetings').click();
    await expect(text(page, '#m-pick option')).resolves.toBe('Запланировать новое заседание');
    await expect(text(page, '#m-submit')).resolves.toBe('Запланировать заседание');
    await expect(options(page, '#m-status')).resolves.toEqual([
      ['Planned', 'Запланировано'],
      ['Held', 'Состоялось'],
      ['Cancelled', 'Отменено'],
    ]);
    await expect(options(page, '#m-mode')).resolves.toContainEqual(['In person', 'Очный']);
    await expect(text(page, '#m-steps-head')).resolves.toBe('Что круг ведения требует далее');
    const held = await page
      .locator('#m-pick option')
      .evaluateAll((xs) => (xs as HTMLOptionElement[]).find((x) => x.textContent?.includes('Состоялось'))?.value ?? '');
    expect(held).toMatch(/^M-/);
    await page.locator('#m-pick').selectOption(held);
    await expect(text(page, '#m-submit')).resolves.toBe(`Сохранить ${held}`);
    await fitsAndShoot(page, 'sidebar-ru-meetings');
    await page.close();
  });

  it('opens a consultation from the Consultations panel in Russian', async () => {
    const page = await openPage('DecisionSidebar', '#form');
    await page.locator('#tab-consultations').click();
    await page.locator('#c-title').waitFor({ state: 'visible' });
    await expect(text(page, '#cform h2')).resolves.toBe('Открыть консультацию');
    await expect(options(page, '#c-kind')).resolves.toEqual([
      ['No objection', 'Отсутствие возражений'],
      ['Approval', 'Одобрение'],
    ]);
    await page.locator('#c-title').fill('Прием ЮНЕП в члены Сети');
    await page.locator('#c-proposal').fill('Предлагается принять ЮНЕП в члены Сети с 1 января 2027 года.');
    await page.locator('#c-kind').selectOption('Approval');
    await page.locator('#c-deadline').fill('2026-12-11');
    await page.locator('#c-submit').click();
    const status = (await text(page, '#c-status.notice-ok')) ?? '';
    expect(status).toMatch(/^Консультация C-\d{4}-\d+ открыта: /);
    const item = `#c-open li[data-id="${/C-\d{4}-\d+/.exec(status)![0]}"]`;
    await expect(text(page, `${item} .waiting`)).resolves.toMatch(/: ответы еще не получены\.$/);
    await expect(text(page, `${item} td`)).resolves.toBe('Нет ответа');
    await expect(text(page, '#c-open')).resolves.toMatch(/срок \(\d+ ноября 2026 г\.\) истек/);
    await fitsAndShoot(page, 'sidebar-ru-consultations');
    await page.close();
  });

  it("shows the answer dialog in Russian to UNDP's focal point", async () => {
    await actAs('UNDP');
    const page = await openPage('ConsultationDialog', '#aform');
    await expect(text(page, '#current')).resolves.toBe('Ответ UNDP еще не получен.');
    await expect(text(page, '#aform legend')).resolves.toBe('Ответ UNDP');
    await expect(text(page, 'label[for="a-comment"]')).resolves.toBe('Комментарий (необязательно)');
    await expect(text(page, '#a-submit')).resolves.toBe('Отправить ответ');
    await expect(page.locator('#a-object').getAttribute('value')).resolves.toBe('Object');
    await page.locator('#a-object').check();
    await expect(text(page, 'label[for="a-comment"]')).resolves.toBe('Причина возражения UNDP (обязательно)');
    await fitsAndShoot(page, 'dialog-ru-answer');
    await page.close();
  });

  it('shows the circulation preview in Russian, its counts in Russian plural forms', async () => {
    await actAs('IOM');
    const page = await openPage('CirculationPreview', '#preview');
    await expect(text(page, '#summary')).resolves.toMatch(
      /^(1 письмо|[2-4] письма|\d+ писем) для (1 получателя|\d+ получателей) от \S+ \(сегодня можно отправить письма еще \d+ получател(ю|ям)\)\.$/,
    );
    await expect(text(page, '#send')).resolves.toBe('Отправить');
    await expect(text(page, '#cancel')).resolves.toBe('Закрыть');
    await expect(text(page, '.message dt')).resolves.toBe('Письмо');
    await fitsAndShoot(page, 'dialog-ru-circulation');
    await page.close();
  });
});
