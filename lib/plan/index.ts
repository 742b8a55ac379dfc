export * from './load-plan';
export { PlanFileError, PlanIssue, formatPlanIssue } from './plan-file-error';
export { PlanPath, formatPlanPath } from './plan-path';
export { PLAN_SCHEMA, PLAN_SCHEMA_FILE } from './plan-schema';
export { DEFAULT_MAX_BYTES } from './read-plan-file';
export { TextPosition } from './text-position';
