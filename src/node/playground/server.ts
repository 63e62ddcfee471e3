/**
 * The playground's HTTP server on 127.0.0.1: the page, the sidebar with its google.script.run shim,
 * the sidebar's RPC targets and the menu's commands, each run through the same use cases as in
 * Sheets over the working .xlsx file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as z from 'zod/mini';
import { statusOf } from '../../app/automation';
import { commandNamed, groupLabel, menuGroups } from '../../app/commands';
import { describeDelivery } from '../../app/deliver';
import { hourlyTick } from '../../app/tick';
import { readGrids, readNetwork } from '../../app/network';
import { yearOf } from '../../domain/dates';
import { inLanguage, isLanguage, t, type Language } from '../../domain/i18n';
import { withText } from './browser-text';
import { reportNamed } from '../../domain/reports';
import { renderReportHtml } from '../reports/html';
import { rpcNamed } from '../../app/rpc';
import { decodeNetwork, type Grids } from '../../domain/network';
import { emailKey } from '../../domain/words';
import { sortProblems } from '../../domain/problems';
import type { FileLock } from './file-lock';
import { ComplianceTable } from '../../domain/tables';
import { shownLook } from './look';
import { renderContent, renderPage, type MenuEntry, type PageView, type TabView } from './page';
import type { Ports } from '../../ports';
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
  /** Where the playground's own browser scripts are built: build/browser/. */
  readonly scriptsDir: string;
  /** How the page names the working file. */
  readonly label?: string;
  /** The working file's lock, taken by the caller before it wrote anything; released when the playground closes. */
  readonly lock: FileLock;
}

export interface RunningPlayground {
  readonly url: string;
  readonly session: PlaygroundSession;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The add-on's menu, from the command table, in the execution's language: every command runs here as in Sheets. */
function playgroundMenu(): MenuEntry[] {
  return menuGroups().flatMap(({ group, commands }) =>
    commands.map((c) => ({ group: groupLabel(group), label: c.label, command: c.id })),
  );
}

/** The built pages of dist/ that a sidebar or dialog may show: plain names, `-<language>` for all but English. */
const PAGE_NAME = /^[A-Za-z][A-Za-z0-9]*(?:-[a-z]{2})?$/;

/** The language a built page is in, by its name. */
function languageOfPage(name: string): Language {
  const suffix = /-([a-z]{2})$/.exec(name)?.[1] ?? 'en';
  return isLanguage(suffix) ? suffix : 'en';
}

async function view(session: PlaygroundSession, label: string): Promise<PageView> {
  // Every tab is shown, so every tab is read once, and the network is decoded from those same grids.
  const grids = await session.read((wb) => wb.tabNames().map((name) => ({ name, grid: wb.read(name) ?? [] })));
  const tabs: TabView[] = [];
  for (const t of grids) {
    const look = session.looks.get(t.name);
    tabs.push(look === undefined ? t : { ...t, look: await shownLook(t.grid, look) });
  }
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
    automation: [
      ...statusOf(network, today, session.config.user, null).lines,
      t('playground.tick.no-triggers', { button: t('playground.automation.run-tick') }),
    ],
  };
}

/** What the hourly trigger does, on a click: the same use case, its report shown as an alert. */
function runTick(ports: Ports): void {
  const lines = describeDelivery(hourlyTick(ports));
  ports.ui.alert(lines.length > 0 ? lines.join('\n') : t('playground.tick.nothing-due'), t('playground.tick.title'));
}

/**
 * What a response may load and who may frame it. Every response forbids everything unless it says
 * otherwise, and nothing may be framed by another site: the page runs commands on a click.
 */
interface Policy {
  readonly csp: readonly string[];
  readonly frameOptions: 'DENY' | 'SAMEORIGIN';
}

// @i18n-exempt: Content-Security-Policy directives, read by the browser
const LOCKED: readonly string[] = ["default-src 'none'", "base-uri 'none'", "form-action 'none'"];
// @i18n-exempt: Content-Security-Policy directives, read by the browser
const NOTHING: Policy = { csp: [...LOCKED, "frame-ancestors 'none'"], frameOptions: 'DENY' };

/**
 * The page runs only its own script, by a nonce new with each response. Styles may be inline: the
 * emails render in srcdoc frames, which inherit this policy and carry their own inline styles, and a
 * style runs no code.
 */
