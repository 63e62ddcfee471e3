/**
 * Text a person reads that is still written in the code rather than taken from the catalogues: what
 * tests/i18n/no-literal-text.test.ts reports. A heuristic over the TypeScript syntax tree:
 * - JSX text and the person-facing JSX attributes (title, aria-label, placeholder, alt, label);
 * - any other string or template whose fixed part reads as prose: three words or more, or two
 *   ending in a full stop, colon, question or exclamation mark.
 * Left alone: imports, console calls (the execution log is for developers), and any node under a
 * comment holding `@i18n-exempt` with the reason (contract headers and values, ToR quotations).
 */
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const WORD = /[A-Za-z\u0400-\u04FF]{2,}/g;
const PERSON_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label']);

export interface LiteralText {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function readsAsProse(text: string): boolean {
  const words = text.match(WORD)?.length ?? 0;
  if (!/ /.test(text)) return false;
  return words >= 3 || (words >= 2 && /[.:!?…]\s*$/.test(text.trim()));
}

function staticText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

function exempt(node: ts.Node, source: ts.SourceFile): boolean {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at)) return true;
    const comments = ts.getLeadingCommentRanges(source.text, at.getFullStart()) ?? [];
    if (comments.some((c) => source.text.slice(c.pos, c.end).includes('@i18n-exempt'))) return true;
    if (
      ts.isCallExpression(at) &&
      ts.isPropertyAccessExpression(at.expression) &&
      ts.isIdentifier(at.expression.expression) &&
      at.expression.expression.text === 'console'
    )
      return true;
  }
  return false;
}

export function literalTexts(file: string, relative: string): LiteralText[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: LiteralText[] = [];
  const report = (node: ts.Node, text: string): void => {
    if (exempt(node, source)) return;
    found.push({ file: relative, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (/[A-Za-z\u0400-\u04FF]/.test(text)) report(node, text);
    } else if (ts.isJsxAttribute(node) && PERSON_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const inner = value && ts.isJsxExpression(value) ? value.expression : value;
      const text = inner ? staticText(inner) : null;
      if (text !== null && /[A-Za-z\u0400-\u04FF]/.test(text)) report(node, text);
      return;
    } else {
      const text = staticText(node);
      if (text !== null && readsAsProse(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every .ts and .tsx file under the given folders of the repository, the catalogues' own aside. */
export function scanRepository(root: string, folders: readonly string[]): LiteralText[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return files
    .filter((f) => !f.includes(`${path.sep}i18n${path.sep}`))
    .flatMap((f) => literalTexts(f, path.relative(root, f)));
}
