import {
  AcknowledgementOrigin, AcknowledgementScope, AssessmentSummary, PlanAssessment, UnknownPolicy, UnusedAcknowledgement, Verdict, VmAssessment,
} from '../../lib/assessment/types';
import {
  countVerdicts, describeVerdicts, plural, pluralForm, sumSummaries, summaryVerdicts, tallyWaves, unusedAcknowledgementPlace, VERDICTS,
} from '../../lib/report/helpers';
import { escapeHtml } from '../../lib/report/html-escape';
import { NO_WAVE, UNSCHEDULED, waveLabel } from '../../lib/report/source';
import { exampleSource } from './report-fixtures';

/** A VM assessment with only what the tally reads: its name, wave and verdict. */
function vmIn(name: string, wave: string | undefined, verdict: Verdict): VmAssessment {
  return { name, verdict, findings: [], vm: { name, wave } as VmAssessment['vm'] };
}

function summaryOf(vms: number, ready: number, readyWithConditions: number, notReady: number, unknown: number): AssessmentSummary {
  return { vms, ready, readyWithConditions, notReady, unknown };
}

function assessmentOf(summary: AssessmentSummary): PlanAssessment {
  return { summary, vms: [], connectors: [], unusedAcknowledgements: [], policy: { unknown: UnknownPolicy.WARN, strict: false } };
}

/** How the HTML report writes the place of an unused acknowledgement: names and paths as names, globs as code. */
const HTML_PLACE = {
  show: (name: string): string => `<span class="name">${escapeHtml(name)}</span>`,
  showGlob: (glob: string): string => `<code class="name">${escapeHtml(glob)}</code>`,
  cell: true,
};

describe('plural', () => {
  test('writes one thing in the singular and any other count, zero too, in the plural', () => {
    // GIVEN a regular noun WHEN counted THEN only 1 is singular
    expect(plural(1, 'VM')).toBe('1 VM');
    expect(plural(0, 'VM')).toBe('0 VMs');
    expect(plural(3, 'warning')).toBe('3 warnings');
    expect(plural(10000, 'VM')).toBe('10000 VMs');
  });

  test('takes an irregular plural', () => {
    // GIVEN a noun whose plural is not the singular and an s WHEN counted THEN the given plural is used
    expect(plural(2, 'VM ready with conditions', 'VMs ready with conditions')).toBe('2 VMs ready with conditions');
    expect(plural(1, 'VM ready with conditions', 'VMs ready with conditions')).toBe('1 VM ready with conditions');
    expect(plural(5, 'acknowledged', 'acknowledged')).toBe('5 acknowledged');
  });

  test('gives the form alone, for a verb that agrees with a count', () => {
    // GIVEN WHEN THEN
    expect(pluralForm(1, 'is', 'are')).toBe('is');
    expect(pluralForm(4, 'needs', 'need')).toBe('need');
    expect(pluralForm(0, 'VM')).toBe('VMs');
  });
});

describe('verdict counts', () => {
  test('counts subjects by verdict, every verdict present', () => {
    // GIVEN two ready connectors and a not-ready one
    const subjects = [{ verdict: Verdict.READY }, { verdict: Verdict.NOT_READY }, { verdict: Verdict.READY }];
    // WHEN counted THEN every verdict has a count
    expect(countVerdicts(subjects)).toEqual({
      [Verdict.READY]: 2, [Verdict.READY_WITH_CONDITIONS]: 0, [Verdict.NOT_READY]: 1, [Verdict.UNKNOWN]: 0,
    });
  });

  test('reads a summary by verdict and adds the summaries of several plans', () => {
    // GIVEN two plans' summaries
    const sources = [
      { file: 'a.json', assessment: assessmentOf(summaryOf(4, 1, 1, 1, 1)) },
      { file: 'b.json', assessment: assessmentOf(summaryOf(3, 0, 2, 0, 1)) },
    ];
    // WHEN added THEN the total holds every VM
    const total = sumSummaries(sources);
    expect(total).toEqual(summaryOf(7, 1, 3, 1, 2));
    expect(summaryVerdicts(total)).toEqual({
      [Verdict.READY]: 1, [Verdict.READY_WITH_CONDITIONS]: 3, [Verdict.NOT_READY]: 1, [Verdict.UNKNOWN]: 2,
    });
  });

  test('describes counts in the order of VERDICTS, ready first', () => {
    // GIVEN the example's summary WHEN described THEN as the table's first line says it
    const counts = summaryVerdicts(summaryOf(25, 14, 5, 5, 1));
    expect(VERDICTS).toEqual([Verdict.READY, Verdict.READY_WITH_CONDITIONS, Verdict.NOT_READY, Verdict.UNKNOWN]);
    expect(describeVerdicts(counts)).toBe('14 ready, 5 ready with conditions, 5 not ready, 1 unknown');
  });

  test('leaves out the verdicts no one has, and marks each count up', () => {
    // GIVEN counts with zeros WHEN described without them, each part painted THEN only the others remain
    const counts = countVerdicts([{ verdict: Verdict.NOT_READY }, { verdict: Verdict.READY }]);
    expect(describeVerdicts(counts, { omitZero: true })).toBe('1 ready, 1 not ready');
    expect(describeVerdicts(counts, { omitZero: true, paint: (verdict, text) => `[${verdict}: ${text}]` }))
      .toBe('[ready: 1 ready], [not-ready: 1 not ready]');
  });
});

