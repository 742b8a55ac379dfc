import { Document, isMap, isScalar, isSeq, stringify } from 'yaml';
import { deepEqual, isPlainObject } from '../importers/merge-facts';
import { Plan } from '../plan/model/plan';
import { PlanFormat } from '../plan';
import { MAX_ALIAS_COUNT, parseYaml } from '../plan/source/yaml-source';

/** A plan file as it was read: its text, its format and the plan it holds. */
export interface OriginalPlan {
  readonly text: string;
  readonly format: PlanFormat;
  readonly plan: Plan;
}

/** A plan's text, and whether a YAML file's comments and layout could be kept. */
export interface PlanText {
  readonly text: string;
  /** True when an original YAML file was rewritten whole, losing its comments. */
  readonly commentsLost: boolean;
}

/**
 * True when `JSON.parse(JSON.stringify(value))` gives back `value` itself, nested at most `maxDepth`
 * levels (the outermost object being level 1): null, booleans, strings, finite numbers other than -0,
 * arrays without holes and plain objects, with nothing undefined, a function or another kind of object.
 * Then what JSON text says of the parsed value can be said of the value, without the text being parsed.
 */
export function isJsonData(value: unknown, maxDepth: number, depth = 0): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    return true;
  }
  if (depth + 1 > maxDepth) {
    return false;
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) {
      return false;
    }
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !isJsonData(value[i], maxDepth, depth + 1)) {
        return false;
      }
    }
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return false;
  }
  for (const key in value) {
    // for...in sees what the schema validator sees, and stringify writes only own properties.
    if (!Object.prototype.hasOwnProperty.call(value, key) || !isJsonData((value as Record<string, unknown>)[key], maxDepth, depth + 1)) {
      return false;
    }
  }
  return Object.getOwnPropertySymbols(value).length === 0 && Object.keys(value).length === Object.getOwnPropertyNames(value).length;
}

/** The indentation of a JSON text (its first indented line's), else two spaces. */
function jsonIndent(text: string): string | number {
  const indent = /^([ \t]+)["{[]/m.exec(text)?.[1];
  return indent ?? 2;
}

/**
 * Writes a plan as JSON or YAML. Given the file it came from, it keeps that file's look: the JSON
 * indentation and line ends; for YAML, the document itself is edited where the plan changed, so that
 * comments, quoting, anchors and key order stay as a person wrote them. When the edit cannot
 * reproduce the plan exactly (a changed fact inside an alias, say), the YAML is written afresh.
 */
export function renderPlan(plan: Plan, format: PlanFormat, original?: OriginalPlan): PlanText {
  const crlf = original !== undefined && /\r\n/.test(original.text);
  const eol = (text: string): string => (crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  if (format === PlanFormat.JSON) {
    const indent = original?.format === PlanFormat.JSON ? jsonIndent(original.text) : 2;
    return { text: eol(`${JSON.stringify(plan, null, indent)}\n`), commentsLost: false };
  }
  if (original?.format === PlanFormat.YAML) {
    const edited = editYaml(original, plan);
    if (edited !== undefined) {
      return { text: eol(edited), commentsLost: false };
    }
  }
  const commentsLost = original?.format === PlanFormat.YAML && /(^|\s)#/.test(original.text);
  return { text: eol(stringify(plan, { lineWidth: 0 })), commentsLost };
}

/** The original YAML document edited into the plan, or undefined when the edit does not give exactly the plan. */
function editYaml(original: OriginalPlan, plan: Plan): string | undefined {
  try {
    const { doc } = parseYaml(original.text.charCodeAt(0) === 0xfeff ? original.text.slice(1) : original.text);
    if (doc.errors.length > 0) {
      return undefined;
    }
    applyChanges(doc, [], original.plan, plan);
    const text = doc.toString({ lineWidth: 0 });
    const reread = parseYaml(text).doc;
    return reread.errors.length === 0 && deepEqual(reread.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), plan) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Edits the document at `path` from `before` to `after`, touching only what differs. */
function applyChanges(doc: Document, path: (string | number)[], before: unknown, after: unknown): void {
  if (deepEqual(before, after)) {
    return;
  }
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    const keys = Object.keys(after);
    keys.forEach((key, i) => {
      const value = after[key];
      if (before[key] === undefined) {
        // A new key goes where the plan's order puts it (`target` after `version`), as the JSON is written.
        const previous = keys.slice(0, i).reverse().find((k) => before[k] !== undefined);
        const at = previous === undefined ? -1 : node.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === previous);
        if (at === -1 && previous !== undefined) {
          doc.setIn([...path, key], doc.createNode(value));
        } else {
          node.items.splice(at + 1, 0, doc.createPair(key, value));
        }
      } else {
        applyChanges(doc, [...path, key], before[key], value);
      }
    });
    for (const key of Object.keys(before)) {
      if (after[key] === undefined) {
        doc.deleteIn([...path, key]);
      }
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && after.length >= before.length && isSeq(node)) {
    before.forEach((item, i) => applyChanges(doc, [...path, i], item, after[i]));
    for (const item of after.slice(before.length)) {
      doc.addIn(path, doc.createNode(item));
    }
    return;
  }
  doc.setIn(path, doc.createNode(after));
}
