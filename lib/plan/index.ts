export * from './model';
export * from './load/load-plan';
export { PlanFileError, formatPlanIssue } from './load/plan-file-error';
export type { PlanIssue } from './load/plan-file-error';
export { formatPlanPath } from './source/plan-path';
export type { PlanPath } from './source/plan-path';
export { PLAN_SCHEMA, PLAN_SCHEMA_FILE } from './schema/plan-schema';
export { DEFAULT_MAX_BYTES } from './load/read-plan-file';
export type { TextPosition } from './source/text-position';
