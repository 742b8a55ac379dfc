import { renderTable } from '../../lib/report/table';
import { assessPlan } from '../../lib/rules';
import { Plan } from '../../lib/plan/model/plan';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { exampleSource, FIXED_NOW, HOSTILE_TEXT, hostileSource } from './report-fixtures';

/** Any control character but the newlines that end the table's own lines. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('renderTable', () => {
  test('lists every VM of the example with its verdict, and the findings that need work', () => {
    // GIVEN WHEN
    const text = renderTable(exampleSource().assessment);
    // THEN
    expect(text.split('\n')[0]).toBe('25 VMs: 14 ready, 5 ready with conditions, 5 not ready, 1 unknown');
    expect(text).toMatch(/^legacy-01 +\(unscheduled\) +not-ready /m);
    expect(text).toMatch(/^ {2}SMS-OS2 +error {2}RHEL 7\.4 is not supported/m);
  });

  test('shows - as the wave of a plan that names none, and (unscheduled) only in a plan that uses waves', () => {
    // GIVEN a plan that names no wave, and one that names a wave for one VM of two
    const noWaves = (vm: ReturnType<typeof readyLinuxVm>): ReturnType<typeof readyLinuxVm> => {
      delete vm.wave;
      vm.source = { vmId: `vm-${vm.name}` };
      return vm;
    };
    const whole = assessPlan(planOf([noWaves(readyLinuxVm('a-01'))]) as Plan, { now: FIXED_NOW });
    const mixed = assessPlan(planOf([readyLinuxVm('a-01'), noWaves(readyLinuxVm('b-01'))]) as Plan, { now: FIXED_NOW });
    // WHEN rendered THEN
    expect(renderTable(whole)).toMatch(/^a-01 +- +ready /m);
    expect(renderTable(mixed)).toMatch(/^a-01 +wave-1 +ready /m);
    expect(renderTable(mixed)).toMatch(/^b-01 +\(unscheduled\) +ready /m);
  });

  test('writes the plan\'s control characters as visible escapes, so a name cannot drive the terminal', () => {
    // GIVEN VM, wave and connector names and a reason holding ESC, BEL, SOH and a bidi override
    const source = hostileSource();
    // WHEN rendered, in colour as on a terminal, with the hostile file name as its title
    const text = renderTable(source.assessment, { color: true, title: source.file });
    // THEN the only escape sequences are the table's own colours
    const withoutOwnColours = text.replace(/\u001b\[(?:\d+)m/g, '');
    expect(withoutOwnColours).not.toMatch(CONTROL);
    expect(withoutOwnColours).toContain('\\u001b[31m');
    expect(withoutOwnColours).toContain('\\u202e');
    // AND the rest of the hostile text is shown as written
    expect(withoutOwnColours).toContain(HOSTILE_TEXT.slice(0, 40));
  });
});