function pagePolicy(nonce: string): Policy {
  // @i18n-exempt: Content-Security-Policy directives, read by the browser
  return {
    csp: [
      ...LOCKED,
      `script-src 'nonce-${nonce}'`,
      "style-src 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-src 'self'",
      "frame-ancestors 'none'",
    ],
    frameOptions: 'DENY',
  };
}

/** The inline blocks of a tag in html, as CSP hash sources. */
function scriptHashes(html: string): string[] {
  const blocks = html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi);
  return [...blocks].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
}

/**
 * A sidebar or dialog is the built file plus the shim, with nothing from the workbook in it (its data
 * comes by RPC), so each of its scripts is allowed by its hash. Styles may be inline: an email previewed
 * in a sandboxed frame of the page inherits this policy and carries its own style attributes. The page
 * frames it, as Sheets does.
 */
function builtPagePolicy(html: string): Policy {
  // @i18n-exempt: Content-Security-Policy directives, read by the browser
  return {
    csp: [
      ...LOCKED,
      `script-src ${scriptHashes(html).join(' ')}`,
      "style-src 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'self'",
    ],
    frameOptions: 'SAMEORIGIN',
  };
}

/** A report's HTML is self-contained: its own styles and inline SVG charts, no script, nothing to load. */
// @i18n-exempt: Content-Security-Policy directives, read by the browser
const REPORT_POLICY: Policy = {
  csp: [...LOCKED, "style-src 'unsafe-inline'", 'img-src data:', "frame-ancestors 'none'"],
  frameOptions: 'DENY',
};

function send(res: ServerResponse, status: number, type: string, body: string, policy: Policy = NOTHING): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': policy.frameOptions,
    'content-security-policy': policy.csp.join('; '),
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

/** A request refused for what it is, never a server error: the status says why. */
class BadRequest extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** A recorded decision is a few KB; anything near this is not from the page. */
const MAX_BODY = 1_000_000;

const RpcRequest = z.object({ args: z.optional(z.array(z.unknown())) });
const UserRequest = z.object({ email: z.string() });

/** The bytes of the body, read no further than MAX_BODY: what comes after is left unread. */
function bytesOf(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = new BadRequest(413, t('playground.server.too-large', { bytes: String(MAX_BODY) }));
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return reject(tooLarge);
    const chunks: Buffer[] = [];
    let size = 0;
    const take = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return chunks.push(chunk);
      req.off('data', take);
      req.pause();
      return reject(tooLarge);
    };
    req.on('data', take);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The JSON body in the shape the schema says; an empty body is {}. */
async function body<T>(req: IncomingMessage, schema: z.ZodMiniType<T>, refusal: () => string): Promise<T> {
  const text = (await bytesOf(req)).toString('utf8');
  let value: unknown;
  try {
    value = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new BadRequest(400, t('playground.server.not-json'));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BadRequest(400, refusal());
  return parsed.data;
}

function urlOf(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', `http://${HOST}`);
  } catch {
    throw new BadRequest(400, t('playground.server.bad-path'));
  }
}

/** A name from the path, such as an RPC target's. */
function segment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new BadRequest(400, t('playground.server.bad-segment', { path: text }));
  }
}

