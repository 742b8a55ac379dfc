export * from './types';
export * from './rule';
export * from './rule-pack';
export * from './engine';
export * from './verdict';
export { RuleSubject } from './rule-info';
export type { RuleInfo } from './rule-info';
