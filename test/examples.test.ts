import * as path from 'path';
import { assessPlan } from '../lib/rules';
import { Verdict } from '../lib/assessment/types';
import { loadPlanFile } from '../lib/plan';
import { PlanTarget } from '../lib/plan/model/plan';
import { knownRuleIds, RULE_IDS } from '../lib/rules';

describe('examples/plan.json', () => {
  const loaded = loadPlanFile(path.join(__dirname, '..', 'examples', 'plan.json'), { ruleIds: new Set(RULE_IDS) });
  const assessment = assessPlan(loaded.plan, { now: new Date('2026-11-25T00:00:00Z') });
  const names = (verdict: Verdict): string[] => assessment.vms.filter((v) => v.verdict === verdict).map((v) => v.name);

  test('is a realistic plan: 25 VMs across VMware and Hyper-V, two connectors, two waves and some unscheduled VMs', () => {
    const vms = loaded.plan.vms;
    expect(vms).toHaveLength(25);
    expect(new Set(vms.map((v) => v.hypervisor))).toEqual(new Set(['vmware', 'hyperv']));
    // The not-ready VMs are not scheduled yet: the waves hold the VMs that can move.
    expect(new Set(vms.map((v) => v.wave))).toEqual(new Set(['wave-1', 'wave-2', undefined]));
    expect(vms.filter((v) => v.wave === undefined).map((v) => v.name)).toEqual(['legacy-01', 'legacy-02', 'hv-web-02', 'desk-02', 'ftp-01']);
    expect(loaded.plan.connectors?.map((c) => c.hypervisor)).toEqual(['vmware', 'hyperv']);
  });

  test('is mostly ready, with some conditions, some not ready and one unknown', () => {
    expect(names(Verdict.NOT_READY)).toEqual(['legacy-01', 'legacy-02', 'hv-web-02', 'desk-02', 'ftp-01']);
    expect(names(Verdict.READY_WITH_CONDITIONS)).toEqual(['db-01', 'files-01', 'mon-01', 'hv-db-02', 'vault-01']);
    expect(names(Verdict.UNKNOWN)).toEqual(['batch-01']);
    expect(names(Verdict.READY)).toHaveLength(14);
    expect(assessment.connectors.map((c) => c.verdict)).toEqual([Verdict.READY, Verdict.READY]);
  });

  test('uses every acknowledgement it writes', () => {
    expect(assessment.unusedAcknowledgements).toEqual([]);
    const acknowledged = assessment.vms.flatMap((v) => v.findings.filter((f) => f.acknowledged && f.severity !== 'info').map((f) => f.rule));
    expect(new Set(acknowledged)).toEqual(new Set(['SMS-NET1', 'SMS-LIC6', 'SMS-JOB2']));
  });
});

describe('examples/plan-mgn.json', () => {
  const loaded = loadPlanFile(path.join(__dirname, '..', 'examples', 'plan-mgn.json'), { ruleIds: knownRuleIds() });
  const assessment = assessPlan(loaded.plan, { now: new Date('2026-12-04T00:00:00Z') });
  const names = (verdict: Verdict): string[] => assessment.vms.filter((v) => v.verdict === verdict).map((v) => v.name);

  test('is a realistic MGN plan: two dated waves, agent and agentless VMs, Windows BYOL on Dedicated Hosts, an application per tier', () => {
    const plan = loaded.plan;
    expect(plan.target).toBe(PlanTarget.MGN);
    expect(plan.waves?.map((w) => [w.name, w.replicationStart, w.cutoverDate])).toEqual([
      ['wave-1', '2027-01-04', '2027-02-13'], ['wave-2', '2027-02-15', '2027-03-27']]);
    expect(new Set(assessment.vms.map((v) => v.details?.replicationMethod))).toEqual(new Set(['agent', 'agentless']));
    expect(assessment.vms.find((v) => v.name === 'app-01')).toMatchObject({ license: 'byol', details: { tenancy: 'host' } });
    expect(new Set(plan.vms.map((v) => v.application))).toEqual(new Set(['web', 'app', 'db', 'files', 'legacy']));
  });

  test('has every verdict: ready, with conditions, not ready, unknown', () => {
    expect(names(Verdict.READY)).toEqual(['web-01', 'web-02', 'app-01']);
    expect(names(Verdict.READY_WITH_CONDITIONS)).toEqual(['app-02']);
    expect(names(Verdict.NOT_READY)).toEqual(['db-01', 'files-01', 'legacy-01']);
    expect(names(Verdict.UNKNOWN)).toEqual(['db-02']);
    expect(assessment.connectors.map((c) => c.verdict)).toEqual([Verdict.READY]);
    expect(assessment.network?.verdict).toBe(Verdict.READY);
  });

  test('judges each VM on its wave\'s cutover, and carries its SMS acknowledgement', () => {
    expect(assessment.vms.find((v) => v.name === 'db-02')?.details?.evaluationDate).toBe('2027-03-27');
    // an unscheduled VM (the not-ready ones stay out of the waves until fixed) is judged on the assessment day
    expect(assessment.vms.find((v) => v.name === 'legacy-01')?.details?.evaluationDate).toBe('2026-12-04');
    const net1 = assessment.vms.find((v) => v.name === 'app-02')?.findings.find((f) => f.rule === 'MGN-NET1');
    expect(net1).toMatchObject({ acknowledged: true, acknowledgedVia: 'SMS-NET1' });
    expect(assessment.unusedAcknowledgements).toEqual([]);
    expect(assessment.notCarried).toBeUndefined();
  });
});
