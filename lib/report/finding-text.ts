import { Finding, FindingOutcome } from '../assessment/types';
import { Severity } from '../assessment/rule';
import { Vm } from '../plan/model/plan';
import { plural } from './helpers';

/*
 * Words that every report uses alike: a refused acknowledgement, a license the facts cannot decide, and
 * a whole section of a VM left out of the plan. Each renderer only escapes and marks them up.
 */

/** How every report writes a license the OS facts cannot decide (the JSON report writes `null`). */
export const UNDECIDED_LICENSE = 'undecided';

/** The label of a refused acknowledgement, as every report starts it. */
export const REFUSED_LABEL = 'acknowledgement refused';

/**
 * Why an acknowledgement of a finding was refused, and the reason it gave, in the words of every report:
 * `acknowledgement refused: SMS-OS2 is a hard rule ...; reason given: we accept the risk`.
 * `show` escapes plan text for the report's format. Undefined when no acknowledgement was refused.
 */
export function refusedAcknowledgement(finding: Finding, show: (text: string) => string = (t) => t): string | undefined {
  if (finding.note === undefined) {
    return undefined;
  }
  return `${REFUSED_LABEL}: ${show(finding.note)}${finding.reason !== undefined ? `; reason given: ${show(finding.reason)}` : ''}`;
}

/** The sections of a VM whose absence leaves many rules unknown at once. */
export const VM_SECTIONS = ['disks', 'nics', 'guest'] as const;

/** A section of a VM that the plan leaves out. */
export type VmSection = typeof VM_SECTIONS[number];

/** One line of a VM's findings in a human report: a finding, or the findings a missing section left unknown. */
export type FindingEntry =
  | { readonly finding: Finding }
  | { readonly section: VmSection; readonly findings: readonly Finding[] };

/** The section whose absence made this finding unknown: its message names the missing fact as `(disks...)`. */
function missingSection(vm: Vm | undefined, finding: Finding): VmSection | undefined {
  if (vm === undefined || finding.outcome !== FindingOutcome.UNKNOWN || finding.acknowledged || finding.severity === Severity.INFO) {
    return undefined;
  }
  return VM_SECTIONS.find((section) => vm[section] === undefined && new RegExp(`\\(${section}(?:[.[)]|$)`).test(finding.message));
}

/**
 * A VM's findings as the human reports (table, Markdown, HTML) list them: when the plan leaves out a whole
 * section (`disks`, `nics`, `guest`), the rules it left unknown are one entry, where the first of them was,
 * rather than one line per rule. Every other finding stays an entry of its own, in the order given.
 * The JSON, JUnit and SARIF reports keep one finding per rule.
 */
export function collapseMissingSections(vm: Vm | undefined, findings: readonly Finding[]): FindingEntry[] {
  const groups = new Map<VmSection, Finding[]>();
  const entries: Array<FindingEntry | VmSection> = [];
  for (const finding of findings) {
    const section = missingSection(vm, finding);
    if (section === undefined) {
      entries.push({ finding });
    } else if (groups.has(section)) {
      groups.get(section)!.push(finding);
    } else {
      groups.set(section, [finding]);
      entries.push(section);
    }
  }
  return entries.map((entry) => {
    if (typeof entry !== 'string') {
      return entry;
    }
    const members = groups.get(entry)!;
    // A single rule is clearer as itself.
    return members.length === 1 ? { finding: members[0] } : { section: entry, findings: members };
  });
}

/** A missing section as every human report says it: `no disks section: 12 rules unknown`. */
export function missingSectionText(section: VmSection, count: number): string {
  return `no ${section} section: ${plural(count, 'rule')} unknown`;
}
