/** A path into a plan: property names and 0-based array indexes, outermost first. */
export type PlanPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Writes a path in the plan's own notation: `vms[3].os.family`, `connectors[0].egress[1].port`.
 * A name that is not a plain word is quoted (`vms[0]["os name"]`); the empty path is `''`.
 */
export function formatPlanPath(path: PlanPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (IDENTIFIER.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/**
 * Turns an ajv `instancePath` (a JSON Pointer such as `/vms/3/os/family`) into path segments. A
 * segment of digits is an array index when the value it indexes is an array.
 */
export function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') {
    return [];
  }
  const path: (string | number)[] = [];
  let value: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value) && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
