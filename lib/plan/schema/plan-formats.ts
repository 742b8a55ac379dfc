import { readDateTime } from '../../private/date-time';

/**
 * True for a date-time the plan accepts: the library's one ISO 8601 grammar (private/date-time.ts),
 * with its zone given (`Z` or an offset), since a plan file is read in other zones than it was written in.
 */
export function isDateTime(value: string): boolean {
  return readDateTime(value)?.zoned === true;
}

/**
 * The string formats the plan schema uses, as ajv takes them. The validators compiled at build time
 * (scripts/compile-schema.ts) require this module by name, so it keeps this export's name and place.
 */
export const PLAN_FORMATS = {
  'date-time': { type: 'string' as const, validate: isDateTime },
};
