/**
 * Shared by the browser tests: a playground over a temporary copy of the example workbook, and one
 * headless Chromium launched the way the team's guide says.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { runPlayground } from '../../src/node/playground/cli';
import type { RunningPlayground } from '../../src/node/playground/server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE = path.join(ROOT, 'examples', 'uzbekistan.xlsx');
export const TODAY = '2026-11-23';

/** The built sidebar is what the playground serves; build it when a test runs on a fresh checkout. */
export function ensureBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist', 'DecisionSidebar.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
}

export interface Fixture {
  readonly dir: string;
  readonly file: string;
  readonly outbox: string;
  readonly playground: RunningPlayground;
  readonly lines: string[];
  close(): Promise<void>;
}

/** `prepare` changes the copy of the example before the playground opens it. */
export async function startFixture(extra: string[] = [], prepare?: (file: string) => Promise<void>): Promise<Fixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'unmn-playground-'));
  const file = path.join(dir, 'workbook.xlsx');
  const outbox = path.join(dir, 'outbox');
  await copyFile(EXAMPLE, file);
  await prepare?.(file);
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const started = await runPlayground(
    ['--workbook', file, '--port', '0', '--today', TODAY, '--outbox', outbox, ...extra],
    io,
    ROOT,
  );
  if (!started.running) throw new Error(`The playground did not start: ${lines.join(' / ')}`);
  const playground = started.running;
  return {
    dir,
    file,
    outbox,
    playground,
    lines,
    close: async () => {
      await playground.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function digest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'unmn-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1440, height: 960 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface Suite {
  readonly fixture: Fixture;
  readonly context: BrowserContext;
}

/**
 * A playground and a browser for the tests of one file: started before them, closed after. `extra`:
 * the playground's own options (`--lang ru`).
 */
export function playgroundSuite(prepare?: (file: string) => Promise<void>, extra: string[] = []): Suite {
  const suite = {} as {
    fixture: Fixture;
    context: BrowserContext;
    browser?: Awaited<ReturnType<typeof launchBrowser>>;
  };
  beforeAll(async () => {
    ensureBuilt();
    const [fixture, browser] = await Promise.all([startFixture(extra, prepare), launchBrowser()]);
    Object.assign(suite, { fixture, browser, context: browser.context });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.fixture?.close();
  });
  return suite;
}

/** Runs a command of the add-on's menu on the page and waits until it is done. */
export async function runMenu(page: Page, group: string, command: string): Promise<void> {
  await page.locator('.menu-button', { hasText: group }).click();
  await page.locator(`[data-command="${command}"]`).click();
  await page.locator('#busy').waitFor({ state: 'hidden' });
}
