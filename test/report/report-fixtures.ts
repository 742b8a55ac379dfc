import * as path from 'path';
import { assessPlan } from '../../lib/rules';
import { UnknownPolicy } from '../../lib/assessment/types';
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
