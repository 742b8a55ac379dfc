export { MgnEmulator, startMgnEmulator, EMULATOR_CREDENTIALS } from './emulator';
export type { MgnEmulatorOptions, ImportRecord, JobRecord, JobParticipantRecord, Wire } from './state';
export type { ServerSpec } from './records';
export type { AgentRegistration, DiscoveredVm, LaunchTemplateSnapshot, Memberships, SeededStates } from './control';
export type { MgnRequestLogEntry } from './server';
export type { Ec2RequestLogEntry } from '../ec2-stub/server';
export type { FaultRule, FaultHandle, FaultKind, ChaosShares } from '../sms-emulator/faults';
export type { StatsSnapshot } from '../sms-emulator/stats';
export { MgnModel, defaultMgnModelPath } from './model';
