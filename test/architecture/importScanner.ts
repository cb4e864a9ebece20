import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** How a module refers to another: loaded with it, loaded on demand, or only for its types (erased). */
export type ImportKind = 'static' | 'dynamic' | 'type';

/** One import edge of a source file, as written. */
export interface ImportEdge {
  /** The importing file, relative to the repository root (`src/aws/retry.ts`). */
  from: string;
  /** The specifier as written (`'@aws-sdk/client-s3'`, `'../model/errors.ts'`). */
  specifier: string;
  /** For a relative specifier, the imported file relative to the repository root; else undefined. */
  target: string | undefined;
  kind: ImportKind;
  line: number;
}

/** Every `.ts` file under `dir` (recursively), relative to `root`, sorted. */
export function sourceFiles(root: string, dir: string): string[] {
  const files: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts')) files.push(relative(root, child).split('\\').join('/'));
    }
  };
  walk(join(root, dir));
  return files.sort();
}

/**
 * An import declaration loads its module at run time unless it is `import type`, or every name it binds is
 * marked `type` (with `verbatimModuleSyntax` on, anything else stays in the emitted JavaScript).
 */
function importKind(node: ts.ImportDeclaration): ImportKind {
  const clause = node.importClause;
  if (!clause) return 'static'; // `import 'x'`: loaded for its side effects.
  if (clause.isTypeOnly) return 'type';
  if (clause.name) return 'static';
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return 'static';
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly) ? 'type' : 'static';
}

function exportKind(node: ts.ExportDeclaration): ImportKind {
  if (node.isTypeOnly) return 'type';
  const clause = node.exportClause;
  if (clause && ts.isNamedExports(clause) && clause.elements.length > 0) {
    return clause.elements.every((e) => e.isTypeOnly) ? 'type' : 'static';
  }
  return 'static';
}

/** The imports of one file: declarations, re-exports, `import('x')` calls and `import('x')` types. */
export function scanImports(
  root: string,
  file: string,
  text = readFileSync(join(root, file), 'utf8'),
): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (literal: ts.Expression | undefined, kind: ImportKind): void => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const specifier = literal.text;
    const relativeTarget = specifier.startsWith('.')
      ? relative(root, resolve(root, dirname(file), specifier))
          .split('\\')
          .join('/')
      : undefined;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    edges.push({ from: file, specifier, target: relativeTarget, kind, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, importKind(node));
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, exportKind(node));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly ? 'type' : 'static');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], 'dynamic');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, 'type');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}
