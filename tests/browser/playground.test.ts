import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConsoleMessage, FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/app/repository';
import { REPORTS } from '../../src/domain/reports';
import { DecisionsTable, LogTable } from '../../src/domain/tables';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import { digest, playgroundSuite, ROOT, runMenu } from './support';

const MEMBER = 'unicef';

const suite = playgroundSuite();

const REPORT_COMMANDS: Record<string, string> = {
  'member-list': 'reportMemberList',
  'action-tracker': 'reportActionTracker',
  'workplan-progress': 'reportWorkplanProgress',
  'gcm-summary': 'reportGcmSummary',
  'annual-review': 'reportAnnualReview',
};

async function open(): Promise<Page> {
  const page = await suite.context.newPage();
  await page.goto(suite.fixture.playground.url);
  return page;
}

const menu = runMenu;

async function openSidebar(page: Page): Promise<FrameLocator> {
  await menu(page, 'Record', 'showDecisionSidebar');
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#form').waitFor({ state: 'visible' });
  return frame;
}

async function showTab(page: Page, name: string) {
  await page.locator('.tab', { hasText: name }).click();
  return page.locator(`table.grid[data-tab="${name}"]`);
}

async function actAs(page: Page, agency: string): Promise<string> {
  const option = page.locator('#user option', { hasText: new RegExp(`· ${agency.toUpperCase()} ·`) }).first();
  const email = await option.getAttribute('value');
  if (!email) throw new Error(`no focal point of ${agency}`);
  await Promise.all([page.waitForEvent('load'), page.selectOption('#user', email)]);
  return email;
}

