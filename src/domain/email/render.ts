/**
 * A message body written once as blocks and rendered twice: as HTML (inline styles, as mail clients
 * want them) and as plain text. Every text of a block is escaped in the HTML, and only http(s) links
 * become links, so nothing from the sheet can run or open anything in a reader's mail client.
 */
import { escapeHtml } from '../html';
import { currentLanguage } from '../i18n';
export { longDay } from '../dates';

export interface Fact {
  readonly label: string;
  readonly value: string;
  /** Makes the value a link when it is an http(s) address. */
  readonly href?: string;
}

export interface Item {
  /** Shown in bold before the text. */
  readonly lead: string;
  readonly text: string;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'facts'; readonly facts: readonly Fact[] }
  | { readonly kind: 'items'; readonly items: readonly Item[] }
  | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'notice'; readonly text: string };

function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim());
}

// @i18n-exempt: markup and inline styles, no text
const CELL = 'style="border:1px solid #dadce0;padding:4px 8px;text-align:left;vertical-align:top"';

// @i18n-exempt: markup and inline styles around the blocks' texts, which come from the catalogue or the sheet
function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 12px">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h3 style="font-size:15px;margin:20px 0 8px">${escapeHtml(block.text)}</h3>`;
    case 'facts':
      return `<table style="border-collapse:collapse;margin:0 0 12px">${block.facts
        .map((f) => {
          const value =
            f.href !== undefined && isWebLink(f.href)
              ? `<a href="${escapeHtml(f.href.trim())}">${escapeHtml(f.value)}</a>`
              : escapeHtml(f.value);
          return `<tr><th style="padding:2px 12px 2px 0;text-align:left;vertical-align:top;color:#5f6368;font-weight:normal">${escapeHtml(f.label)}</th><td style="padding:2px 0">${value}</td></tr>`;
        })
        .join('')}</table>`;
    case 'items':
      return `<ul style="margin:0 0 12px;padding-left:20px">${block.items
        .map(
          (i) =>
            `<li style="margin:0 0 6px"><strong>${escapeHtml(i.lead)}</strong>${i.text === '' ? '' : `<br>${escapeHtml(i.text)}`}</li>`,
        )
        .join('')}</ul>`;
    case 'table':
      return `<table style="border-collapse:collapse;margin:0 0 12px"><tr>${block.headers.map((h) => `<th ${CELL}>${escapeHtml(h)}</th>`).join('')}</tr>${block.rows
        .map((r) => `<tr>${r.map((c) => `<td ${CELL}>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</table>`;
    case 'notice':
      return `<p style="margin:24px 0 0;padding-top:8px;border-top:1px solid #dadce0;color:#5f6368;font-size:12px">${escapeHtml(block.text)}</p>`;
  }
}

function textBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `${block.text}\n${'-'.repeat(block.text.length)}`;
    case 'facts': {
      const width = Math.max(...block.facts.map((f) => f.label.length));
      return block.facts
        .map(
          (f) =>
            `${`${f.label}:`.padEnd(width + 2)}${f.value}${f.href !== undefined && f.href.trim() !== f.value ? ` <${f.href.trim()}>` : ''}`,
        )
        .join('\n');
    }
    case 'items':
      return block.items
        .map((i) => `* ${i.lead}${i.text === '' ? '' : `\n  ${i.text.replace(/\n/g, '\n  ')}`}`)
        .join('\n');
    case 'table':
      return block.rows.map((r) => `* ${r.filter((c) => c !== '').join(' | ')}`).join('\n');
    case 'notice':
      return `--\n${block.text}`;
  }
}

/** A whole HTML document, in the execution's language: what MailApp's htmlBody and the preview dialog show. */
// @i18n-exempt: markup and inline styles around the title and the blocks
export function renderHtml(title: string, blocks: readonly Block[]): string {
  return [
    `<!DOCTYPE html><html lang="${currentLanguage()}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124;margin:0;padding:16px">',
    ...blocks.map(htmlBlock),
    '</body></html>',
  ].join('');
}

export function renderText(blocks: readonly Block[]): string {
  return `${blocks.map(textBlock).join('\n\n')}\n`;
}
