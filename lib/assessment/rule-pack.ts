import { ConnectorCheck, Severity, VmCheck } from './rule';

/** The sections of the rule catalogue, as RULES.md groups them. */
export enum RuleSection {
  OPERATING_SYSTEM = 'Operating system',
  BOOT_AND_DISKS = 'Boot, partitions, file systems, disks',
  HYPERVISOR = 'Hypervisor',
  GUEST_PREPARATION = 'Guest preparation',
  NETWORK = 'Network',
  LICENSING = 'Licensing',
  REPLICATION_JOB = 'Replication job settings',
  CONNECTOR = 'Connector',
}

/** What a rule judges. */
export enum RuleSubject {
  VM = 'vm',
  CONNECTOR = 'connector',
}

/** What every rule declares, whatever its subject. */
export interface RuleInfo {
  /** The stable id, such as `SMS-OS2`: public contract, used in acknowledgements and reports. */
  readonly id: string;
  readonly section: RuleSection;
  /** The severity of a failure (a rule with a warning band may report some failures lower). */
  readonly severity: Severity;
  /** A hard rule's error can never be acknowledged: SMS itself rejects it. Its unknown can. */
  readonly hard: boolean;
  readonly subject: RuleSubject;
  /** One line: what the rule requires. */
  readonly title: string;
  /** Why it matters: what SMS does or fails to do. */
  readonly explanation: string;
  /** What to do about a failure. */
  readonly remediation: string;
  /**
   * Ids of rules whose failure makes this one n/a for the same subject (the OS rules are n/a once
   * SMS-OS1 says the OS is unsupported). Those rules come earlier in the catalogue.
   *
   * @default - none
   */
  readonly notApplicableAfter?: readonly string[];
}

/** A rule over VMs. */
export interface VmRule extends RuleInfo {
  readonly subject: RuleSubject.VM;
  readonly check: VmCheck;
}

/** A rule over connectors. */
export interface ConnectorRule extends RuleInfo {
  readonly subject: RuleSubject.CONNECTOR;
  readonly check: ConnectorCheck;
}

/** Any rule of the catalogue. */
export type Rule = VmRule | ConnectorRule;
