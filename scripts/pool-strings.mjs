// A page's script with each string literal it repeats held once in a variable: the minifier keeps
// every copy of a literal, and a page repeats many ("Decisions" twenty times, each rule's ID in its
// findings, "div" and "button" in its elements). Closure Compiler calls this aliasing strings; esbuild
// has no such pass. The strings stay as they are, readable in the file: the page only names each
// once. Read with the TypeScript parser (a dev dependency, like esbuild a build-time one), so that a
// quote inside a template, a regular expression or a comment is never taken for a string.
import ts from 'typescript';
import { transform } from 'esbuild';

/**
 * The minified IIFE `code` with each repeated string literal whose copies weigh more than a variable
 * and its uses (a name of two letters each) read from a variable declared first in the IIFE's body,
 * then minified again, which gives those variables short names. A literal that names a property, or
 * is a directive ("use strict"), stays where it is.
 */
export async function withPooledStrings(code) {
  const source = ts.createSourceFile('page.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) && !namesSomething(node)) found.push(node);
    node.forEachChild(visit);
  };
  visit(source);
  const uses = new Map();
  for (const node of found) uses.set(node.text, (uses.get(node.text) ?? 0) + 1);
  const names = new Map();
  for (const [text, n] of uses) {
    const size = Buffer.byteLength(JSON.stringify(text));
    if ((n - 1) * size - 2 * n - 4 > 0) names.set(text, `__pooled${names.size}`);
  }
  const body = bodyStart(source);
  if (names.size === 0 || body === -1) return code;
  const declarations = `var ${[...names].map(([text, name]) => `${name}=${JSON.stringify(text)}`).join(',')};`;
  const edits = [
    { start: body, end: body, text: declarations },
    ...found
      .filter((node) => names.has(node.text))
      .map((node) => ({ start: node.getStart(source), end: node.end, text: names.get(node.text) })),
  ].sort((a, b) => a.start - b.start);
  let pooled = '';
  let from = 0;
  for (const edit of edits) {
    pooled += code.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  pooled += code.slice(from);
  const result = await transform(pooled, { minify: true, charset: 'utf8', target: 'es2020' });
  return result.code.replace(/\n$/, '');
}

/** Where a literal is a property's name, a directive or an import's module: no variable may stand there. */
function namesSomething(node) {
  const parent = node.parent;
  if (ts.isExpressionStatement(parent)) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
  return (parent.name ?? null) === node || (parent.propertyName ?? null) === node;
}

/** Just inside the `{` of the IIFE esbuild writes (`(()=>{...})();`), or -1. */
function bodyStart(source) {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) continue;
    let callee = statement.expression.expression;
    while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
    if ((ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) && ts.isBlock(callee.body))
      return callee.body.getStart(source) + 1;
  }
  return -1;
}
