import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Pair } from 'yaml';
import { PlanPath } from './plan-path';
import { SourceLocator } from './source-locator';
import { TextPosition } from './text-position';

/** What a walk along a path found: the deepest node reached and, if that is a map entry, its pair. */
interface Found {
  readonly node: unknown;
  readonly pair?: Pair;
  readonly complete: boolean;
}

/** The name of a map key as the plan's objects see it. */
function keyName(key: unknown): string | undefined {
  const value = isScalar(key) ? key.value : key;
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  return undefined;
}

function isMergeKey(key: unknown): boolean {
  const value = isScalar(key) ? key.value : key;
  return typeof value === 'symbol' && value.description === '<<';
}

/**
 * Locates plan paths in a `yaml` Document (from a YAML file, or from a JSON file parsed by the `yaml`
 * parser, which reads JSON too). Follows aliases and `<<` merge keys.
 */
export class YamlLocator implements SourceLocator {
  constructor(private readonly doc: Document, private readonly lines: LineCounter) {}

  public fieldPosition(path: PlanPath): TextPosition | undefined {
    const found = this.walk(path);
    const start = found.pair ? this.start(found.pair.key) ?? this.start(found.pair.value) : this.start(found.node);
    return start;
  }

  public valuePosition(path: PlanPath): TextPosition | undefined {
    const found = this.walk(path);
    return this.start(found.node) ?? (found.pair ? this.start(found.pair.key) : undefined);
  }

  public scalarSource(path: PlanPath): string | undefined {
    const found = this.walk(path);
    const node = this.resolve(found.node);
    return found.complete && isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  }

  private start(node: unknown): TextPosition | undefined {
    const range = node !== null && typeof node === 'object' ? (node as Node).range : undefined;
    if (!range) {
      return undefined;
    }
    const { line, col } = this.lines.linePos(range[0]);
    return { line, column: col };
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  private findPair(map: unknown, name: string, depth = 0): Pair | undefined {
    if (!isMap(map) || depth > 8) {
      return undefined;
    }
    for (const item of map.items) {
      if (keyName(item.key) === name) {
        return item;
      }
    }
    for (const item of map.items) {
      if (isMergeKey(item.key)) {
        const source = this.resolve(item.value);
        const sources = isSeq(source) ? source.items.map((s) => this.resolve(s)) : [source];
        for (const s of sources) {
          const pair = this.findPair(s, name, depth + 1);
          if (pair) {
            return pair;
          }
        }
      }
    }
    return undefined;
  }

  private walk(path: PlanPath): Found {
    let node: unknown = this.doc.contents;
    let pair: Pair | undefined;
    for (const segment of path) {
      const current = this.resolve(node);
      let next: unknown;
      let nextPair: Pair | undefined;
      if (isSeq(current) && typeof segment === 'number') {
        next = current.items[segment];
      } else if (isMap(current)) {
        nextPair = this.findPair(current, String(segment));
        next = nextPair?.value;
      }
      if (next === undefined && !nextPair) {
        return { node, pair, complete: false };
      }
      node = next;
      pair = nextPair;
    }
    return { node, pair, complete: true };
  }
}
