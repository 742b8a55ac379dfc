import { Severity } from './rule';

/** What a rule judges. */
export enum RuleSubject {
  VM = 'vm',
  CONNECTOR = 'connector',
  /** The plan's network, judged once per plan (MGN's staging area). */
  NETWORK = 'network',
}

/** What every rule declares, whatever its subject. */
export interface RuleInfo {
  /** The stable id, such as `SMS-OS2`: public contract, used in acknowledgements and reports. */
  readonly id: string;
  /** The section of its pack's catalogue, one of the pack's `sections`. */
  readonly section: string;
  /** The severity of a failure (a rule with a warning band may report some failures lower). */
  readonly severity: Severity;
  /** A hard rule's error can never be acknowledged: the service itself rejects it. Its unknown can. */
  readonly hard: boolean;
  readonly subject: RuleSubject;
  /** One line: what the rule requires. */
  readonly title: string;
  /** Why it matters: what the service does or fails to do. */
  readonly explanation: string;
  /** What to do about a failure. */
  readonly remediation: string;
  /**
   * Ids of rules whose failure makes this one n/a for the same subject (the OS rules are n/a once
   * SMS-OS1 says the OS is unsupported). Those rules come earlier in the catalogue.
   *
   * @default - none
   */
  readonly notApplicableAfter?: string[];
  /**
   * For a hard rule that the service does not reject itself: the organisation rule pack whose policy
   * makes its error unacknowledgeable. Reports name that pack as the reason, not the service.
   *
   * @default - the service itself rejects a failure (every hard rule this library ships)
   */
  readonly hardBy?: string;
}
