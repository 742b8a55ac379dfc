/**
 * The deepest nesting of objects and arrays a plan file may have. The plan format itself nests seven deep
 * (`vms[0].disks[0].volumes[0]` inside the file's object, in schema/plan.schema.json); a file far deeper is generated or broken,
 * and refusing it before anything walks it keeps every recursive step (the YAML composer, the schema,
 * the merge) far from the stack's limit.
 */
export const MAX_PLAN_DEPTH = 32;

/** The message for a file nested deeper than MAX_PLAN_DEPTH. */
export function tooDeepMessage(aliases = false): string {
  return `objects and arrays nest more than ${MAX_PLAN_DEPTH} levels deep${aliases ? ' once its aliases are expanded' : ''}: `
    + `a plan may nest at most ${MAX_PLAN_DEPTH} (the plan format itself needs 7)`;
}
