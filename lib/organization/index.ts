export * from './organization-vm-rule';
export * from './organization-rule-pack';
export { composeRulePack } from './compose';
export type { ComposedRulePack } from './compose';
export { assessPlanWithRulePacks } from './assess';
export * from './vm-os';
