/**
 * The file outbox: which folders it takes as its own, what clearing removes, and that an email never
 * replaces a file.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimOutbox, clearOutbox, FileOutbox, OUTBOX_MARKER, OutboxFolderError } from '../../src/node/outbox';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unmn-outbox-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const email = { to: ['a@example.org'], subject: 'Minutes', text: 'Hello', html: '<p>Hello</p>' };

describe('claimOutbox', () => {
  it('creates a missing folder, with the marker', () => {
    const outbox = path.join(dir, 'new', 'outbox');
    claimOutbox(outbox);
    expect(readdirSync(outbox)).toEqual([OUTBOX_MARKER]);
  });

  it('marks an empty folder and takes a marked one as it is', () => {
    claimOutbox(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    claimOutbox(dir);
    expect(readdirSync(dir).sort()).toEqual([OUTBOX_MARKER, 'notes.txt']);
  });

  it('refuses a folder with other things in it and changes nothing there', () => {
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(dir, '0001-20261123090000.json'), '{"to":[],"subject":"not ours"}');
    expect(() => claimOutbox(dir)).toThrow(OutboxFolderError);
    expect(() => claimOutbox(dir)).toThrow(`${dir}: holds files and is not an outbox of this playground`);
    expect(readdirSync(dir).sort()).toEqual(['.git', '0001-20261123090000.json']);
  });

  it('refuses a file', () => {
    const file = path.join(dir, 'workbook.xlsx');
    writeFileSync(file, 'x');
    expect(() => claimOutbox(file)).toThrow(`${file}: not a folder`);
  });
});

describe('clearOutbox', () => {
  it('removes only the email files the outbox wrote', () => {
    claimOutbox(dir);
    const outbox = new FileOutbox(dir, () => '2026-11-23T09:00:00');
    outbox.send(email);
    outbox.send(email);
    mkdirSync(path.join(dir, '0003-20261123090000.json'));
    writeFileSync(path.join(dir, 'stranger.json'), '{}');
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    clearOutbox(dir);
    expect(readdirSync(dir).sort()).toEqual([OUTBOX_MARKER, '0003-20261123090000.json', 'notes.txt', 'stranger.json']);
    expect(outbox.list()).toEqual([]);
  });
});

describe('FileOutbox', () => {
  it('numbers each email after the last one it wrote, lists only its own, and leaves other files as they are', () => {
    claimOutbox(dir);
    writeFileSync(
      path.join(dir, 'stranger.json'),
      JSON.stringify({ to: ['x@example.org'], subject: 'Not from the outbox' }),
    );
    writeFileSync(
      path.join(dir, '0007-20261123090000.json'),
      JSON.stringify({ to: ['x@example.org'], subject: 'Seventh' }),
    );
    const outbox = new FileOutbox(dir, () => '2026-11-23T09:00:00');
    outbox.send(email);
    expect(outbox.list().map((e) => [e.file, e.subject])).toEqual([
      ['0007-20261123090000.json', 'Seventh'],
      ['0008-20261123090000.json', 'Minutes'],
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, 'stranger.json'), 'utf8'))).toMatchObject({
      subject: 'Not from the outbox',
    });
  });
});
