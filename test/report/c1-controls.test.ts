import { parsePlan } from '../../lib/plan';
import { renderReport, ReportFormat } from '../../lib/report/format';
import { ReportSource } from '../../lib/report/source';
import { assessPlan, RULE_IDS } from '../../lib/rules';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { FIXED_NOW } from './report-fixtures';

/** DEL and C1 controls (CSI, NEL, OSC), which JSON.stringify leaves raw and XML 1.0 allows but discourages. */
const C1 = '\u007f\u0085\u009b31m\u009d';

/** A plan whose VM name, acknowledgement reason and file name hold C1 controls. */
function c1Source(): ReportSource {
  const vm = readyLinuxVm(`vm-${C1}`) as Record<string, unknown>;
  vm.nics = [{ ipv4: ['10.0.0.1'], addressing: 'static' }, { ipv4: ['10.0.0.2'], addressing: 'static' }];
  vm.acknowledge = [{ rule: 'SMS-NET1', reason: `reason ${C1}` }];
  const loaded = parsePlan(JSON.stringify(planOf([vm])), `plan-${C1}.json`, { ruleIds: new Set(RULE_IDS) });
  return { file: loaded.file, assessment: assessPlan(loaded.plan, { now: FIXED_NOW }), locate: (at) => loaded.locate(at) };
}

const RAW_C1 = /[\u007f-\u009f]/;

describe('DEL and C1 control characters in reports', () => {
  test.each([ReportFormat.JSON, ReportFormat.SARIF])('%s escapes them as \\u escapes, keeping the same JSON values', (format) => {
    // GIVEN
    const source = c1Source();
    // WHEN
    const text = renderReport(format, [source], { generatedAt: FIXED_NOW });
    // THEN nothing raw, and the parsed JSON still holds the names as they are
    expect(text).not.toMatch(RAW_C1);
    expect(text).toContain('vm-\\u007f\\u0085\\u009b31m\\u009d');
    expect(JSON.stringify(JSON.parse(text))).toContain(`vm-${C1}`);
  });

  test('the JSON report of several plans escapes them too', () => {
    // GIVEN / WHEN
    const text = renderReport(ReportFormat.JSON, [c1Source(), c1Source()], { generatedAt: FIXED_NOW });
    // THEN
    expect(text).not.toMatch(RAW_C1);
    expect((JSON.parse(text) as { file: string }[])[0].file).toBe(`plan-${C1}.json`);
  });

  test('junit writes them as visible escapes, like the other controls', () => {
    // GIVEN / WHEN
    const text = renderReport(ReportFormat.JUNIT, [c1Source()], { generatedAt: FIXED_NOW });
    // THEN
    expect(text).not.toMatch(RAW_C1);
    expect(text).toContain('vm-\\u007f\\u0085\\u009b31m\\u009d');
  });
});
