/**
 * `unmn` in the network's language, run as the program people start (bin/unmn.mjs): `--lang en|ru`
 * on any command, else the workbook's Settings row `Language`; an unknown language is a usage error
 * (exit 2). The messages `tick --lang ru` writes carry their Russian subject as RFC 2047 encoded-words.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmlOutbox } from '../../../src/node/eml-outbox';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { ensureCliBuilt } from '../../support/cli-build';

const ROOT = path.resolve(__dirname, '../../..');
const UNMN = path.join(ROOT, 'bin', 'unmn.mjs');
const EXAMPLE = path.join(ROOT, 'examples', 'uzbekistan.xlsx');
const TODAY = '2026-11-23';
let dir = '';

function unmn(...args: string[]) {
  const r = spawnSync(process.execPath, [UNMN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.split('\n').filter((l) => l !== ''), stderr: r.stderr.trim() };
}

async function copy(name: string): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(EXAMPLE, file);
  return file;
}

/** A copy of the example whose Settings say `Language` = Russian. */
async function russianWorkbook(name: string): Promise<string> {
  const file = await copy(name);
  const workbook = await XlsxWorkbook.open(file);
  const settings = workbook.read('Settings') ?? [];
  const row = settings.findIndex((r) => r[0] === 'Language');
  workbook.write('Settings', row < 0 ? settings.length + 1 : row + 1, 1, [['Language', 'Russian']]);
  await workbook.save(file);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-language-'));
  await ensureCliBuilt();
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('unmn --lang', () => {
  it('lists --lang in the help, in either language', () => {
    expect(unmn('--help').stdout).toContain(
      '--lang en|ru: the language unmn writes in; without it, the workbook’s Settings row Language decides.',
    );
    const russian = unmn('--help', '--lang', 'ru');
    expect(russian.code).toBe(0);
    expect(russian.stdout[0]).toBe('использование: unmn <команда> [аргументы] [--lang en|ru]');
    expect(russian.stdout).toContain(
      '  check     провести проверку соблюдения круга ведения и перечислить замечания (файл не изменяется)',
    );
    expect(unmn('check', '--help', '--lang=ru').stdout).toEqual([
      'использование: unmn check ФАЙЛ.xlsx [--today ГГГГ-ММ-ДД] [--json] [--lang en|ru]',
    ]);
  });

  it('refuses a language it does not know, or none, with exit 2 and one line', () => {
    expect(unmn('check', EXAMPLE, '--lang', 'fr')).toMatchObject({
      code: 2,
      stdout: [],
      stderr: 'unmn: --lang must be en or ru, not "fr"',
    });
    expect(unmn('check', EXAMPLE, '--lang')).toMatchObject({ code: 2, stderr: 'unmn: --lang needs a value, en or ru' });
  });

  it('says what is wrong with the arguments and the file in Russian', () => {
    expect(unmn('check', EXAMPLE, '--today', '2026-02-30', '--lang', 'ru')).toMatchObject({
      code: 2,
      stderr:
        'unmn check: значение --today должно быть календарной датой в формате ГГГГ-ММ-ДД, а не «2026-02-30». Использование: unmn check ФАЙЛ.xlsx [--today ГГГГ-ММ-ДД] [--json] [--lang en|ru]',
    });
    const missing = path.join(dir, 'absent.xlsx');
    expect(unmn('validate', missing, '--lang', 'ru')).toMatchObject({
      code: 2,
      stderr: `unmn validate: ${missing}: файл не найден`,
    });
    expect(unmn('report', '--lang', 'ru', 'all').stderr).toMatch(/^unmn report: не указан аргумент ФАЙЛ\.xlsx\. /);
    expect(unmn('check', EXAMPLE, '--colour', '--lang', 'ru').stderr).toMatch(
      /^unmn check: неизвестный параметр «--colour»\. Использование: /,
    );
  });
});

describe('unmn check', () => {
  it('writes its findings in Russian with --lang ru, days in the genitive', async () => {
    const file = await copy('check.xlsx');
    const r = unmn('check', file, '--today', TODAY, '--lang', 'ru');
    expect(r.code).toBe(1);
    expect(r.stdout[0]).toMatch(
      new RegExp(`^Проверка соблюдения круга ведения, файл ${file}, по состоянию на 23 ноября 2026 г\\. \\(`),
    );
    expect(r.stdout.filter((l) => l.startsWith('      Как исправить: ')).length).toBeGreaterThan(3);
    // The clause says itself that it is quoted in English: the line's label does not say it again.
    expect(
      r.stdout.some((l) =>
        /^ {6}Основание: Круг ведения \(Узбекистан\), раздел «.+» \(цитата .+ на английском языке\): "/.test(l),
      ),
    ).toBe(true);
    expect(r.stdout.some((l) => /Fix:|Compliance check/.test(l))).toBe(false);
  });

  it('follows the workbook’s Settings without --lang, and --lang en over them', async () => {
    const file = await russianWorkbook('russian.xlsx');
    expect(unmn('check', file, '--today', TODAY).stdout[0]).toMatch(/^Проверка соблюдения круга ведения, файл /);
    const english = unmn('check', file, '--today', TODAY, '--lang', 'en');
    expect(english.stdout[0]).toMatch(new RegExp(`^Compliance check of ${file} on 23 November 2026 \\(`));
    expect(english.stdout.some((l) => l.startsWith('      Fix: '))).toBe(true);
  });
});

describe('unmn validate and init', () => {
  it('count tabs and rows with Russian plurals', async () => {
    const file = path.join(dir, 'new.xlsx');
    expect(unmn('init', file, '--profile', 'uzbekistan', '--lang', 'ru')).toMatchObject({
      code: 0,
      stdout: [`Создан файл ${file} (12 листов, профиль круга ведения uzbekistan)`],
    });
    expect(unmn('validate', file, '--lang', 'ru').stdout[0]).toMatch(
      /^Нарушений нет: проверено 12 листов, \d+ (строка|строки|строк)$/,
    );
    expect(unmn('init', file, '--lang', 'ru')).toMatchObject({
      code: 2,
      stderr: `unmn init: файл ${file} уже существует; чтобы заменить его, добавьте --force`,
    });
  });
});

describe('unmn report', () => {
  it('names every report it wrote in Russian with --lang ru', async () => {
    const file = await copy('report.xlsx');
    const out = path.join(dir, 'reports');
    const r = unmn('report', 'all', file, '--today', TODAY, '--out', out, '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.stdout).toHaveLength(5);
    for (const line of r.stdout) expect(line).toMatch(/^[А-Я][а-я]+ [^:]*: .*\.html, /);
    expect(r.stdout[2]).toMatch(/^Ход выполнения плана работы на 2026 год: /);
    expect(unmn('report', 'nope', file, '--lang', 'ru').stderr).toMatch(
      /^unmn report: отчета «nope» не существует\. Использование: unmn report ОТЧЕТ ФАЙЛ\.xlsx .*, где ОТЧЕТ — member-list, /,
    );
  });
});

describe('unmn tick', () => {
  it('says in Russian what it would send and where it wrote the messages, with --lang ru --dry-run', async () => {
    const file = await copy('tick.xlsx');
    const outbox = path.join(dir, 'outbox');
    const r = unmn('tick', file, '--today', TODAY, '--outbox', outbox, '--dry-run', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toBe(`Ежечасный запуск для файла ${file} по состоянию на 23 ноября 2026 г.`);
    expect(r.stdout.filter((l) => l.startsWith('  Будет отправлено: '))).toHaveLength(6);
    expect(r.stdout).toContain(`6 сообщений записано в папку ${outbox}:`);
    expect(r.stdout.at(-1)).toBe(`--dry-run: файл ${file} оставлен без изменений.`);
    expect(r.stdout.some((l) => /Would send|Sent:/.test(l))).toBe(false);
  });
});

describe('the .eml files', () => {
  const subject = 'Сеть ООН по миграции в Узбекистане: протокол заседания «Q3 2026» от 16 сентября 2026 г.';

  it('carry a Russian subject as RFC 2047 encoded-words that a mail reader decodes back, and a Latin file name', async () => {
    const outbox = new EmlOutbox({ now: () => `${TODAY}T09:00:00`, today: () => TODAY });
    outbox.send({
      to: ['migration.uz@one.un.org'],
      subject,
      text: 'Уважаемые коллеги,',
      html: '<p>Уважаемые коллеги,</p>',
    });
    const [file = ''] = await outbox.write(path.join(dir, 'eml'));
    expect(path.basename(file)).toBe('0001-set-oon-po-migratsii-v-uzbekistane-protokol-zasedaniia-q3-20.eml');
    const raw = await readFile(file);
    const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw.toString('latin1'))?.[1] ?? '';
    // Seven-bit on the wire: every Cyrillic letter inside an encoded-word.
    expect(header).toMatch(/^=\?UTF-8\?[BQ]\?/);
    expect([...header].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.text?.trim()).toBe('Уважаемые коллеги,');
  });
});
