/**
 * The playground page's own script: tabs, the add-on menu, messages, the sidebar and dialog, the user
 * switch. Bundled by scripts/build.mjs into build/browser/page-script.js and inlined with the page's
 * nonce. Everything the server sends back is put in as text or into a sandboxed frame.
 */
import { errorText } from '../../../domain/errors';
import { browserText, fill } from './shared/text';

type Message =
  | { readonly kind: 'toast' | 'alert' | 'error'; readonly title: string; readonly message: string }
  | { readonly kind: 'sidebar'; readonly title: string; readonly page: string }
  | {
      readonly kind: 'dialog' | 'page-dialog';
      readonly title: string;
      readonly content: string;
      readonly width: number;
      readonly height: number;
    };

interface CommandAnswer {
  readonly messages?: readonly Message[];
  readonly error?: string;
  /** The tab the command wrote its result to (a report's, the Compliance tab): shown once the page is redrawn. */
  readonly show?: string;
}

let selected = 0;

function $<T extends HTMLElement = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  // @i18n-exempt: a fault of this script, for its developer
  if (!found) throw new Error(`The page has no ${selector}.`);
  return found;
}

function all<T extends HTMLElement = HTMLElement>(selector: string): T[] {
  return [...document.querySelectorAll<T>(selector)];
}

/** Shows tab i, its button scrolled into the strip's view: a workbook has more tabs than a window is wide. */
function selectTab(i: number): void {
  selected = i;
  for (const t of all('.tab')) {
    const active = Number(t.dataset.tab) === i;
    t.setAttribute('aria-selected', String(active));
    if (active) t.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  for (const s of all('.sheet')) s.hidden = Number(s.dataset.sheet) !== i;
}

function selectTabNamed(name: string): void {
  const tab = all('.tab').find((t) => t.dataset.name === name);
  if (tab) selectTab(Number(tab.dataset.tab));
}

function wireContent(): void {
  for (const t of all('.tab')) t.addEventListener('click', () => selectTab(Number(t.dataset.tab)));
  // @i18n-exempt: a CSS selector
  if (!document.querySelector(`.sheet[data-sheet="${selected}"]`)) selected = 0;
  selectTab(selected);
}

function say(kind: string, title: string, message: string): void {
  const box = document.createElement('div');
  box.className = `msg ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const text = document.createElement('div');
  if (title) {
    const b = document.createElement('b');
    b.textContent = `${title}: `;
    text.appendChild(b);
  }
  text.appendChild(document.createTextNode(message));
  const close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', browserText().dismiss);
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
  $('#messages').appendChild(box);
}

async function refresh(): Promise<void> {
  const html = await (await fetch('/fragment')).text();
  $('#content').innerHTML = html;
  wireContent();
}

function closeMenus(): void {
  for (const m of all('.menu-items')) m.hidden = true;
  for (const b of all('.menu-button')) b.setAttribute('aria-expanded', 'false');
}

function openSidebar(page: string, title: string): void {
  $('#sidebar').hidden = false;
  $('#sidebar-title').textContent = fill(browserText().sidebarTitle, { title });
  const frame = $<HTMLIFrameElement>('#sidebar-frame');
  frame.title = title;
  frame.src = `/page/${encodeURIComponent(page)}?t=${Date.now()}`;
}

/** HTML made for the dialog runs nothing (sandboxed srcdoc); a built page of the add-on's runs with its shim, as in Sheets. */
function openDialog(m: Extract<Message, { kind: 'dialog' | 'page-dialog' }>): void {
  $('#dialog-title').textContent = m.title;
  const frame = $<HTMLIFrameElement>('#dialog-frame');
  frame.style.width = `${m.width}px`;
  frame.style.height = `${m.height}px`;
  if (m.kind === 'dialog') {
    frame.setAttribute('sandbox', '');
    frame.removeAttribute('src');
    frame.srcdoc = m.content;
  } else {
    frame.removeAttribute('sandbox');
    frame.removeAttribute('srcdoc');
    frame.src = `/page/${encodeURIComponent(m.content)}?t=${Date.now()}`;
  }
  $<HTMLDialogElement>('#dialog').showModal();
}

function show(m: Message): void {
  if (m.kind === 'sidebar') openSidebar(m.page, m.title);
  else if ('content' in m) openDialog(m);
  else say(m.kind, m.title, m.message);
}

async function run(path: string): Promise<void> {
  closeMenus();
  $('#messages').textContent = '';
  $('#busy').hidden = false;
  try {
    const out = (await (await fetch(path, { method: 'POST' })).json()) as CommandAnswer;
    for (const m of out.messages ?? []) show(m);
    if (out.error) say('error', '', out.error);
    await refresh();
    if (out.show) selectTabNamed(out.show);
  } catch (e) {
    say('error', '', fill(browserText().noAnswer, { error: errorText(e) }));
  } finally {
    $('#busy').hidden = true;
  }
}

for (const b of all('.menu-button')) {
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    const items = b.nextElementSibling as HTMLElement;
    const open = items.hidden;
    closeMenus();
    items.hidden = !open;
    b.setAttribute('aria-expanded', String(open));
  });
}
for (const b of all('[data-command]'))
  b.addEventListener('click', () => void run(`/command/${encodeURIComponent(b.dataset.command ?? '')}`));
// The panel is redrawn with the content: listen on the document.
document.addEventListener('click', (e) => {
  if ((e.target as HTMLElement | null)?.id === 'run-tick') void run('/tick');
});
document.addEventListener('click', closeMenus);
$('#dialog-close').addEventListener('click', () => $<HTMLDialogElement>('#dialog').close());
// However the dialog closes (its button, Escape, the page's own google.script.host.close()), its frame is
// emptied, as the sidebar's is: a dialog opened next showed this one's page until its own had loaded.
$('#dialog').addEventListener('close', () => {
  const frame = $<HTMLIFrameElement>('#dialog-frame');
  frame.removeAttribute('src');
  frame.removeAttribute('srcdoc');
});
$('#sidebar-close').addEventListener('click', () => {
  $('#sidebar').hidden = true;
  $('#sidebar-frame').removeAttribute('src');
});
$<HTMLSelectElement>('#user').addEventListener('change', (e) => {
  const email = (e.target as HTMLSelectElement).value;
  void fetch('/user', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  }).then(() => location.reload());
});
window.addEventListener('message', (e: MessageEvent<{ type?: string; messages?: readonly Message[] } | null>) => {
  if (!e.data) return;
  const frames = [
    $<HTMLIFrameElement>('#sidebar-frame').contentWindow,
    $<HTMLIFrameElement>('#dialog-frame').contentWindow,
  ];
  // A call's toasts and alerts, as Sheets shows them beside the sidebar or dialog; nothing else a page may open.
  if (e.data.type === 'unmn:messages' && frames.includes(e.source as Window)) {
    for (const m of e.data.messages ?? [])
      if (m.kind === 'toast' || m.kind === 'alert') say(m.kind, m.title, m.message);
  }
  if (e.source === $<HTMLIFrameElement>('#sidebar-frame').contentWindow) {
    if (e.data.type === 'unmn:changed') void refresh();
    if (e.data.type === 'unmn:close') $('#sidebar').hidden = true;
  }
  if (e.source === $<HTMLIFrameElement>('#dialog-frame').contentWindow) {
    if (e.data.type === 'unmn:changed') void refresh();
    if (e.data.type === 'unmn:close') $<HTMLDialogElement>('#dialog').close();
  }
});
wireContent();

export {};