describe('tallyWaves', () => {
  test('counts the VMs of each wave by verdict, in the order the plan names the waves, unscheduled VMs last', () => {
    // GIVEN VMs in no wave first, in two waves, and one with an empty wave name
    const vms = [
      vmIn('a', undefined, Verdict.NOT_READY), vmIn('b', 'wave-2', Verdict.READY), vmIn('c', 'wave-1', Verdict.UNKNOWN),
      vmIn('d', 'wave-2', Verdict.READY_WITH_CONDITIONS), vmIn('e', '', Verdict.NOT_READY), vmIn('f', 'wave-2', Verdict.READY),
    ];
    // WHEN tallied
    const tally = tallyWaves(vms);
    // THEN wave-2 comes first (it is named first), and the three-VM row of no wave comes last
    expect(tally).toEqual([
      { wave: 'wave-2', vms: 3, verdicts: { ...countVerdicts([]), [Verdict.READY]: 2, [Verdict.READY_WITH_CONDITIONS]: 1 } },
      { wave: 'wave-1', vms: 1, verdicts: { ...countVerdicts([]), [Verdict.UNKNOWN]: 1 } },
      { wave: NO_WAVE, vms: 2, verdicts: { ...countVerdicts([]), [Verdict.NOT_READY]: 2 } },
    ]);
  });

  test('has no rows for no VMs', () => {
    // GIVEN WHEN THEN
    expect(tallyWaves([])).toEqual([]);
  });

  test('names the VMs of a plan that uses waves but without one unscheduled, and a plan that names none one row', () => {
    // GIVEN the same VM unscheduled in a plan that uses waves, and in a plan that names none
    const unscheduled = { ...vmIn('a', undefined, Verdict.READY), unscheduled: true };
    const whole = vmIn('b', undefined, Verdict.READY);
    // WHEN tallied THEN
    expect(tallyWaves([unscheduled, vmIn('c', 'wave-1', Verdict.READY)]).map((t) => t.wave)).toEqual(['wave-1', UNSCHEDULED]);
    expect(tallyWaves([whole]).map((t) => t.wave)).toEqual([NO_WAVE]);
    expect([waveLabel(undefined, true), waveLabel(undefined), waveLabel('wave-1', true)]).toEqual([UNSCHEDULED, NO_WAVE, 'wave-1']);
  });

  test('counts every VM of the example once, and agrees with its summary', () => {
    // GIVEN the example plan: two waves and VMs in none
    const { assessment } = exampleSource();
    // WHEN tallied
    const tally = tallyWaves(assessment.vms);
    // THEN each wave's counts are those of its VMs, and all waves together are the summary
    expect(tally.map((t) => t.wave)).toEqual(['wave-1', 'wave-2', UNSCHEDULED]);
    for (const t of tally) {
      const members = assessment.vms.filter((vm) => waveLabel(vm.vm.wave, vm.unscheduled) === t.wave);
      expect(t.vms).toBe(members.length);
      expect(t.verdicts).toEqual(countVerdicts(members));
    }
    for (const v of VERDICTS) {
      expect(tally.reduce((n, t) => n + t.verdicts[v], 0)).toBe(summaryVerdicts(assessment.summary)[v]);
    }
  });
});

