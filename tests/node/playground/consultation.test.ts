/**
 * Written consultation in the playground, as a person would try it: answer as UNDP's focal point
 * (the answer waits in the playground's inbox, the file untouched), then run the hourly tick as the
 * secretariat, which records it in Answers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../src/app/repository';
import { AnswersTable } from '../../../src/domain/tables';
import { runPlayground } from '../../../src/node/playground/cli';
import type { RunningPlayground } from '../../../src/node/playground/server';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { EXAMPLE_MEMBER, EXAMPLE_SECRETARIAT, EXAMPLE_TODAY } from '../../support/example';

const ROOT = path.resolve(__dirname, '../../..');

let dir: string;
let file: string;
let playground: RunningPlayground;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'DecisionSidebar.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT });
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-consultation-'));
  file = path.join(dir, 'workbook.xlsx');
  await copyFile(path.join(ROOT, 'examples', 'uzbekistan.xlsx'), file);
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const started = await runPlayground(
    ['--workbook', file, '--port', '0', '--today', EXAMPLE_TODAY, '--outbox', path.join(dir, 'outbox')],
    io,
    ROOT,
  );
  if (!started.running) throw new Error(lines.join(' / '));
  playground = started.running;
});

afterAll(async () => {
  await playground?.close();
  await rm(dir, { recursive: true, force: true });
});

const post = (route: string, body: unknown) =>
  fetch(new URL(route, playground.url), {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

async function undpAnswers(): Promise<string[]> {
  const records = readTable(await XlsxWorkbook.open(file), AnswersTable).records;
  return records
    .filter((a) => a.agency === 'UNDP' && a.consultation === 'C-2026-02')
    .map((a) => `${a.answer} ${a.comment} ${a.answeredBy}`);
}

describe('answering a consultation in the playground', () => {
  it("as UNDP's focal point waits in the inbox; the secretariat's tick records it", async () => {
    expect((await post('/user', { email: EXAMPLE_MEMBER })).status).toBe(200);
    const before = readFileSync(file);
    const answered = await post('/rpc/answerConsultation', {
      args: [{ id: 'C-2026-02', answer: 'Object', comment: 'Not without <our> health data.' }],
    });
    await expect(answered.json()).resolves.toMatchObject({ ok: true, value: { ok: true } });
    expect(readFileSync(file).equals(before)).toBe(true);

    expect((await post('/user', { email: EXAMPLE_SECRETARIAT })).status).toBe(200);
    const tick = await post('/tick', {});
    await expect(tick.json()).resolves.toMatchObject({ saved: true });
    expect(await undpAnswers()).toEqual([`Object Not without <our> health data. ${EXAMPLE_MEMBER}`]);
  });
});
