/** The built sidebar or dialog with the google.script.run shim (browser/shim-script.ts) loaded before anything else runs. */
export function withShim(html: string, shim: string): string {
  const script = `<script>${shim.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return `${script}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n${script}${html.slice(at)}`;
}
