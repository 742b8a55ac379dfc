import { Composer, CST, Document, isMap, isScalar, isSeq, LineCounter, Parser, visit, YAMLError, YAMLParseError } from 'yaml';
import { PlanIssue } from '../load/plan-file-error';
import { MAX_PLAN_DEPTH, tooDeepMessage } from './nesting';
import { clipValue } from '../../private/clip';
import { formatPlanPath } from './plan-path';
import { duplicateKeyMessage } from './duplicate-key';


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
  /** True when the text holds an alias (`*name`), which can nest the data deeper than the text. */
  readonly aliases: boolean;
}

/** A YAML text nested deeper than MAX_PLAN_DEPTH, which parseYaml refuses before composing it. */
export class YamlTooDeepError extends Error {
  /** @param offset where the collection that is one level too deep starts */
  constructor(public readonly offset: number) {
    super(tooDeepMessage());
    this.name = 'YamlTooDeepError';
    Object.setPrototypeOf(this, YamlTooDeepError.prototype);
  }
}

/**
 * The offset of the first collection of the parser's tokens nested deeper than `maxDepth` (or -1), and
 * whether they hold an alias. The `yaml` parser builds its tokens without recursion; its composer
 * recurses once per level and overflows the stack some hundreds of levels down, so the depth is
 * measured here first, with a stack of our own.
 */
function measureTokens(tokens: readonly CST.Token[], maxDepth: number): { tooDeep: number; aliases: boolean } {
  let aliases = false;
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.type === 'document' && token.value) {
      stack.push({ token: token.value, depth: 0 });
    }
  }
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    aliases ||= token.type === 'alias';
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') {
      continue;
    }
    if (depth >= maxDepth) {
      return { tooDeep: token.offset, aliases };
    }
    // Pushed last to first, so that the first too deep in the file is found first.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item: CST.CollectionItem = token.items[i];
      if (item.value) {
        stack.push({ token: item.value, depth: depth + 1 });
      }
      if (item.key) {
        stack.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return { tooDeep: -1, aliases };
}

/**
 * Parses with the options plans need: duplicate keys are errors; `<<` merge keys work. As `parseDocument`
 * does, with the parser's tokens checked for depth before they are composed.
 *
 * @throws YamlTooDeepError when collections nest deeper than MAX_PLAN_DEPTH
 */
export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const { tooDeep, aliases } = measureTokens(tokens, MAX_PLAN_DEPTH);
  if (tooDeep !== -1) {
    throw new YamlTooDeepError(tooDeep);
  }
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, merge: true, strict: true });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(..., forceDoc) always ends with a document, an empty one for an empty text.
  return { doc: doc!, lines, aliases };
}

/** True when plain data nests deeper than `maxDepth` (counted without recursion). */
function dataTooDeep(value: unknown, maxDepth: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (next === null || typeof next !== 'object') {
      continue;
    }
    if (depth >= maxDepth) {
      return true;
    }
    for (const child of Array.isArray(next) ? next : Object.values(next)) {
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

function keyName(key: unknown): string | undefined {
  const value = isScalar(key) ? key.value : key;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The prefix of the YAML core tags, which a file writes `!!name`. */
const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

/** A `yaml` message as a plan issue says it: no position suffix, lowercase start, no trailing period. */
function cleanMessage(error: YAMLError): string {
  if (error.code === 'MULTIPLE_DOCS') {
    return 'the file holds more than one YAML document; a plan is one document (remove the "---" line, or split the file)';
  }
  if (error.code === 'TAG_RESOLVE_FAILED') {
    // The parser names the tag resolved (`tag:yaml.org,2002:js/function`), or as written when it cannot resolve it.
    const resolved = /tag: *(\S+)/i.exec(error.message)?.[1];
    const tag = resolved === undefined ? 'here' : resolved.startsWith(YAML_TAG_PREFIX) ? `!!${resolved.slice(YAML_TAG_PREFIX.length)}` : resolved;
    return `the tag ${clipValue(tag)} is not allowed: a plan holds plain YAML values (strings, numbers, booleans, lists and maps), without tags`;
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

/**
 * Every key that is a list or a map (`? [a, b]`): a plan's keys are names, and the plain data would
 * turn such a key into text (with a warning on the process's output). The text's depth is bounded
 * (parseYaml), so the walk's recursion is too.
 */
function collectionKeys(parsed: ParsedYaml, file: string): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isMap(pair.key) || isSeq(pair.key)) {
          const { line, col } = parsed.lines.linePos(pair.key.range?.[0] ?? 0);
          issues.push({ file, path: '', line, column: col,
            message: `invalid YAML: a key must be a plain name, not a ${isMap(pair.key) ? 'map' : 'list'}` });
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      node.items.forEach(walk);
    }
  };
  walk(parsed.doc.contents);
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
  if (syntax.length === 0) {
    syntax.push(...collectionKeys(parsed, file));
  }
  return { syntax, duplicates };
}

/**
 * The plain data of a parsed YAML text. Aliases are expanded with a limit (MAX_ALIAS_COUNT), and an
 * alias without an anchor is an issue at its position.
 */
export function yamlData(parsed: ParsedYaml, file: string): { data?: unknown; issues: PlanIssue[] } {
  try {
    const data: unknown = parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    // Only aliases can nest the data deeper than the text (whose depth parseYaml checked).
    if (parsed.aliases && dataTooDeep(data, MAX_PLAN_DEPTH)) {
      return { issues: [{ file, path: '', message: tooDeepMessage(true) }] };
    }
    return { data, issues: [] };
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      // Aliases nested in anchors nested in aliases: toJS recursed until the stack ran out.
      return { issues: [{ file, path: '', message: tooDeepMessage(true) }] };
    }
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
