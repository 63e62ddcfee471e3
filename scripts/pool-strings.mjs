// A page's script with each string it repeats held once in a variable, whether it stands as a string
// literal or as a property's name: the minifier keeps every copy of a literal and every property name
// as written, and a page repeats many ("Decisions" twenty times, each rule's ID in its findings,
// `children` in each of its 180 elements, `stateConsultedOn` twenty times). Closure Compiler calls the
// first aliasing strings; esbuild has neither pass. `o.name` and `o[v]` with `v = "name"` are the same
// property access, and `{ name: x }` and `{ [v]: x }` the same object: the page does what it did,
// and its strings stay readable in the file, each written once. Read with the TypeScript parser (a
// dev dependency, like esbuild a build-time one), so that a quote inside a template, a regular
// expression or a comment is never taken for a string.
import ts from 'typescript';
import { transform } from 'esbuild';

/** The length of the variables' names once minified again, a guess: most come out of two letters. */
const NAME = 2;

/**
 * The minified IIFE `code` with each string whose copies weigh more than a variable and its uses
 * read from a variable declared first in the IIFE's body, then minified again, which gives those
 * variables short names. A directive ("use strict") stays as it is, and so do the names that a
 * computed key would not mean the same (`__proto__`, a class's `constructor`) and shorthand
 * properties (`{ name }`), which a variable would make longer.
 */
export async function withPooledStrings(code) {
  const source = ts.createSourceFile('page.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const body = iifeBody(source);
  if (body === null) return code;
  // Only the uses the variables reach: those inside the IIFE that declares them.
  const uses = usesIn(body, source);
  const gain = new Map();
  for (const use of uses) gain.set(use.text, (gain.get(use.text) ?? 0) + use.saved);
  const names = new Map();
  for (const [text, saved] of gain)
    if (saved > NAME + Buffer.byteLength(JSON.stringify(text)) + 2) names.set(text, `__pooled${names.size}`);
  if (names.size === 0) return code;
  const declarations = `var ${[...names].map(([text, name]) => `${name}=${JSON.stringify(text)}`).join(',')};`;
  // After the body's directives ("use strict"), which must stay first to be directives.
  const directives = body.statements.filter((_, i, all) => all.slice(0, i + 1).every(isDirective));
  const at = directives.length === 0 ? body.getStart(source) + 1 : directives.at(-1).end;
  const edits = [
    { start: at, end: at, text: declarations },
    ...uses.filter((use) => names.has(use.text)).map((use) => ({ ...use, text: use.write(names.get(use.text)) })),
  ].sort((a, b) => a.start - b.start);
  let pooled = '';
  let from = 0;
  // `return"a"` and `"a"in b` need a space once the string is a name; minifying again takes it out.
  const word = (c) => c !== undefined && /[\p{ID_Continue}$]/u.test(c);
  for (const edit of edits) {
    const before = word(code[edit.start - 1]) && word(edit.text[0]) ? ' ' : '';
    const after = word(code[edit.end]) && word(edit.text.at(-1)) ? ' ' : '';
    pooled += code.slice(from, edit.start) + before + edit.text + after;
    from = edit.end;
  }
  pooled += code.slice(from);
  const result = await transform(pooled, { minify: true, charset: 'utf8', target: 'es2020' });
  return result.code.replace(/\n$/, '');
}

/**
 * Each place a string could be read from a variable: its text, the span it replaces, what it is
 * written as, and the bytes that saves.
 */
function usesIn(within, source) {
  const uses = [];
  const size = (text) => Buffer.byteLength(text);
  const visit = (node) => {
    if (ts.isStringLiteral(node) && ts.isExpressionStatement(node.parent)) {
      // A directive, or a string that does nothing.
    } else if (ts.isStringLiteral(node) && !isName(node)) {
      const literal = node.getText(source);
      uses.push({
        text: node.text,
        start: node.getStart(source),
        end: node.end,
        write: (v) => v,
        saved: size(literal) - NAME,
      });
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      const tail = node.questionDotToken ? '?.' : '';
      const start = node.expression.end;
      uses.push({
        text: node.name.text,
        start,
        end: node.end,
        write: (v) => `${tail}[${v}]`,
        saved: node.end - start - (tail.length + NAME + 2),
      });
    } else if (keyed(node)) {
      const name = ts.isBindingElement(node) ? node.propertyName : node.name;
      uses.push({
        text: name.text,
        start: name.getStart(source),
        end: name.end,
        write: (v) => `[${v}]`,
        saved: name.end - name.getStart(source) - (NAME + 2),
      });
    }
    node.forEachChild(visit);
  };
  visit(within);
  return uses;
}

/** A literal that names a property (`{ "aria-label": x }`) rather than stands for a value. */
function isName(node) {
  const parent = node.parent;
  return parent.name === node || parent.propertyName === node;
}

/** A property, method or destructured property named by an identifier or a string, which `[v]` may name. */
function keyed(node) {
  const name = ts.isBindingElement(node) ? node.propertyName : node.name;
  if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return false;
  if (name.text === '__proto__') return false;
  const inClass = node.parent && ts.isClassLike(node.parent);
  if (inClass && (name.text === 'constructor' || name.text === 'prototype')) return false;
  return (
    ts.isPropertyAssignment(node) ||
    ts.isBindingElement(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** A statement that is a string alone: in a function's prologue, a directive. */
function isDirective(statement) {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** The body of the IIFE esbuild writes (`(()=>{...})();`), when the file is directives and that IIFE alone; else null. */
function iifeBody(source) {
  const [call, ...rest] = source.statements.filter((statement) => !isDirective(statement));
  if (!call || rest.length > 0 || !ts.isExpressionStatement(call) || !ts.isCallExpression(call.expression)) return null;
  let callee = call.expression.expression;
  while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
  return (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) && ts.isBlock(callee.body)
    ? callee.body
    : null;
}
