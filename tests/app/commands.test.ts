/**
 * The command table is the one list of commands: each runtime shows and runs every command of it,
 * so a command missing from one fails here instead of showing up silently disabled.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandIds, commands, commandNamed, menuGroups } from '../../src/app/commands';
import { rpcNamed } from '../../src/app/rpc';
import { RPC_NAMES } from '../../src/domain/rpc';
import { main } from '../../src/node/cli';
import { runPlayground } from '../../src/node/playground/cli';
import type { RunningPlayground } from '../../src/node/playground/server';
import { captureIo } from '../node/cli-io';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the command table', () => {
  it('finds only its own entries by name', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(commandNamed(name), name).toBeUndefined();
      expect(rpcNamed(name), name).toBeUndefined();
    }
    for (const id of commandIds()) expect(commandNamed(id)?.label).toBe(commands()[id].label);
    for (const name of RPC_NAMES) expect(rpcNamed(name)).toBeTypeOf('function');
  });

  it('puts every command in exactly one menu group', () => {
    expect(
      menuGroups()
        .flatMap((g) => g.commands.map((c) => c.id))
        .sort(),
    ).toEqual([...commandIds()].sort());
  });

  it('names only CLI commands that `unmn --help` lists', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    const help = io.stdout.join('\n');
    for (const id of commandIds()) {
      const cli: string | undefined = (commands()[id] as { cli?: string }).cli;
      if (cli !== undefined) expect(help, `${id} → unmn ${cli}`).toMatch(new RegExp(`^  ${cli} `, 'm'));
    }
  });
});

describe('the playground runs every command of the table', () => {
  let dir = '';
  let running: RunningPlayground;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'unmn-commands-'));
    const file = path.join(dir, 'workbook.xlsx');
    await copyFile(path.join(ROOT, 'examples', 'uzbekistan.xlsx'), file);
    const io = { out: () => undefined, err: (line: string) => void errors.push(line) };
    const errors: string[] = [];
    const started = await runPlayground(
      ['--workbook', file, '--port', '0', '--today', '2026-11-23', '--outbox', path.join(dir, 'outbox')],
      io,
      ROOT,
    );
    if (!started.running) throw new Error(errors.join('\n'));
    running = started.running;
  });

  afterAll(async () => {
    await running?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists each in its menu and answers each with no error', async () => {
    const page = await (await fetch(running.url)).text();
    for (const id of commandIds()) {
      expect(page, id).toContain(`data-command="${id}"`);
      const response = await fetch(`${running.url}command/${id}`, {
        method: 'POST',
        headers: { origin: running.url.slice(0, -1) },
      });
      expect(response.status, id).toBe(200);
      const body = (await response.json()) as { error?: string; messages: unknown[] };
      expect(body.error, id).toBeUndefined();
      expect(body.messages.length, id).toBeGreaterThan(0);
    }
  });
});