describe('unusedAcknowledgementPlace', () => {
  const inVm: UnusedAcknowledgement = { rule: 'SMS-OS1', reason: 'r', scope: AcknowledgementScope.VM, vm: 'web-01' };
  const planWide: UnusedAcknowledgement = { rule: 'SMS-NET2', reason: 'r', scope: AcknowledgementScope.PLAN, vms: ['db-*', 'app-<1>'] };
  const everywhere: UnusedAcknowledgement = { rule: 'SMS-NET2', reason: 'r', scope: AcknowledgementScope.PLAN };
  const inCode: UnusedAcknowledgement = {
    rule: 'SMS-NET1', reason: 'r', scope: AcknowledgementScope.PLAN, origin: AcknowledgementOrigin.CODE, at: 'App/Migration',
  };
  const inCodeFor: UnusedAcknowledgement = { ...inCode, vms: ['db-*'] };
  const withCdk: UnusedAcknowledgement = { rule: 'SMS-NET1', reason: 'r', scope: AcknowledgementScope.PLAN, origin: AcknowledgementOrigin.CDK };
  const withCdkOn: UnusedAcknowledgement = { ...withCdk, at: 'App/Stack/<wave-1>', vms: ['web-*'] };

  test('says where a plan acknowledgement was written, in a sentence', () => {
    // GIVEN acknowledgements in a VM, plan-wide for globs, and plan-wide WHEN placed as text THEN
    expect(unusedAcknowledgementPlace(inVm)).toBe('on VM web-01');
    expect(unusedAcknowledgementPlace(planWide)).toBe('plan-wide for db-*, app-<1>');
    expect(unusedAcknowledgementPlace(everywhere)).toBe('plan-wide');
    expect(unusedAcknowledgementPlace({ ...everywhere, origin: AcknowledgementOrigin.PLAN })).toBe('plan-wide');
  });

  test('names an acknowledgement given in code, with the construct it was given on', () => {
    // GIVEN Migration.acknowledge() on App/Migration WHEN placed as text THEN it says code, and where
    expect(unusedAcknowledgementPlace(inCode)).toBe('given in code on App/Migration');
    expect(unusedAcknowledgementPlace(inCodeFor)).toBe('given in code on App/Migration for db-*');
    expect(unusedAcknowledgementPlace({ ...inCode, at: undefined })).toBe('given in code');
  });

  test('names an acknowledgement given with CDK', () => {
    // GIVEN Validations.of(scope).acknowledge() WHEN placed as text THEN it says CDK, and where when known
    expect(unusedAcknowledgementPlace(withCdk)).toBe('given with CDK\'s acknowledgement');
    expect(unusedAcknowledgementPlace(withCdkOn)).toBe('given with CDK\'s acknowledgement on App/Stack/<wave-1> for web-*');
  });

  test('writes every name as the report\'s format needs it', () => {
    // GIVEN a show function that marks names WHEN placed THEN VM names, paths and globs go through it, the words do not
    const show = (text: string): string => `«${text}»`;
    expect(unusedAcknowledgementPlace(inVm, { show })).toBe('on VM «web-01»');
    expect(unusedAcknowledgementPlace(planWide, { show })).toBe('plan-wide for «db-*», «app-<1>»');
    expect(unusedAcknowledgementPlace(withCdkOn, { show })).toBe('given with CDK\'s acknowledgement on «App/Stack/<wave-1>» for «web-*»');
  });

  test('in HTML, keeps the cell\'s words for the plan\'s acknowledgements, and escapes and marks up names and globs', () => {
    // GIVEN the HTML report's markup and a cell's words WHEN placed THEN
    expect(unusedAcknowledgementPlace(inVm, HTML_PLACE)).toBe('VM <span class="name">web-01</span>');
    expect(unusedAcknowledgementPlace(planWide, HTML_PLACE))
      .toBe('plan-wide, for <code class="name">db-*</code>, <code class="name">app-&lt;1&gt;</code>');
    expect(unusedAcknowledgementPlace(everywhere, HTML_PLACE)).toBe('plan-wide');
  });

  test('in HTML, names an acknowledgement given in code or with CDK', () => {
    // GIVEN acknowledgements given in code and with CDK WHEN placed in HTML THEN they say so, the path as a name
    expect(unusedAcknowledgementPlace(inCode, HTML_PLACE)).toBe('given in code on <span class="name">App/Migration</span>');
    expect(unusedAcknowledgementPlace(inCodeFor, HTML_PLACE))
      .toBe('given in code on <span class="name">App/Migration</span>, for <code class="name">db-*</code>');
    expect(unusedAcknowledgementPlace(withCdk, HTML_PLACE)).toBe('given with CDK\'s acknowledgement');
    expect(unusedAcknowledgementPlace(withCdkOn, HTML_PLACE)).toBe('given with CDK\'s acknowledgement on '
      + '<span class="name">App/Stack/&lt;wave-1&gt;</span>, for <code class="name">web-*</code>');
  });
});
