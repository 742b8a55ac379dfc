import * as path from 'path';
import { assessPlan } from '../../lib/rules';
import { AcknowledgementScope, FindingOutcome, PlanAssessment, UnknownPolicy, Verdict } from '../../lib/assessment/types';
import { Severity } from '../../lib/assessment/rule';
import { PlanTarget } from '../../lib/plan/model/plan';
import { loadPlanFile, parsePlan } from '../../lib/plan';
import { ReportSource } from '../../lib/report/source';
import { RULE_IDS } from '../../lib/rules';
import { planOf, readyLinuxVm, readyWindowsVm, vmwareConnector } from '../helpers/fixtures';

/** The moment every report fixture is assessed and rendered at, so that reports are repeatable. */
export const FIXED_NOW = new Date('2026-11-20T09:30:00Z');

/** The example plan the project ships, as the CLI reads and assesses it. */
export const EXAMPLE_PLAN = path.join(__dirname, '..', '..', 'examples', 'plan.json');

/** The shipped example plan: 25 VMs in two waves and unscheduled, every verdict, acknowledgements. */
export function exampleSource(options: { unknown?: UnknownPolicy } = {}): ReportSource {
  const loaded = loadPlanFile(EXAMPLE_PLAN, { ruleIds: new Set(RULE_IDS) });
  return {
    file: 'examples/plan.json',
    assessment: assessPlan(loaded.plan, { now: FIXED_NOW, unknown: options.unknown }),
    locate: (at) => loaded.locate(at),
  };
}

/**
 * Text a plan may hold that breaks a report written carelessly: markup, a script, quotes, XML's
 * forbidden control characters, a CDATA end, Markdown table and code syntax, a bidi override.
 */
export const HOSTILE_TEXT = '<script>alert("x")</script> & \'q\' | `tick` **b** ]]> \u0001\u0007\u001b[31m \u202e';

/** A plan whose VM, wave and connector names and acknowledgement reason are hostile text. */
export function hostileSource(): ReportSource {
  const bad = readyLinuxVm(`vm-${HOSTILE_TEXT}`) as Record<string, unknown>;
  bad.wave = `wave-${HOSTILE_TEXT}`;
  bad.connector = `conn-${HOSTILE_TEXT}`;
  bad.disks = [{ name: 'Hard disk 1', sizeGiB: 20000, format: 'vmdk', boot: true }];
  bad.acknowledge = [{ rule: 'SMS-NET1', reason: `reason ${HOSTILE_TEXT}` }];
  bad.nics = [{ ipv4: ['10.0.0.1'], addressing: 'static' }, { ipv4: ['10.0.0.2'], addressing: 'static' }];
  const windows = readyWindowsVm(`win-${HOSTILE_TEXT}`) as Record<string, unknown>;
  const connector = { ...(vmwareConnector() as Record<string, unknown>), name: `conn-${HOSTILE_TEXT}` };
  windows.connector = connector.name;
  const text = JSON.stringify(planOf([bad, windows], { connectors: [connector] }), null, 2);
  const loaded = parsePlan(text, `plans/${HOSTILE_TEXT}.json`, { ruleIds: new Set(RULE_IDS) });
  return {
    file: loaded.file,
    assessment: assessPlan(loaded.plan, { now: FIXED_NOW }),
    locate: (at) => loaded.locate(at),
  };
}

/**
 * An MGN assessment built by hand from the example's (the MGN rules are written elsewhere): the target,
 * the matrix date, a network with an error and a finding acknowledged through SMS-NET1, acknowledgements
 * that do not carry (one plan-wide, one hostile on a VM), and details on every VM.
 */
export function mgnSource(file = 'plans/mgn.json'): ReportSource {
  const sms = exampleSource().assessment;
  const [first, ...rest] = sms.vms;
  const assessment: PlanAssessment = {
    ...sms,
    target: PlanTarget.MGN,
    matrixDate: '2026-12-04',
    network: {
      verdict: Verdict.NOT_READY,
      findings: [
        { rule: 'MGN-CON2', severity: Severity.ERROR, outcome: FindingOutcome.FAIL, acknowledged: false,
          message: 'mgn.network.stagingIngress allows no tcp 1500 from the sources: allow it' },
        { rule: 'MGN-CON4', severity: Severity.WARNING, outcome: FindingOutcome.UNKNOWN, acknowledged: true, acknowledgedVia: 'SMS-CON6',
          reason: 'proxy checked by the network team', acknowledgementScope: AcknowledgementScope.PLAN,
          message: 'mgn.network.tlsInspection is not recorded: record it' },
      ],
    },
    notCarried: [
      { rule: 'SMS-OS2', reason: 'RHEL 7.4 accepted for SMS' },
      { rule: 'SMS-FS1', reason: `xfs checked ${HOSTILE_TEXT}`, vm: `legacy-${HOSTILE_TEXT}` },
    ],
    vms: [
      {
        ...first,
        findings: [...first.findings, {
          rule: 'MGN-NET1', severity: Severity.WARNING, outcome: FindingOutcome.FAIL, acknowledged: true, acknowledgedVia: 'SMS-NET1',
          reason: 'second NIC is backup only', acknowledgementScope: AcknowledgementScope.VM, message: 'nics has 3 interfaces: keep at most 2',
        }],
        details: { evaluationDate: '2027-02-13', replicationMethod: 'agent', tenancy: 'host' },
      },
      ...rest.map((vm) => ({ ...vm, details: { evaluationDate: '2026-11-20', replicationMethod: 'agentless', tenancy: 'default' } })),
    ],
  };
  return { file, assessment };
}
