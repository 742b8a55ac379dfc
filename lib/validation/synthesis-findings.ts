import { AcknowledgementOrigin, Finding, PlanAssessment, UnusedAcknowledgement, VmAssessment } from '../assessment/types';
import { assessedRule } from '../rules/packs';
import { Severity } from '../assessment/rule';

/** A warning to show at synthesis, on a VM's job (or on the migration for a connector). */
export interface SynthesisWarning {
  /** The VM the warning is about. @default - a connector or the plan */
  readonly vm?: string;
  readonly rule: string;
  readonly message: string;
}

/** What synthesis says about an assessment. */
export interface SynthesisFindings {
  /** Messages that fail synthesis. */
  readonly errors: string[];
  /** Acknowledgeable warnings. */
  readonly warnings: SynthesisWarning[];
  /** Information that fails nothing: findings of VMs this app does not deploy. */
  readonly notes: string[];
}

/** One line for a finding: the subject, the rule, the fact judged, and the fix. */
function line(subject: string, finding: Finding, assessment?: PlanAssessment): string {
  const rule = assessedRule(finding.rule, assessment);
  const fix = rule ? ` Fix: ${rule.remediation}` : '';
  const refused = finding.note !== undefined ? ` (${finding.note})` : '';
  const kind = finding.outcome === 'unknown' ? 'unknown: ' : '';
  return `${subject}: ${finding.rule} ${kind}${finding.message}${refused}.${fix}`;
}

/**
 * One VM's unacknowledged errors and warnings, as synthesis shows them.
 *
 * @param assessment the assessment the VM's is part of, whose organisation rule packs describe their rules
 */
export function vmSynthesisFindings(vm: VmAssessment, assessment?: PlanAssessment): { errors: string[]; warnings: SynthesisWarning[] } {
  const errors: string[] = [];
  const warnings: SynthesisWarning[] = [];
  for (const finding of vm.findings) {
    if (finding.acknowledged || finding.severity === Severity.INFO) {
      continue;
    }
    const text = line(`VM ${vm.name}`, finding, assessment);
    if (finding.severity === Severity.ERROR) {
      errors.push(text);
    } else {
      warnings.push({ vm: vm.name, rule: finding.rule, message: text });
    }
  }
  return { errors, warnings };
}

/**
 * Sorts an assessment's unacknowledged findings into what fails synthesis (errors of deployed VMs and
 * of connectors), what warns (their warnings, and acknowledgements that matched nothing), and what is
 * only noted (findings of VMs whose wave this app does not deploy). Info findings stay in the report.
 */
export function synthesisFindings(assessment: PlanAssessment, isDeployed: (vm: string) => boolean, source: string): SynthesisFindings {
  const errors: string[] = [];
  const warnings: SynthesisWarning[] = [];
  const notes: string[] = [];
  for (const vm of assessment.vms) {
    const own = vmSynthesisFindings(vm, assessment);
    if (isDeployed(vm.name)) {
      errors.push(...own.errors);
      warnings.push(...own.warnings);
    } else {
      notes.push(...own.errors.map((text) => `not deployed by this app: ${text}`));
    }
  }
  for (const { subject, findings } of planWideSubjects(assessment)) {
    for (const finding of findings) {
      if (finding.acknowledged || finding.severity === Severity.INFO) {
        continue;
      }
      const text = line(subject, finding, assessment);
      if (finding.severity === Severity.ERROR) {
        errors.push(text);
      } else {
        warnings.push({ rule: finding.rule, message: text });
      }
    }
  }
  for (const ack of assessment.unusedAcknowledgements) {
    const where = ack.vm !== undefined ? `VM ${ack.vm}` : `the plan${ack.vms ? ` (${ack.vms.join(', ')})` : ''}`;
    warnings.push({
      vm: ack.vm,
      rule: 'UnusedAcknowledgement',
      message: `${givenIn(ack, source)}: the acknowledgement of ${ack.rule} for ${where} matches no finding ("${ack.reason}"): remove it`,
    });
  }
  return { errors, warnings, notes };
}

/**
 * The errors of deployed VMs and of connectors that someone tried to acknowledge although their rule
 * is hard: no report may show them as acknowledged.
 */
export function refusedAcknowledgementErrors(assessment: PlanAssessment, isDeployed: (vm: string) => boolean): string[] {
  const refused = (finding: Finding): boolean => finding.note !== undefined && !finding.acknowledged && finding.severity === Severity.ERROR;
  return [
    ...assessment.vms.filter((vm) => isDeployed(vm.name))
      .flatMap((vm) => vm.findings.filter(refused).map((finding) => line(`VM ${vm.name}`, finding, assessment))),
    ...planWideSubjects(assessment).flatMap(({ subject, findings }) => findings.filter(refused).map((finding) => line(subject, finding, assessment))),
  ];
}

/**
 * The subjects that are no one VM's, as synthesis names them: each connector (`connector dc1-vcc`), and
 * the plan's network (`network`, MGN's staging area) when its pack judges one. Their errors fail
 * synthesis whichever VMs the app deploys.
 */
export function planWideSubjects(assessment: PlanAssessment): Array<{ subject: string; findings: readonly Finding[] }> {
  return [
    ...assessment.connectors.map((connector) => ({ subject: `connector ${connector.name}`, findings: connector.findings })),
    ...(assessment.network !== undefined ? [{ subject: 'network', findings: assessment.network.findings }] : []),
  ];
}

/** Where an unused acknowledgement was given, for its warning: the plan file, code, or CDK's API, with the construct. */
function givenIn(ack: UnusedAcknowledgement, source: string): string {
  if (ack.origin === AcknowledgementOrigin.CODE) {
    return `acknowledge() in code on ${ack.at ?? 'the migration'}`;
  }
  if (ack.origin === AcknowledgementOrigin.CDK) {
    return `Validations.of(scope).acknowledge() on ${ack.at ?? 'the app'}`;
  }
  return source;
}
