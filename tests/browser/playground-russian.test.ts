/**
 * The playground in Russian (`npm start -- --lang ru`) over the shipped example, in Chromium: the page,
 * its menu and panels, and the real decision sidebar in its 300 px frame all in Russian, nothing wider
 * than its frame. The screenshots go to test-artifacts/ (docs/screenshots/playground-ru-*.png are
 * copies of them).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { playgroundSuite, ROOT, runMenu } from './support';

const suite = playgroundSuite(undefined, ['--lang', 'ru']);
const artifacts = path.join(ROOT, 'test-artifacts');

beforeAll(() => mkdir(artifacts, { recursive: true }));

/**
 * What reaches past the right edge of its window: nothing, or a scroll bar would show. What a scroll
 * container holds (the tabs' grid, the Log's panel) may be wider: it scrolls by design.
 */
function overflowing(): string[] {
  const width = document.documentElement.clientWidth;
  const scrolls = (e: Element | null): boolean => {
    for (let at = e?.parentElement; at && at !== document.body; at = at.parentElement) {
      if (getComputedStyle(at).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => {
    if (scrolls(e)) return false;
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  });
  const page = document.documentElement.scrollWidth > width + 1 ? ['html'] : [];
  return [...page, ...wide.map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`)];
}

async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#sidebar-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the sidebar has no frame');
  return frame;
}

describe('the playground in Russian', () => {
  it('shows the page, its menu and panels in Russian, and nothing overflows', async () => {
    const page = await suite.context.newPage();
    await page.goto(suite.fixture.playground.url);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await expect(page.title()).resolves.toMatch(/ · тестовая площадка$/);
    await expect(page.locator('.menubar .addon').textContent()).resolves.toBe('Сеть ООН');
    const groups = await page.locator('.menu-button').allTextContents();
    expect(groups).toEqual(expect.arrayContaining(['Записи', 'Проверка', 'Отчеты', 'Автоматизация', 'Настройка']));
    await expect(page.locator('#problems-panel h2').textContent()).resolves.toMatch(/^Нарушения/);
    await expect(page.locator('#log-panel h2').textContent()).resolves.toBe('Журнал сначала последние');
    await expect(page.locator('#log thead').textContent()).resolves.toBe(
      'ВремяПользовательСобытиеСсылкаРезультатПодробности',
    );
    await expect(page.locator('#outbox-empty').textContent()).resolves.toBe('Писем пока не отправлено.');
    await expect(page.locator('#run-tick').textContent()).resolves.toBe('Выполнить ежечасный запуск');
    await expect(page.locator('.user').textContent()).resolves.toMatch(/^Пользователь .*· Секретариат/);
    // The workbook's tabs keep the contract's English names and headers.
    await expect(page.locator('.tab', { hasText: 'Focal points' }).count()).resolves.toBe(1);
    await page.locator('.menu-button', { hasText: 'Записи' }).click();
    await expect(page.locator('[data-command="showDecisionSidebar"]').textContent()).resolves.toBe('Записать решение');
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    expect(await page.evaluate(overflowing)).toEqual([]);
    await page.close();
  });

  it('runs the check and the hourly tick, saying so in Russian', async () => {
    const page = await suite.context.newPage();
    await page.goto(suite.fixture.playground.url);
    await runMenu(page, 'Проверка', 'runComplianceCheck');
    await page.locator('.tab[data-name="Compliance"]').waitFor();
    await page.locator('#run-tick').click();
    await page.locator('#busy').waitFor({ state: 'hidden' });
    await expect(page.locator('#messages .msg.alert b').last().textContent()).resolves.toBe('Ежечасный запуск: ');
    expect(await page.evaluate(overflowing)).toEqual([]);
    await page.close();
  });

  it('opens the Russian decision sidebar in its 300 px frame, nothing wider, and keeps screenshots', async () => {
    const page = await suite.context.newPage();
    await page.goto(suite.fixture.playground.url);
    // The Compliance tab in view, as the check leaves it: its header and findings in Russian.
    await runMenu(page, 'Проверка', 'runComplianceCheck');
    await expect(page.locator('.sheet:not([hidden]) table.grid').getAttribute('data-tab')).resolves.toBe('Compliance');
    await runMenu(page, 'Записи', 'showDecisionSidebar');
    await expect(page.locator('#sidebar-title').textContent()).resolves.toBe('Сеть ООН · Запись решения');
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#form').waitFor({ state: 'visible' });
    const sidebar = await sidebarFrame(page);
    expect(await sidebar.evaluate(() => document.documentElement.clientWidth)).toBe(300);
    await expect(sidebar.locator('html').getAttribute('lang')).resolves.toBe('ru');
    const text = await sidebar.locator('body').innerText();
    // The sidebar's own words, and the automation's state from the add-on's use case through the shim.
    for (const word of ['Решения и заседания', 'Заседание', 'Название']) expect(text).toContain(word);
    expect(text).toMatch(/Автоматизация отключена: утвержденные протоколы рассылаются только командой «[^»]+»/);
    expect(await sidebar.evaluate(overflowing)).toEqual([]);
    expect(await page.evaluate(overflowing)).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'playground-ru-page.png') });
    await page.locator('#sidebar-frame').screenshot({ path: path.join(artifacts, 'playground-ru-sidebar.png') });
    await page.close();
  });
});
