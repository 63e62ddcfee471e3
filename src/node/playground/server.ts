/**
 * The playground's HTTP server on 127.0.0.1: the page, the sidebar with its google.script.run shim,
 * the sidebar's RPC targets and the menu's commands, each run through the same use cases as in
 * Sheets over the working .xlsx file.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { commandNamed, menuGroups } from '../../app/commands';
import { readGrids } from '../../app/network';
import { rpcNamed } from '../../app/rpc';
import { decodeNetwork, type Grids } from '../../domain/network';
import { emailKey } from '../../domain/words';
import { sortProblems } from '../commands/validate';
import { renderContent, renderPage, type MenuEntry, type PageView } from './page';
import { clockFor, PlaygroundSession, type PlaygroundConfig } from './ports';
import { withShim } from './shim';
import { knownUsers } from './users';

/** A reason the playground cannot start, in one line for the terminal. */
export class PlaygroundError extends Error {
  override readonly name = 'PlaygroundError';
}

export interface PlaygroundOptions extends PlaygroundConfig {
  /** 0: any free port. */
  readonly port: number;
  /** Where the built sidebar and dialog pages are: dist/. */
  readonly pagesDir: string;
  /** How the page names the working file. */
  readonly label?: string;
}

export interface RunningPlayground {
  readonly url: string;
  readonly session: PlaygroundSession;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The add-on's menu, from the command table: every command runs here as in Sheets. */
function playgroundMenu(): MenuEntry[] {
  return menuGroups().flatMap(({ group, commands }) => commands.map((c) => ({ group, label: c.label, command: c.id })));
}

/** The built pages of dist/ that a sidebar or dialog may show: plain names only. */
const PAGE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

async function view(session: PlaygroundSession, label: string): Promise<PageView> {
  // Every tab is shown, so every tab is read once, and the network is decoded from those same grids.
  const tabs = await session.read((wb) => wb.tabNames().map((name) => ({ name, grid: wb.read(name) ?? [] })));
  const network = decodeNetwork(Object.fromEntries(tabs.map((t) => [t.name, t.grid])) as Grids);
  const today = clockFor(session.config.today).today();
  return {
    networkName: network.settings.networkName ?? '',
    file: label,
    today,
    user: session.config.user,
    users: knownUsers(network, today),
    menu: playgroundMenu(),
    tabs,
    problems: sortProblems(network.allProblems),
    outbox: session.outbox.list(),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('The request is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

function errorOf(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

/** Only this page may drive the server: no other site open in the browser, no rebound DNS name. */
function trusted(req: IncomingMessage, port: number): boolean {
  const hosts = [`${HOST}:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return req.method === 'GET' || origin === undefined || hosts.some((h) => origin === `http://${h}`);
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const session = new PlaygroundSession({ file: options.file, outboxDir: options.outboxDir, today: options.today, user: options.user });
  const label = options.label ?? options.file;
  let port = options.port;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!trusted(req, port)) return send(res, 403, 'text/plain', 'Forbidden');
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const [, first = '', second = ''] = url.pathname.split('/');
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html', renderPage(await view(session, label)));
    if (req.method === 'GET' && url.pathname === '/fragment') return send(res, 200, 'text/html', renderContent(await view(session, label)));
    if (req.method === 'GET' && first === 'page' && PAGE_NAME.test(second)) {
      const file = path.join(options.pagesDir, `${second}.html`);
      const html = await readFile(file, 'utf8').catch(() => null);
      if (html === null) return send(res, 404, 'text/plain', `${file} is missing: run npm run build.`);
      return send(res, 200, 'text/html', withShim(html));
    }
    if (req.method === 'POST' && first === 'rpc') {
      const target = rpcNamed(decodeURIComponent(second));
      if (!target) return json(res, 404, { ok: false, error: { name: 'Error', message: `Script function not found: ${second}` } });
      const payload = (await body(req)) as { args?: unknown };
      const args = Array.isArray(payload.args) ? payload.args : [];
      const outcome = await session.run((ports) => target(ports, args[0]));
      if (outcome.error) return json(res, 200, { ok: false, error: errorOf(outcome.error) });
      return json(res, 200, { ok: true, value: outcome.value ?? null });
    }
    if (req.method === 'POST' && first === 'command') {
      const command = commandNamed(decodeURIComponent(second));
      if (!command) return json(res, 404, { messages: [], error: `No such command: ${second}` });
      const outcome = await session.run((ports) => command.run(ports));
      return json(res, 200, {
        messages: outcome.messages,
        ...(outcome.error ? { error: outcome.error.message } : {}),
        saved: outcome.saved,
      });
    }
    if (req.method === 'POST' && url.pathname === '/user') {
      const wanted = (await body(req)) as { email?: unknown };
      const email = typeof wanted.email === 'string' ? emailKey(wanted.email) : '';
      const today = clockFor(session.config.today).today();
      const users = await session.read((wb) => knownUsers(decodeNetwork(readGrids(wb)), today));
      if (!users.some((u) => u.email === email)) return json(res, 400, { error: `${email || 'That user'} is not a focal point of the workbook nor a Secretariat editor.` });
      session.config.user = email;
      return json(res, 200, { user: email });
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    return send(res, 404, 'text/plain', 'Not found');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', errorOf(error).message);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PlaygroundError(`Port ${options.port} is in use: pass --port N for another, or --port 0 for any free port.`));
      else if (error.code === 'EACCES') reject(new PlaygroundError(`Port ${options.port} is not allowed for this user: pass --port N above 1023.`));
      else reject(new PlaygroundError(`Cannot listen on ${HOST}:${options.port} (${error.message}).`));
    });
    server.listen(options.port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
