import { AssessmentPolicy, Finding, PlanAssessment, Verdict, VmAssessment } from '../assessment/types';
import { failsPolicy } from '../assessment/verdict';
import { assessedRule } from '../rules/packs';
import { Severity } from '../assessment/rule';
import { describeVerdicts, plural, summaryVerdicts, unusedAcknowledgementPlace } from './helpers';
import { findingKind, RenderOptions, ReportSource, sortFindings, toolVersion, waveLabel } from './source';
import { xmlAttribute, xmlText } from './xml';
import { refusedAcknowledgement, UNDECIDED_LICENSE } from './finding-text';
import { appendAll } from '../private/arrays';
import { NETWORK_NAME, notCarriedOf, notCarriedPlace, organizationLine, serviceShortName, targetLine } from './target-text';

/** The `classname` of every connector's test case. */
const CONNECTOR_CLASSNAME = 'connectors';

/** The `classname` and name of the network's test case (MGN's staging area, judged once per plan). */
const NETWORK_CLASSNAME = NETWORK_NAME;

/**
 * The `classname` of a VM's test case: its wave, as `wave.<wave>` (`wave.(unscheduled)` for a VM in no
 * wave of a plan that uses waves, `wave.(no wave)` in a plan that names none).
 */
function vmClassname(vm: VmAssessment): string {
  return `wave.${waveLabel(vm.vm.wave, vm.unscheduled)}`;
}

/** One VM or connector: one test case. */
interface Subject {
  readonly classname: string;
  readonly name: string;
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  /** A VM's license line (`license: byol`, `license: undecided`); connectors have none. */
  readonly license?: string;
  /** A VM's details as lines (`evaluationDate: 2027-02-13`), after its license; none for SMS. */
  readonly details?: readonly string[];
}

/** A test case as XML, and whether it failed. */
interface RenderedCase {
  readonly xml: string;
  readonly failed: boolean;
}

/**
 * Renders the assessments as a JUnit XML report, for CI systems that show test results: one test
 * suite per plan file, one test case per VM (classname `wave.<wave>`) and per connector (classname
 * `connectors`), and one for the plan's network when its pack judges one (MGN: classname and name
 * `network`). A test case fails when the CLI would fail on it: an unacknowledged error, or, under
 * `--strict`, an unacknowledged warning. Its other findings (warnings, unknowns, acknowledged and
 * informational ones) are lines of its `system-out`.
 *
 * The report follows the Jenkins JUnit schema (`jenkins-junit.xsd`, the form CI systems read). The
 * Ant schema (`JUnit.xsd`) is met too, except where the two disagree: Ant allows no attribute on
 * `testsuites`, no `skipped` on `testsuite` and no `system-out` in a `testcase`; Jenkins does, and
 * the counts and per-VM output are worth more than that schema. Both allow only what they share for
 * the rest: one `failure` per test case (it lists every failing finding), `properties` with at least
 * one property, `timestamp` without a time zone (it is UTC), `hostname` (`localhost`: a renderer is
 * pure and does not ask the machine), `id` and `package` on every suite, and a `time` of 0 (an
 * assessment takes no measurable time per VM).
 *
 * Whatever the plan holds, the output is well-formed XML 1.0: markup characters are escaped, and the
 * characters XML cannot carry at all (most C0 controls) are written as visible `\u0001` escapes.
 */
