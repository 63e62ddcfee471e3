/**
 * The reports of the example in Russian: titles, headings, column headers and notes from the Russian
 * catalogue, the GCM's objectives and guiding principles in their official Russian wording, Russian
 * plurals, days in the genitive and thousands grouped by a space; the figures the same as in English.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gcmPrinciples, gcmObjective } from '../../../src/domain/gcm';
import { inLanguage } from '../../../src/domain/i18n';
import type { Network } from '../../../src/domain/network';
import { csvHeader, displayText, periodWords, REPORTS } from '../../../src/domain/reports';
import { actionTracker } from '../../../src/domain/reports/action-tracker';
import { annualReview } from '../../../src/domain/reports/annual-review';
import { reportMessage } from '../../../src/domain/reports/email';
import { gcmSummary } from '../../../src/domain/reports/gcm-summary';
import { memberList } from '../../../src/domain/reports/member-list';
import { workplanProgress } from '../../../src/domain/reports/workplan-progress';
import { EXAMPLE_TODAY, exampleNetwork, table, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

const options = { year: 2026, today: EXAMPLE_TODAY };
const russian = <T>(work: () => T): T => inLanguage('ru', work);

describe('the reports in Russian', () => {
  it('names the GCM review pack and its period in Russian, days in the genitive', () => {
    const report = russian(() => gcmSummary(network, options));
    expect(report.title).toBe('Материалы к обзору ГДМ за период с 1 апреля по 23 ноября 2026 г.');
    expect(report.subtitle).toContain('Глобального договора о миграции');
    expect(report.tables.map((t) => t.title)).toEqual([
      '23 цели',
      'Вклад по целям',
      'Пробелы: цели, которым ничего не служило',
      'Руководящие принципы',
      'Задачи ЦУР',
    ]);
    expect(report.charts.map((c) => c.title)).toEqual([
      'Ключевые мероприятия и решения по целям ГДМ',
      'Ключевые мероприятия по руководящим принципам',
    ]);
  });

  it('gives each GCM objective its official Russian title (A/RES/73/195), with the same figures as in English', () => {
    const ru = russian(() => gcmSummary(network, options));
    const en = gcmSummary(network, options);
    const objectives = table(ru, 'objectives');
    expect(objectives.columns.map((c) => c.header).slice(0, 3)).toEqual(['Цель ГДМ', 'Цель', 'Ключевые мероприятия']);
    expect(values(objectives)[0]![1]).toBe(
      'Сбор и использование точных и дезагрегированных данных в качестве основы для выработки эмпирически обоснованной политики',
    );
    expect(values(table(en, 'objectives'))[0]![1]).toBe(
      'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
    );
    expect(values(objectives).map((r) => r.filter((_, i) => i !== 1))).toEqual(
      values(table(en, 'objectives')).map((r) => r.filter((_, i) => i !== 1)),
    );
    expect(values(table(ru, 'contributions'))[0]![2]).toBe('Ключевое мероприятие');
  });

  it('writes the guiding principles in Russian and still counts the English values the Workplan holds', () => {
    const ru = values(
      table(
        russian(() => gcmSummary(network, options)),
        'principles',
      ),
    );
    const en = values(table(gcmSummary(network, options), 'principles'));
    expect(ru.map((r) => r[0])).toEqual([
      'a) Ориентированность на человека',
      'b) Международное сотрудничество',
      'c) Национальный суверенитет',
      'd) Верховенство права и надлежащие правовые процедуры',
      'e) Устойчивое развитие',
      'f) Права человека',
      'g) Учет гендерной проблематики',
      'h) Учет интересов детей',
      'i) Общегосударственный подход',
      'j) Общесоциальный подход',
    ]);
    expect(en[0]![0]).toBe('(a) People-centred');
    expect(ru.map((r) => r.slice(1))).toEqual(en.map((r) => r.slice(1)));
    expect(gcmPrinciples()[0]!.title).toBe('People-centred');
    expect(russian(() => gcmObjective(13)!.title)).toBe(
      'Применение практики помещения в центры содержания исключительно в качестве крайней меры и поиск альтернатив',
    );
  });

  it('uses Russian plurals: one, few and many', () => {
    expect(russian(() => memberList(network, options)).subtitle).toBe(
      '13 членов Сети и 22 координатора; список предназначен для рассылки членам Сети.',
    );
    const workplan = russian(() => workplanProgress(network, options));
    expect(workplan.title).toBe('Ход выполнения плана работы на 2026 год');
    expect(table(workplan, 'key-actions').totals?.slice(0, 2)).toEqual(['Итого', '5 ключевых мероприятий']);
    const annual = russian(() => annualReview(network, options));
    expect(table(annual, 'meetings').note).toContain('продолжительностью 3 месяца');
    expect(table(annual, 'consultations').totals?.[4]).toMatch(/^\d+ консультаци(я|и|й)$/);
  });

  it('titles every report and heads every table and column in Russian', () => {
    const reports = russian(() => REPORTS.map((def) => def.build(network, options)));
    expect(reports.map((r) => r.title)).toEqual([
      'Список членов',
      'Контроль исполнения поручений',
      'Ход выполнения плана работы на 2026 год',
      'Материалы к обзору ГДМ за период с 1 апреля по 23 ноября 2026 г.',
      'Годовой обзор за 2026 год',
    ]);
    expect(russian(() => REPORTS.map((def) => def.label))).toEqual([
      'Список членов',
      'Контроль исполнения поручений',
      'Ход выполнения плана работы',
      'Сводка по ГДМ',
      'Годовой обзор',
    ]);
    const latin = /[A-Za-z]{3,}/;
    for (const report of reports) {
      for (const t of report.tables) {
        expect(t.title, `${report.id} ${t.id}`).not.toMatch(latin);
        for (const c of t.columns) expect(c.header, `${report.id} ${t.id}`).not.toMatch(latin);
      }
      for (const c of report.charts) expect(c.title).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(
      table(
        russian(() => actionTracker(network, options)),
        'open-actions',
      ).columns[0]!.header,
    ).toBe('Идентификатор');
  });

  it('emails a report in Russian: subject, headings and money in US dollars as the UN writes them', () => {
    const message = russian(() => reportMessage(workplanProgress(network, options)));
    expect(message.subject).toBe('Ход выполнения плана работы на 2026 год — UN Network on Migration in Uzbekistan');
    expect(message.text).toContain('КЛЮЧЕВЫЕ МЕРОПРИЯТИЯ НА 2026 ГОД');
    expect(message.text).toContain('310\u00a0000 долл. США');
    expect(message.html).toContain('<h3 style="margin:18px 0 6px">По целям ГДМ</h3>');
    expect(message.text).toContain('23 ноября 2026 г.');
  });
});

describe('numbers, days and CSV headers as the language writes them', () => {
  it('groups thousands with a space in Russian and a comma in English', () => {
    expect(russian(() => displayText(1234, 'count'))).toBe('1\u00a0234');
    expect(russian(() => displayText(310000, 'money'))).toBe('310\u00a0000 долл. США');
    expect(displayText(1234, 'count')).toBe('1,234');
    expect(displayText(310000, 'money')).toBe('USD 310,000');
    expect(displayText(-1500.4, 'money')).toBe('USD -1,500');
  });

  it('writes a period across years, and one within a year', () => {
    const across = { from: '2025-12-01', to: '2026-11-23' };
    expect(russian(() => periodWords(across))).toBe('с 1 декабря 2025 г. по 23 ноября 2026 г.');
    expect(periodWords(across)).toBe('1 December 2025 to 23 November 2026');
    expect(periodWords({ from: '2026-04-01', to: '2026-11-23' })).toBe('1 April to 23 November 2026');
  });

  it('puts the unit of a CSV column in its header, in the language', () => {
    expect(russian(() => csvHeader({ header: 'Бюджет', kind: 'money' }))).toBe('Бюджет (долл. США)');
    expect(csvHeader({ header: 'Budget', kind: 'money' })).toBe('Budget (USD)');
    expect(russian(() => csvHeader({ header: 'Ход выполнения', kind: 'percent' }))).toBe('Ход выполнения (%)');
  });
});