describe('the playground page', () => {
  it('opens on the example: its tabs as a spreadsheet shows them, the Log, the problems and an empty outbox', async () => {
    const page = await open();
    await expect(page.title()).resolves.toMatch(/UN Network on Migration in Uzbekistan/);
    const tabs = await page.locator('.tab').allTextContents();
    expect(tabs.map((t) => t.replace(/\d+$/, ''))).toEqual(
      expect.arrayContaining(['Settings', 'Members', 'Focal points', 'Meetings', 'Decisions', 'Log']),
    );
    const meetings = await showTab(page, 'Meetings');
    await expect(meetings.locator('tbody tr').nth(1).locator('td').nth(1).textContent()).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    const focal = await showTab(page, 'Focal points');
    expect(await focal.locator('input[type=checkbox]').count()).toBeGreaterThan(0);
    expect(await page.locator('#log tbody tr').count()).toBeGreaterThan(0);
    await expect(page.locator('#outbox-empty').textContent()).resolves.toBe('No email has gone out yet.');
    await expect(page.locator('#problems-panel h2').textContent()).resolves.toMatch(/Problems/);
    await page.close();
  });

  it('runs each report from the menu and shows its tab, in view in the tab strip, with its charts and formats', async () => {
    const page = await open();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const def of REPORTS) {
      await menu(page, 'Reports', REPORT_COMMANDS[def.id]!);
      const tab = page.locator(`.tab[data-name="${def.tab}"]`);
      await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
      const sheet = page.locator('.sheet:not([hidden])');
      await expect(sheet.locator('table.grid').getAttribute('data-tab')).resolves.toBe(def.tab);
      // The tab's button is within the strip's visible part.
      await page.waitForFunction((name) => {
        const button = document.querySelector(`.tab[data-name="${name}"]`)!.getBoundingClientRect();
        const strip = document.querySelector('.tabstrip')!.getBoundingClientRect();
        return button.left >= strip.left - 1 && button.right <= strip.right + 1;
      }, def.tab);
      const charts = sheet.locator('figure.chart svg');
      expect(await charts.count(), def.tab).toBe(def.id === 'member-list' ? 0 : def.id === 'action-tracker' ? 1 : 2);
      for (const svg of await charts.all()) expect(await svg.locator('path, rect').count()).toBeGreaterThan(3);
    }
    // With the report tabs the strip is wider than the window: each new tab landed out of sight, and was scrolled to.
    expect(await page.locator('.tabstrip').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const workplan = page.locator('table.grid[data-tab="Report: Workplan progress"]');
    await page.locator('.tab[data-name="Report: Workplan progress"]').click();
    const late = workplan.locator('tr', { hasText: 'W-2026-03' });
    await expect(late.locator('td').nth(11).textContent()).resolves.toBe('80%');
    await expect(late.locator('td').nth(7).textContent()).resolves.toBe('USD 35,000');
    await expect(late.locator('td').nth(6).textContent()).resolves.toBe('31 October 2026');
    await expect(late.locator('td').first().getAttribute('style')).resolves.toBe('background:#f4c7c3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the compliance check from the menu and shows its findings', async () => {
    const page = await open();
    await menu(page, 'Check', 'runComplianceCheck');
    await page.locator('.tab', { hasText: 'Compliance' }).waitFor();
    const compliance = await showTab(page, 'Compliance');
    expect(await compliance.locator('tbody tr').count()).toBeGreaterThan(1);
    await expect(page.locator('#messages').textContent()).resolves.not.toMatch(/Only the Secretariat/);
    await page.reload();
    await expect(page.locator('.tab', { hasText: 'Compliance' }).count()).resolves.toBe(1);
    const log = readTable(await XlsxWorkbook.open(suite.fixture.file), LogTable);
    expect(log.records.some((r) => /compliance/i.test(r.event))).toBe(true);
    await page.close();
  });

  it('records a decision through the real sidebar: the new ID is shown and the row is in the file after reload', async () => {
    const page = await open();
    const frame = await openSidebar(page);
    await expect(frame.locator('#next-id').textContent()).resolves.toMatch(/D-2026-\d{2}/);
    expect(await frame.locator('#consulted input:checked').count()).toBe(0);
    // Taken at the year-end meeting, which every member attended: the evidence of the consultation.
    await frame.locator('#f-meeting').selectOption('M-2026-06');
    await frame.locator('#consulted-active').click();
    expect(await frame.locator('#consulted input:checked').count()).toBeGreaterThan(5);
    const title = '=IMPORTXML("http://example.org","//a") <b>not bold</b>';
    await frame.locator('#f-title').fill(title);
    await frame.locator('#f-decision').fill('The network endorses the joint statement on International Migrants Day.');
    await frame.locator('#f-kind').selectOption('Joint statement');
    await frame.locator('#gcm label', { hasText: 'Eliminate all forms of discrimination' }).locator('input').check();
    await frame.locator('#submit').click();
    const status = frame.locator('#status.notice-ok');
    await status.waitFor();
    const id = /D-2026-\d{2}/.exec((await status.textContent()) ?? '')?.[0];
    expect(id).toBeDefined();
    await expect(frame.locator('#f-title').inputValue()).resolves.toBe('');

    await page.reload();
    const decisions = await showTab(page, 'Decisions');
    await expect(decisions.textContent()).resolves.toContain(id);
    await expect(decisions.locator('b').count()).resolves.toBe(0);
    const stored = readTable(await XlsxWorkbook.open(suite.fixture.file), DecisionsTable).records.find(
      (d) => d.id === id,
    );
    expect(stored).toMatchObject({
      title,
      kind: 'Joint statement',
      gcmObjectives: [17],
      recordedAt: expect.stringMatching(/^2026-11-23T/),
    });
    await expect(page.locator('#log').textContent()).resolves.toContain(id);
    await page.close();
  });

  it('shows what is wrong beside each field, from its own checks and from the server, and records nothing', async () => {
    const page = await open();
    const frame = await openSidebar(page);
    const before = digest(suite.fixture.file);
    await frame.locator('#submit').click();
    await expect(frame.locator('#form [data-error="title"]').textContent()).resolves.toBe(
      'Title: give the decision a short title',
    );
    await expect(frame.locator('#f-title').getAttribute('aria-invalid')).resolves.toBe('true');

    await frame.locator('#f-title').fill('Endorse the workplan');
    await frame.locator('#f-kind').selectOption('Workplan endorsement');
    await frame.locator('#f-subject').fill('next year');
    await frame.locator('#consulted-none').click();
    await frame.locator('#consulted input[value="IOM"]').check();
    await frame.locator('#objections input[value="IOM"]').check();
    await frame.locator('#submit').click();
    await frame.locator('#form [data-error="subject"]:not(:empty)').waitFor();
    await expect(frame.locator('#form [data-error="subject"]').textContent()).resolves.toBe(
      'Subject: give the year of the workplan endorsed (YYYY)',
    );
    await expect(frame.locator('#form [data-error="title"]').textContent()).resolves.toBe('');
    expect(digest(suite.fixture.file)).toBe(before);
    await page.close();
  });

  it('lists every email of the outbox, as HTML in a sandbox that runs nothing and as text', async () => {
    suite.fixture.playground.session.outbox.send({
      to: ['migration.uz@one.un.org'],
      cc: ['rco-uzbekistan@un.org'],
      subject: 'Minutes of M-2026-05 <approved>',
      text: 'Dear colleagues,\nthe minutes are approved.',
      html: '<p>Dear colleagues,</p><p><b>the minutes</b> are approved.</p><script>parent.document.title = "pwned"</script>',
    });
    const page = await open();
    const mail = page.locator('#outbox-panel details.mail').first();
    await expect(mail.locator('.subj').textContent()).resolves.toBe('Minutes of M-2026-05 <approved>');
    await mail.locator('summary').click();
    await expect(mail.locator('iframe.mail-html').getAttribute('sandbox')).resolves.toBe('');
    await expect(mail.frameLocator('iframe.mail-html').locator('b').textContent()).resolves.toBe('the minutes');
    await expect(mail.locator('pre').textContent()).resolves.toBe('Dear colleagues,\nthe minutes are approved.');
    await expect(page.title()).resolves.not.toBe('pwned');
    await page.close();
  });

  it('writes a screenshot of the page with the sidebar open', async () => {
    const page = await open();
    await menu(page, 'Check', 'runComplianceCheck');
    await showTab(page, 'Compliance');
    await openSidebar(page);
    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    const file = path.join(ROOT, 'test-artifacts', 'playground.png');
    await page.screenshot({ path: file, fullPage: false });
    expect(digest(file)).toMatch(/^[0-9a-f]{64}$/);
    await page.close();
  });

  it('the shim refuses what google.script.run cannot carry, as Sheets would', async () => {
    const page = await open();
    await openSidebar(page);
    const sidebar = page.frame({ url: /\/page\/DecisionSidebar/ });
    if (!sidebar) throw new Error('no sidebar frame');
    const attempt = (kind: string) =>
      sidebar.evaluate(
        (k) =>
          new Promise<string>((resolve) => {
            const payloads: Record<string, unknown> = {
              date: { date: new Date(), title: 'x' },
              nestedDate: { gcmObjectives: [1], extra: [{ when: new Date() }] },
              fn: { title: 'x', toString: () => 'x' },
              node: { field: document.body },
              instance: { kind: new (class Draft {})() },
            };
            const run = (window as unknown as { google: { script: { run: any } } }).google.script.run;
            run
              .withSuccessHandler(() => resolve('sent'))
              .withFailureHandler((e: Error) => resolve(`${e instanceof Error}: ${e.message}`))
              .recordDecision(payloads[k]);
          }),
        kind,
      );
    await expect(attempt('date')).resolves.toMatch(
      /^true: google.script.run cannot carry a Date \(at recordDecision argument 1.date\)/,
    );
    await expect(attempt('nestedDate')).resolves.toMatch(
      /cannot carry a Date \(at recordDecision argument 1.extra\[0\].when\)/,
    );
    await expect(attempt('fn')).resolves.toMatch(/cannot carry a function/);
    await expect(attempt('node')).resolves.toMatch(/cannot carry a DOM node/);
    await expect(attempt('instance')).resolves.toMatch(/cannot carry an instance of Draft/);
    await page.close();
  });

  it('refuses a plain member a mutating command with its message, and the file stays byte for byte', async () => {
    const page = await open();
    const email = await actAs(page, MEMBER);
    const before = digest(suite.fixture.file);

    await menu(page, 'Set up', 'setupWorkbook');
    await page.locator('#messages .msg.error').waitFor();
    await expect(page.locator('#messages').textContent()).resolves.toMatch(
      new RegExp(`Only the Secretariat can set up or repair the workbook.*${email.replace('.', '\\.')}`),
    );

    const frame = await openSidebar(page);
    await expect(frame.locator('#refusal').textContent()).resolves.toMatch(
      /^Read only: Only the Secretariat can record a decision/,
    );
    await expect(frame.locator('#f-title').isDisabled()).resolves.toBe(true);
    await expect(frame.locator('#submit').isDisabled()).resolves.toBe(true);
    await expect(frame.locator('#f-pick').isEnabled()).resolves.toBe(true);

    expect(digest(suite.fixture.file)).toBe(before);
    await page.close();
  });
});

/** A page of the playground, with every Content-Security-Policy complaint Chromium makes on it. */
async function openWatched(): Promise<{ page: Page; violations: string[] }> {
  const page = await suite.context.newPage();
  const violations: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(suite.fixture.playground.url);
  return { page, violations };
}

/** Appends a script and an inline handler, as markup that escaped its escaping would; true if either ran. */
function inject(): boolean {
  const w = window as unknown as { ran?: boolean };
  const script = document.createElement('script');
  script.textContent = 'window.ran = true;';
  document.body.appendChild(script);
  const holder = document.createElement('div');
  holder.innerHTML = '<img src="data:," onload="window.ran = true">';
  document.body.appendChild(holder);
  return w.ran === true;
}

/**
 * Under its Content-Security-Policy: everything of its own still works and breaks no rule, a script
 * that is not its own does not run on the page or in the sidebar, emails keep their inline styles in
 * their sandboxed frames, and no other page may frame it.
 */
describe('the playground under its Content-Security-Policy', () => {
  it('runs its menu, its sidebar and its outbox with no complaint', async () => {
    suite.fixture.playground.session.outbox.send({
      to: ['migration.uz@one.un.org'],
      subject: 'Styled',
      text: 'Hello',
      html: '<p id="styled" style="color: rgb(200, 0, 0)">Hello</p><style>p { font-weight: 700 }</style>',
    });
    const { page, violations } = await openWatched();
    await menu(page, 'Check', 'runComplianceCheck');
    await page.locator('.tab', { hasText: 'Compliance' }).waitFor();
    const frame = await openSidebar(page);
    await expect(frame.locator('#next-id').textContent()).resolves.toMatch(/D-2026-\d{2}/);

    const mail = page.locator('#outbox-panel details.mail', { hasText: 'Styled' });
    await mail.locator('summary').click();
    const paragraph = mail.frameLocator('iframe.mail-html').locator('#styled');
    await expect(paragraph.evaluate((p) => getComputedStyle(p).color)).resolves.toBe('rgb(200, 0, 0)');
    await expect(paragraph.evaluate((p) => getComputedStyle(p).fontWeight)).resolves.toBe('700');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('runs no script that is not its own, on the page or in the sidebar', async () => {
    const { page, violations } = await openWatched();
    await expect(page.evaluate(inject)).resolves.toBe(false);
    await openSidebar(page);
    const sidebar = page.frame({ url: /\/page\/DecisionSidebar/ });
    if (!sidebar) throw new Error('no sidebar frame');
    await expect(sidebar.evaluate(inject)).resolves.toBe(false);
    await expect(page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).resolves.toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('may not be framed by another page, nor its sidebar', async () => {
    const page = await suite.context.newPage();
    const refused: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (/violates .*frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    await page.setContent(
      `<iframe src="${suite.fixture.playground.url}"></iframe><iframe src="${suite.fixture.playground.url}page/DecisionSidebar"></iframe>`,
    );
    const framed = () =>
      page
        .frames()
        .filter((f) => f !== page.mainFrame())
        .map((f) => f.url());
    await expect
      .poll(framed, { timeout: 10_000 })
      .toEqual(['chrome-error://chromewebdata/', 'chrome-error://chromewebdata/']);
    expect(refused.map((m) => /frame-ancestors '(\w+)'/.exec(m)?.[1]).sort()).toEqual(['none', 'self']);
    await page.close();
  });
});
