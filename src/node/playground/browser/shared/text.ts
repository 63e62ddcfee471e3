/**
 * The few texts the playground's browser scripts show, in the page's language. The scripts carry no
 * catalogue: the server renders these and sets them before each script (src/node/playground/browser-text.ts).
 * A placeholder the script fills in stays written `{name}`.
 */
export interface BrowserText {
  readonly dismiss: string;
  /** `{title}`: the sidebar's own title. */
  readonly sidebarTitle: string;
  /** `{error}`: why the request failed. */
  readonly noAnswer: string;
  readonly refused: string;
}

/** The global the server sets before each script. */
export const TEXT_GLOBAL = 'unmnPlaygroundText';

export function browserText(): BrowserText {
  return (globalThis as unknown as Record<typeof TEXT_GLOBAL, BrowserText>)[TEXT_GLOBAL];
}

/** A text with its `{name}` placeholders filled in. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
