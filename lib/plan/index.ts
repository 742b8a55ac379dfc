export * from './load-plan';
export { PlanFileError, formatPlanIssue } from './plan-file-error';
export type { PlanIssue } from './plan-file-error';
export { formatPlanPath } from './plan-path';
export type { PlanPath } from './plan-path';
export { PLAN_SCHEMA, PLAN_SCHEMA_FILE } from './plan-schema';
export { DEFAULT_MAX_BYTES } from './read-plan-file';
export type { TextPosition } from './text-position';
