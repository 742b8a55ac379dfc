import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { remoteAccess } from '../../../lib/rules/mgn/mgn-prep15-remote-access';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const WINDOWS = { family: 'windows', name: 'windows-server', version: '2016' };
const LINUX = { family: 'linux', name: 'sles', version: '15.4' };

describe('MGN-PREP15 remote access', () => {
  const judge = (os: object, guest: object, extra: object = {}) => remoteAccess(mgnVmContext({ os, guest, ...extra }));

  test('passes when remote access is on and allowed, with either method', () => {
    const guest = { remoteAccessEnabled: true, firewallAllowsRemoteAccess: true };
    expect(judge(WINDOWS, guest).outcome).toBe(Outcome.PASS);
    expect(judge(LINUX, guest, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.PASS);
  });

  test('fails naming RDP on Windows', () => {
    const result = judge(WINDOWS, { remoteAccessEnabled: false, firewallAllowsRemoteAccess: true });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('RDP is not enabled on Windows Server 2016 (guest.remoteAccessEnabled: false): enable it, '
      + 'else only Systems Manager reaches the instance on EC2');
  });

  test('fails naming SSH on Linux, both parts', () => {
    const result = judge(LINUX, { remoteAccessEnabled: false, firewallAllowsRemoteAccess: false });
    expect(result.message).toBe('SSH is not enabled on SLES 15.4 (guest.remoteAccessEnabled: false): enable it, else only Systems Manager '
      + 'reaches the instance on EC2; the firewall of SLES 15.4 does not let SSH in (guest.firewallAllowsRemoteAccess: false): allow it, '
      + 'else only Systems Manager reaches the instance on EC2');
  });

  test('judges family other, naming RDP or SSH', () => {
    const result = judge({ family: 'other', name: 'freebsd' }, { remoteAccessEnabled: true, firewallAllowsRemoteAccess: false });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/does not let remote access \(RDP or SSH\) in/);
  });

  test('is unknown when a fact is missing and none fails', () => {
    const result = judge(LINUX, { remoteAccessEnabled: true });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('whether the firewall of SLES 15.4 lets SSH in is not recorded (guest.firewallAllowsRemoteAccess): allow it, '
      + 'else only Systems Manager reaches the instance on EC2');
  });

  test('runs through the whole pack as a warning', () => {
    const vm = { name: 'vm-1', hypervisor: 'vmware', os: WINDOWS, guest: { remoteAccessEnabled: true, firewallAllowsRemoteAccess: false } };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP15');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
