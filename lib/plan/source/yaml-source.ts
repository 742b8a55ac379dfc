import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLError } from 'yaml';
import { PlanIssue } from '../load/plan-file-error';
import { formatPlanPath } from './plan-path';
import { TextPosition } from './text-position';

/** The message for a key written twice in one object. */
export function duplicateKeyMessage(name: string, first: TextPosition, repeat: TextPosition): string {
  const where = first.line === repeat.line ? `line ${first.line}, column ${first.column}` : `line ${first.line}`;
  return `duplicate key "${name}" (first at ${where}): a key may appear once in an object`;
}

/**
 * How many times one anchor may be expanded through aliases, weighted by the aliases nested in it (the
 * `yaml` parser's measure). Enough for a 10,000-VM plan that aliases a shared block in every VM; far too
 * few for a "billion laughs" file, whose nested aliases multiply.
 */
export const MAX_ALIAS_COUNT = 10_000;

/** A parsed YAML (or JSON) text with the line index its positions need. */
export interface ParsedYaml {
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Parses with the options plans need: duplicate keys are errors; `<<` merge keys work. */
export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true, strict: true });
  return { doc, lines };
}

function keyName(key: unknown): string | undefined {
  const value = isScalar(key) ? key.value : key;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A `yaml` message as a plan issue says it: no position suffix, lowercase start, no trailing period. */
function cleanMessage(error: YAMLError): string {
  if (error.code === 'MULTIPLE_DOCS') {
    return 'the file holds more than one YAML document; a plan is one document (remove the "---" line, or split the file)';
  }
  if (error.code === 'TAG_RESOLVE_FAILED') {
    const tag = /(!\S*)/.exec(error.message)?.[1] ?? 'tag';
    return `unknown tag ${tag} (plans use plain YAML values)`;
  }
  const text = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim().replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Every duplicate key of every map, with the plan path of the repeated field (found by a walk, on the error path only). */
function duplicateKeys(parsed: ParsedYaml, file: string): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      const first = new Map<string, number>();
      for (const pair of node.items) {
        const name = keyName(pair.key);
        const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        if (name !== undefined && offset !== undefined) {
          const earlier = first.get(name);
          if (earlier === undefined) {
            first.set(name, offset);
          } else {
            const at = parsed.lines.linePos(offset);
            const before = parsed.lines.linePos(earlier);
            issues.push({
              file,
              path: formatPlanPath([...path, name]),
              line: at.line,
              column: at.col,
              message: duplicateKeyMessage(name, { line: before.line, column: before.col }, { line: at.line, column: at.col }),
            });
          }
        }
        walk(pair.value, name === undefined ? path : [...path, name]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  walk(parsed.doc.contents, []);
  return issues;
}

/** What is wrong with a parsed YAML text before its data is looked at. */
export interface YamlProblems {
  /** Syntax errors and warnings (warnings too: an unknown tag changes a value silently); fatal. */
  readonly syntax: PlanIssue[];
  /** Repeated keys, each with the plan path of the field; the data is still usable, so these are reported with the schema's issues. */
  readonly duplicates: PlanIssue[];
}

/** Sorts a parsed YAML text's errors and warnings into fatal syntax problems and duplicate keys. */
export function yamlProblems(parsed: ParsedYaml, file: string): YamlProblems {
  const problems = [...parsed.doc.errors, ...parsed.doc.warnings];
  const syntax: PlanIssue[] = [];
  const duplicates = problems.some((e) => e.code === 'DUPLICATE_KEY') ? duplicateKeys(parsed, file) : [];
  for (const error of problems) {
    if (error.code === 'DUPLICATE_KEY' && duplicates.length > 0) {
      continue;
    }
    const { line, col } = parsed.lines.linePos(error.pos[0]);
    syntax.push({ file, path: '', line, column: col, message: `invalid YAML: ${cleanMessage(error)}` });
  }
  return { syntax, duplicates };
}

/**
 * The plain data of a parsed YAML text. Aliases are expanded with a limit (MAX_ALIAS_COUNT), and an
 * alias without an anchor is an issue at its position.
 */
export function yamlData(parsed: ParsedYaml, file: string): { data?: unknown; issues: PlanIssue[] } {
  try {
    return { data: parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issues: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unresolved alias/i.test(message)) {
      const issues: PlanIssue[] = [];
      visit(parsed.doc, {
        Alias: (_key, node) => {
          if (!node.resolve(parsed.doc)) {
            const at = parsed.lines.linePos(node.range?.[0] ?? 0);
            issues.push({ file, path: '', line: at.line, column: at.col,
              message: `invalid YAML: unknown alias *${node.source} (no anchor &${node.source} before it)` });
          }
        },
      });
      if (issues.length > 0) {
        return { issues };
      }
    }
    if (/excessive alias count/i.test(message)) {
      return { issues: [{ file, path: '', message: `invalid YAML: too many alias expansions (an anchor may be expanded at most ${MAX_ALIAS_COUNT} times,`
        + ' counting the aliases nested in it); the file looks like a "billion laughs" attack' }] };
    }
    return { issues: [{ file, path: '', message: `invalid YAML: ${message}` }] };
  }
}