export function renderJunit(sources: readonly ReportSource[], options: RenderOptions = {}): string {
  const generatedAt = options.generatedAt ?? new Date();
  // xs:dateTime restricted to no fractional seconds and no zone, as the Ant schema demands.
  const timestamp = generatedAt.toISOString().slice(0, 19);
  const version = toolVersion();
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  sources.forEach((source, id) => {
    const suite = renderSuite(source, id, timestamp, version);
    tests += suite.tests;
    failures += suite.failures;
    suites.push(suite.xml);
  });
  out.push(`<testsuites name="cdk-sms assess" tests="${tests}" failures="${failures}" errors="0" time="0">`);
  appendAll(out, suites);
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function renderSuite(source: ReportSource, id: number, timestamp: string, version: string): { xml: string; tests: number; failures: number } {
  const assessment = source.assessment;
  const subjects: Subject[] = [
    ...assessment.vms.map((vm) => ({ classname: vmClassname(vm), name: vm.name, verdict: vm.verdict, findings: vm.findings,
      license: vm.license ?? UNDECIDED_LICENSE, details: detailLines(vm) })),
    ...assessment.connectors.map((c) => ({ classname: CONNECTOR_CLASSNAME, name: c.name, verdict: c.verdict, findings: c.findings })),
    ...(assessment.network !== undefined
      ? [{ classname: NETWORK_CLASSNAME, name: NETWORK_NAME, verdict: assessment.network.verdict, findings: assessment.network.findings }]
      : []),
  ];
  const cases = subjects.map((subject) => renderCase(subject, assessment));
  const failures = cases.filter((c) => c.failed).length;
  const file = xmlAttribute(source.file);
  const s = assessment.summary;
  const properties: Array<[string, string | number | boolean]> = [
    ['tool', `cdk-sms ${version}`], ['plan', source.file], ['unknown', assessment.policy.unknown], ['strict', assessment.policy.strict],
    ['vms', s.vms], ['ready', s.ready], ['readyWithConditions', s.readyWithConditions], ['notReady', s.notReady], ['unknownVerdict', s.unknown],
    ['connectors', assessment.connectors.length],
    ...(assessment.target !== undefined ? [['target', assessment.target] as [string, string]] : []),
    ...(assessment.matrixDate !== undefined ? [['matrixDate', assessment.matrixDate] as [string, string]] : []),
    ...(assessment.network !== undefined ? [['network', assessment.network.verdict] as [string, string]] : []),
    ...(assessment.organizationPacks !== undefined ? [['organizationPacks', assessment.organizationPacks.join(', ')] as [string, string]] : []),
  ];
  const summary = [`${plural(s.vms, 'VM')}: ${describeVerdicts(summaryVerdicts(s))}; ${plural(assessment.connectors.length, 'connector')}`];
  const judgedFor = targetLine(assessment);
  if (judgedFor !== undefined) {
    summary.push(judgedFor);
  }
  const organization = organizationLine(assessment);
  if (organization !== undefined) {
    summary.push(organization);
  }
  for (const ack of assessment.unusedAcknowledgements) {
    summary.push(`unused acknowledgement ${ack.rule} ${unusedAcknowledgementPlace(ack)} (it matches no finding): ${ack.reason}`);
  }
  for (const ack of notCarriedOf(assessment)) {
    summary.push(`not carried ${ack.rule} ${notCarriedPlace(ack)} (never applied under ${serviceShortName(assessment)}): ${ack.reason}`);
  }
  const xml = [
    `  <testsuite name="${file}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0" `
      + `timestamp="${timestamp}" hostname="localhost" id="${id}" package="${file}">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${name}" value="${xmlAttribute(String(value))}"/>`),
    '    </properties>',
    ...cases.map((c) => c.xml),
    `    <system-out>${xmlText(summary.map(oneLine).join('\n'))}</system-out>`,
    '    <system-err/>',
    '  </testsuite>',
  ].join('\n');
  return { xml, tests: cases.length, failures };
}

/**
 * A VM's details as lines of its test case's output: neither JUnit schema allows `properties` in a
 * test case, so they are written as `name: value` lines, as the license is.
 */
function detailLines(vm: VmAssessment): string[] {
  const details = vm.details;
  if (details === undefined) {
    return [];
  }
  return [
    ...(details.evaluationDate !== undefined ? [`evaluationDate: ${details.evaluationDate}`] : []),
    ...(details.replicationMethod !== undefined ? [`replicationMethod: ${details.replicationMethod}`] : []),
    `tenancy: ${details.tenancy ?? UNDECIDED_LICENSE}`,
  ];
}

function renderCase(subject: Subject, assessment: PlanAssessment): RenderedCase {
  const policy: AssessmentPolicy = assessment.policy;
  const failing: Finding[] = [];
  const output: string[] = [`verdict: ${subject.verdict}`, ...(subject.license !== undefined ? [`license: ${subject.license}`] : []),
    ...(subject.details ?? [])];
  for (const finding of sortFindings(subject.findings)) {
    if (failsPolicy([finding], policy)) {
      failing.push(finding);
    } else {
      const via = finding.acknowledgedVia !== undefined ? ` via ${finding.acknowledgedVia}` : '';
      const acknowledged = finding.acknowledged && finding.reason !== undefined ? ` (acknowledged${via}: ${finding.reason})` : '';
      output.push(oneLine(`${findingKind(finding)} ${finding.rule}: ${finding.message}${acknowledged}`));
    }
  }
  const open = `    <testcase classname="${xmlAttribute(subject.classname)}" name="${xmlAttribute(subject.name)}" time="0">`;
  const parts = [open];
  if (failing.length > 0) {
    parts.push(renderFailure(failing, assessment));
  }
  parts.push(`      <system-out>${xmlText(output.join('\n'))}</system-out>`, '    </testcase>');
  return { xml: parts.join('\n'), failed: failing.length > 0 };
}

/**
 * One `failure` for all the failing findings of a test case: the Ant schema allows one per test case,
 * and CI systems show the first one anyway.
 */
function renderFailure(failing: readonly Finding[], assessment: PlanAssessment): string {
  const ids = failing.map((f) => f.rule);
  let message: string;
  if (failing.length === 1) {
    message = `${failing[0].rule}: ${failing[0].message}`;
  } else {
    message = `${plural(failing.length, failing.every((f) => f.severity === Severity.ERROR) ? 'error' : 'failing finding')}: ${ids.join(', ')}`;
  }
  const text: string[] = [];
  for (const f of failing) {
    const rule = assessedRule(f.rule, assessment);
    text.push(`${f.rule} (${f.severity}${f.outcome === 'unknown' ? ', unknown' : ''}): ${rule?.title ?? f.rule}`, `  ${oneLine(f.message)}`);
    const refused = refusedAcknowledgement(f);
    if (refused !== undefined) {
      text.push(`  ${oneLine(refused)}`);
    }
    if (rule) {
      text.push(`  remediation: ${rule.remediation}`);
    }
  }
  return `      <failure message="${xmlAttribute(oneLine(message))}" type="${xmlAttribute(ids.join(' '))}">${xmlText(text.join('\n'))}</failure>`;
}

/** Keeps a line one line, whatever a name or message holds. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ');
}
