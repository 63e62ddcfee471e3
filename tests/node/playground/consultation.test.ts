/**
 * Written consultation in the playground, as a person would try it: answer as UNDP's focal point
 * (the answer waits in the playground's inbox, the file untouched), then run the hourly tick as the
 * secretariat, which records it in Answers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../src/app/repository';
import { AnswersTable } from '../../../src/domain/tables';
import type { RunningPlayground } from '../../../src/node/playground/server';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { startExamplePlayground, type ExamplePlayground } from './example-playground';
import { EXAMPLE_MEMBER, EXAMPLE_SECRETARIAT, EXAMPLE_TODAY } from '../../support/example';

let file: string;
let playground: RunningPlayground;

let started: ExamplePlayground;

beforeAll(async () => {
  started = await startExamplePlayground('unmn-consultation-', EXAMPLE_TODAY);
  ({ file, playground } = started);
});

afterAll(() => started?.close());

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
  it("as UNDP's focal point waits in the inbox; the Secretariat's tick records it", async () => {
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
