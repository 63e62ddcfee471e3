/**
 * The playground in the network's language: the workbook's Settings row `Language`, or `--lang en|ru`
 * on `npm start` (taken as `unmn` takes it). The page, the lines it prints, its alerts and errors, and
 * the built sidebar it serves (`DecisionSidebar-ru`, with the shim's texts in Russian). The language is
 * pinned for the rest of the process once `--lang` is given, so the tests run in this order.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlayground, type Started } from '../../../src/node/playground/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { ROOT } from './example-playground';

const TODAY = '2026-11-23';
let dir = '';
const running: Started[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-playground-language-'));
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.running?.close()));
  await rm(dir, { recursive: true, force: true });
});

async function copyOfExample(name: string, language?: 'Russian'): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(path.join(ROOT, 'examples', 'uzbekistan.xlsx'), file);
  if (language) {
    const workbook = await XlsxWorkbook.open(file);
    const settings = workbook.read('Settings') ?? [];
    const row = settings.findIndex((r) => r[0] === 'Language');
    workbook.write('Settings', row < 0 ? settings.length + 1 : row + 1, 1, [['Language', language]]);
    await workbook.save(file);
  }
  return file;
}

async function start(file: string, ...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const started = await runPlayground(
    [
      '--workbook',
      file,
      '--port',
      '0',
      '--today',
      TODAY,
      '--outbox',
      path.join(dir, `${path.basename(file)}-outbox`),
      ...extra,
    ],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    ROOT,
  );
  running.push(started);
  return { code: started.code, url: started.running?.url ?? '', out, err };
}

const post = (url: string, route: string) => fetch(new URL(route, url), { method: 'POST' });

describe('a workbook whose Settings say Russian', () => {
  let url = '';
  let out: string[] = [];

  beforeAll(async () => {
    ({ url, out } = await start(await copyOfExample('russian.xlsx', 'Russian')));
  });

  it('prints its address, file and user in Russian', () => {
    expect(out[0]).toMatch(/^Тестовая площадка: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(out[1]).toMatch(/^Таблица: {11}.*russian\.xlsx$/);
    expect(out[2]).toMatch(/^Пользователь: {6}\S+@iom\.int · текущая дата: 2026-11-23$/);
    expect(out[3]).toBe('Для остановки нажмите Ctrl+C.');
  });

  it('shows the page in Russian, the workbook’s own headers as they are', async () => {
    const page = await (await fetch(url)).text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('· тестовая площадка</title>');
    expect(page).toContain('текущая дата: 2026-11-23');
    expect(page).toContain('<h2>Нарушения <span class="count">');
    expect(page).toContain('<h2>Журнал <span class="count">сначала последние</span>');
    expect(page).toContain('<th>Время</th><th>Пользователь</th><th>Событие</th>');
    expect(page).toContain('<h2>Исходящие <span class="count">0</span>');
    expect(page).toContain('Писем пока не отправлено.');
    expect(page).toContain('>Выполнить ежечасный запуск</button>');
    expect(page).toContain('кнопка «Выполнить ежечасный запуск» выполняет то же, что и ежечасный триггер');
    expect(page).toContain('aria-label="Да"');
    expect(page).toContain('>Список членов</a>');
    expect(page).toContain('aria-label="Меню надстройки"');
    // The page's script shows its own texts in Russian too.
    expect(page).toContain('"noAnswer":"Сервер тестовой площадки не ответил: {error}"');
    // The data tabs keep the contract's English headers.
    expect(page).toContain('<th scope="col">Agency</th>');
  });

  it('opens the Russian sidebar, whose shim speaks Russian', async () => {
    const answer = (await (await post(url, '/command/showDecisionSidebar')).json()) as {
      messages: { kind: string; page: string; title: string }[];
    };
    expect(answer.messages).toEqual([{ kind: 'sidebar', page: 'DecisionSidebar-ru', title: 'Запись решения' }]);
    const sidebar = await fetch(new URL('/page/DecisionSidebar-ru', url));
    expect(sidebar.status).toBe(200);
    const html = await sidebar.text();
    expect(html).toMatch(/<html lang="ru"/);
    expect(html).toContain('"refused":"Сервер отклонил вызов."');
    expect((await (await fetch(new URL('/page/DecisionSidebar', url))).text()).toString()).toContain(
      '"refused":"The server refused the call."',
    );
  });

  it('runs the hourly tick and refuses what it does not know in Russian', async () => {
    const tick = (await (await post(url, '/tick')).json()) as { messages: { kind: string; title: string }[] };
    expect(tick.messages[0]).toMatchObject({ kind: 'alert', title: 'Ежечасный запуск' });
    const unknown = await post(url, '/command/nowhere');
    await expect(unknown.json()).resolves.toEqual({ messages: [], error: 'Команда не найдена: nowhere' });
  });
});

describe('--lang', () => {
  it('refuses a language it does not know, before anything else', async () => {
    const r = await start(path.join(dir, 'missing.xlsx'), '--lang', 'fr');
    expect(r.code).toBe(2);
    // A fresh process says it in English; here the Russian workbook above was read last.
    expect(r.err).toEqual(['unmn: параметр --lang принимает значение en или ru, а не «fr»']);
  });

  it('en writes English over a Russian workbook', async () => {
    const r = await start(await copyOfExample('english.xlsx', 'Russian'), '--lang', 'en');
    expect(r.out[0]).toMatch(/^Playground: /);
    const page = await (await fetch(r.url)).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('No email has gone out yet.');
  });

  it('ru writes Russian over an English workbook, its errors too', async () => {
    const r = await start(await copyOfExample('pinned.xlsx'), '--lang=ru');
    expect(r.out[0]).toMatch(/^Тестовая площадка: /);
    expect(await (await fetch(r.url)).text()).toContain('<html lang="ru">');
    const bad = await start(path.join(dir, 'pinned.xlsx'), '--today', '2026-13-01');
    expect(bad.err).toEqual(['--today должен быть календарной датой в формате ГГГГ-ММ-ДД, а не «2026-13-01»']);
    const held = await start(path.join(dir, 'pinned.xlsx'));
    expect(held.err[0]).toMatch(/^Таблица .*pinned\.xlsx открыта на другой тестовой площадке \(процесс \d+\)/);
  });
});