function errorOf(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** Only this page may drive the server: no other site open in the browser, no rebound DNS name. */
function trusted(req: IncomingMessage, port: number): boolean {
  const hosts = [`${HOST}:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return req.method === 'GET' || origin === undefined || hosts.some((h) => origin === `http://${h}`);
}

/** The page's script and the shim, built by scripts/build.mjs from browser/. */
async function browserScripts(dir: string): Promise<{ page: string; shim: string }> {
  const load = (name: string) =>
    readFile(path.join(dir, `${name}.js`), 'utf8').catch(() => {
      throw new PlaygroundError(t('playground.server.missing-build', { file: path.join(dir, `${name}.js`) }));
    });
  const [page, shim] = await Promise.all([load('page-script'), load('shim-script')]);
  return { page, shim };
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const lock = options.lock;
  const scripts = await browserScripts(options.scriptsDir).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  const session = new PlaygroundSession({
    file: options.file,
    outboxDir: options.outboxDir,
    today: options.today,
    user: options.user,
  });
  const label = options.label ?? options.file;
  let port = options.port;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!trusted(req, port)) return send(res, 403, 'text/plain', 'Forbidden');
    const url = urlOf(req);
    const [, first = '', second = ''] = url.pathname.split('/');
    if (req.method === 'GET' && url.pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      return send(
        res,
        200,
        'text/html',
        // The view reads the workbook, and with it the language the script's texts are written in.
        renderPage(await view(session, label), nonce, withText(scripts.page)),
        pagePolicy(nonce),
      );
    }
    if (req.method === 'GET' && url.pathname === '/fragment')
      return send(res, 200, 'text/html', renderContent(await view(session, label)));
    if (req.method === 'GET' && first === 'page' && PAGE_NAME.test(second)) {
      const file = path.join(options.pagesDir, `${second}.html`);
      const html = await readFile(file, 'utf8').catch(() => null);
      if (html === null) return send(res, 404, 'text/plain', t('playground.server.missing-build', { file }));
      const page = inLanguage(languageOfPage(second), () => withShim(html, withText(scripts.shim)));
      return send(res, 200, 'text/html', page, builtPagePolicy(page));
    }
    if (req.method === 'POST' && first === 'rpc') {
      const name = segment(second);
      const target = rpcNamed(name);
      if (!target)
        return json(res, 404, {
          ok: false,
          error: { name: 'Error', message: t('playground.server.no-function', { name }) },
        });
      const { args = [] } = await body(req, RpcRequest, () => t('playground.server.not-rpc'));
      const outcome = await session.run((ports) => target(ports, args[0]));
      // What Sheets would show beside the sidebar (a toast, an alert) travels with the answer, for the page to show.
      const messages = outcome.messages.filter((m) => m.kind === 'toast' || m.kind === 'alert');
      if (outcome.error) return json(res, 200, { ok: false, error: errorOf(outcome.error), messages });
      return json(res, 200, { ok: true, value: outcome.value ?? null, messages });
    }
    if (req.method === 'GET' && first === 'report') {
      const def = reportNamed(segment(second));
      if (!def) return send(res, 404, 'text/plain', t('playground.server.no-report', { name: second }));
      const today = clockFor(session.config.today).today();
      const report = await session.read((wb) => def.build(readNetwork(wb).network, { year: yearOf(today), today }));
      return send(res, 200, 'text/html', await renderReportHtml(report), REPORT_POLICY);
    }
    if (req.method === 'POST' && url.pathname === '/tick') {
      const outcome = await session.run(runTick);
      return json(res, 200, {
        messages: outcome.messages,
        ...(outcome.error ? { error: outcome.error.message } : {}),
        saved: outcome.saved,
      });
    }
    if (req.method === 'POST' && first === 'command') {
      const name = segment(second);
      const command = commandNamed(name);
      if (!command) return json(res, 404, { messages: [], error: t('playground.server.no-command', { name }) });
      const outcome = await session.run((ports) => command.run(ports));
      // A report or check shows its tab, as Sheets does once the tab is written.
      const shown = outcome.tabs.filter((t) => t.startsWith('Report: ') || t === ComplianceTable.name).pop();
      return json(res, 200, {
        messages: outcome.messages,
        ...(shown === undefined ? {} : { show: shown }),
        ...(outcome.error ? { error: outcome.error.message } : {}),
        saved: outcome.saved,
      });
    }
    if (req.method === 'POST' && url.pathname === '/user') {
      const email = emailKey((await body(req, UserRequest, () => t('playground.server.not-user'))).email);
      const today = clockFor(session.config.today).today();
      const users = await session.read((wb) => knownUsers(decodeNetwork(readGrids(wb)), today));
      if (!users.some((u) => u.email === email))
        return json(res, 400, {
          error: email ? t('playground.server.unknown-user', { email }) : t('playground.server.unknown-user-blank'),
        });
      session.config.user = email;
      return json(res, 200, { user: email });
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return send(res, 204, 'text/plain', '');
    return send(res, 404, 'text/plain', 'Not found');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (!(error instanceof BadRequest)) return send(res, 500, 'text/plain', errorOf(error).message);
      // The rest of a body too large is not read: the connection closes after the answer.
      if (error.status === 413) res.setHeader('connection', 'close');
      json(
        res,
        error.status,
        req.url?.startsWith('/rpc/')
          ? { ok: false, error: { name: 'Error', message: error.message } }
          : { error: error.message },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new PlaygroundError(t('playground.server.port-in-use', { port: String(options.port) })));
      else if (error.code === 'EACCES')
        reject(new PlaygroundError(t('playground.server.port-denied', { port: String(options.port) })));
      else
        reject(
          new PlaygroundError(
            t('playground.server.cannot-listen', { host: HOST, port: String(options.port), error: error.message }),
          ),
        );
    });
    server.listen(options.port, HOST, () => resolve());
  }).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          lock.release();
          resolve();
        });
      }),
  };
}
