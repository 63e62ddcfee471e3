/**
 * The playground server at the HTTP level, as an attacker would drive it: the headers of every
 * response, lookups among its own RPC targets and commands only, and bad requests refused with 400 or
 * 413, never 500, with the working file untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../src/app/repository';
import { DecisionsTable } from '../../../src/domain/tables';
import type { RunningPlayground } from '../../../src/node/playground/server';
import { runPlayground } from '../../../src/node/playground/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { ROOT, startExamplePlayground, type ExamplePlayground } from './example-playground';

const TODAY = '2026-11-23';

let dir: string;
let file: string;
let playground: RunningPlayground;

function digest(): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

let started: ExamplePlayground;

beforeAll(async () => {
  started = await startExamplePlayground('unmn-server-', TODAY);
  ({ dir, file, playground } = started);
});

afterAll(() => started?.close());

const at = (route: string) => new URL(route, playground.url);
const post = (
  route: string,
  body?: BodyInit,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(at(route), { method: 'POST', body, headers });

function policy(response: Response): Map<string, string> {
  const csp = response.headers.get('content-security-policy') ?? '';
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+(.*)/) as [string, string]));
}

describe('every response', () => {
  it('may not be framed by another page and may load nothing it does not name', async () => {
    const responses = await Promise.all([
      fetch(at('/')),
      fetch(at('/fragment')),
      fetch(at('/favicon.ico')),
      fetch(at('/nowhere')),
      post('/rpc/nowhere', '{}'),
      post('/command/nowhere'),
      post('/user', 'not json'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 204, 404, 404, 404, 400]);
    for (const response of responses) {
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(policy(response).get('frame-ancestors')).toBe("'none'");
      expect(policy(response).get('default-src')).toBe("'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the page runs only its own script, under a nonce new with each response', async () => {
    const [first, second] = await Promise.all([fetch(at('/')), fetch(at('/'))]);
    const nonces: string[] = [];
    for (const response of [first!, second!]) {
      const html = await response.text();
      const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(policy(response).get('script-src') ?? '')?.[1];
      expect(nonce).toBeDefined();
      expect(tags).toEqual([`<script nonce="${nonce}">`]);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('the sidebar runs its own scripts by their hashes and may be framed by the page only', async () => {
    const response = await fetch(at('/page/DecisionSidebar'));
    const html = await response.text();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
    );
    expect(scripts).toHaveLength(2);
    expect(policy(response).get('script-src')?.split(' ')).toEqual(scripts);
    expect(policy(response).get('frame-ancestors')).toBe("'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('RPC targets and commands', () => {
  it('are looked up among the playground own entries only', async () => {
    const before = digest();
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const rpc = await post(`/rpc/${name}`, '{"args":[]}');
      expect(rpc.status).toBe(404);
      await expect(rpc.json()).resolves.toEqual({
        ok: false,
        error: { name: 'Error', message: `Script function not found: ${name}` },
      });
      const command = await post(`/command/${name}`);
      expect(command.status).toBe(404);
      await expect(command.json()).resolves.toEqual({ messages: [], error: `No such command: ${name}` });
    }
    expect(digest()).toBe(before);
  });

  it('a real one still answers', async () => {
    const response = await post('/rpc/getDecisionSidebarData', '{"args":[]}');
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({
      ok: true,
      value: { networkName: expect.stringMatching(/Uzbekistan/) },
    });
  });
});

describe('text typed in the playground', () => {
  it('loses the characters a spreadsheet file cannot hold, with a message saying so, and the file reopens', async () => {
    const decision = {
      date: '2026-11-20',
      meeting: '',
      kind: 'General',
      title: 'Plan\uFFFE for 2027',
      decision: 'Agreed\uFFFF.',
      subject: '',
      consulted: [],
      objections: [],
      outcome: 'Pending',
      stateRelevant: false,
      stateConsultedOn: '',
      gcmObjectives: [],
    };
    const response = await post('/rpc/recordDecision', JSON.stringify({ args: [decision] }));
    const answer = (await response.json()) as {
      ok: boolean;
      value: unknown;
      messages: { kind: string; message: string }[];
    };
    expect(answer).toMatchObject({ ok: true });
    expect(answer.messages).toContainEqual({
      kind: 'toast',
      title: 'Text changed',
      message:
        'What you entered held characters a spreadsheet file cannot hold (such as U+FFFE or a control character): they were removed.',
    });
    const recorded = readTable(await XlsxWorkbook.open(file), DecisionsTable).records.find((d) =>
      d.title?.startsWith('Plan'),
    );
    expect(recorded).toMatchObject({ title: 'Plan for 2027', decision: 'Agreed.' });
  });
});

describe('bad requests', () => {
  it('malformed JSON, a body of the wrong shape and a malformed path are 400, and change nothing', async () => {
    const before = digest();
    const cases: [string, string | undefined, string][] = [
      ['/rpc/recordDecision', '{"args": [', 'The request body is not JSON.'],
      ['/rpc/recordDecision', '[1, 2]', 'The request body is not a JSON object with an args array.'],
      ['/rpc/recordDecision', '{"args": "title"}', 'The request body is not a JSON object with an args array.'],
      ['/rpc/%E0%A4%A', '{}', 'The request path is not valid: %E0%A4%A'],
    ];
    for (const [route, body, message] of cases) {
      const response = await post(route, body);
      expect([route, response.status]).toEqual([route, 400]);
      await expect(response.json()).resolves.toEqual({ ok: false, error: { name: 'Error', message } });
    }
    const command = await post('/command/%ZZ');
    expect(command.status).toBe(400);
    for (const body of ['{"email": 5}', '{}', 'null', '"someone@iom.int"', '{"email": ']) {
      const response = await post('/user', body);
      expect([body, response.status]).toEqual([body, 400]);
    }
    expect(digest()).toBe(before);
  });

  it('a body over the limit is 413, whether its length is declared or not, and the server serves on', async () => {
    const big = `{"args":["${'x'.repeat(2_000_000)}"]}`;
    const declared = await post('/rpc/recordDecision', big);
    expect(declared.status).toBe(413);
    await expect(declared.json()).resolves.toEqual({
      ok: false,
      error: { name: 'Error', message: 'The request is larger than 1000000 bytes.' },
    });

    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(at('/user'), { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect((await fetch(at('/fragment'))).status).toBe(200);
  });
});

describe('one playground per working file', () => {
  it('a second playground on the same file is refused with one line until the first closes', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const args = ['--workbook', file, '--port', '0', '--today', TODAY, '--outbox', path.join(dir, 'outbox')];
    const second = await runPlayground(args, io, ROOT);
    expect(second.code).toBe(2);
    expect(lines).toEqual([
      `${file} is open in another playground (process ${process.pid}): stop it first, or delete ${path.join(dir, '.workbook.xlsx.playground-lock')} if none is running.`,
    ]);
    expect(existsSync(path.join(dir, '.workbook.xlsx.playground-lock'))).toBe(true);
  });
});
