import { mgnFirewallRulesFor } from '../../../lib/network/mgn-firewall-rules';
import { sourcePlan } from './fixtures';

/** The rules as `role name direction port peer`, the shape the source side relies on. */
function rules(plan = sourcePlan()): string[] {
  return mgnFirewallRulesFor(plan).map((row) => `${row.role} ${row.name} ${row.direction} ${row.protocol} ${row.port} ${row.peer}`);
}

describe('the MGN firewall files cover what the source side needs', () => {
  test('the source servers reach MGN and S3 on 443 and the staging subnet on 1500', () => {
    expect(rules()).toEqual(expect.arrayContaining([
      'sources sources egress tcp 443 mgn',
      'sources sources egress tcp 443 s3',
      'sources sources egress tcp 1500 staging',
    ]));
  });

  test('the staging subnet reaches MGN, EC2 and S3 on 443', () => {
    expect(rules()).toEqual(expect.arrayContaining([
      'staging staging egress tcp 443 mgn',
      'staging staging egress tcp 443 ec2',
      'staging staging egress tcp 443 s3',
    ]));
  });

  test('the staging subnet lets the sources in on 1500 when it uses user-owned replication security groups', () => {
    const plan = { ...sourcePlan(), defaults: { mgn: { replication: { securityGroups: ['sg-0123456789abcdef0'] } } } };
    expect(rules(plan as never)).toContain('staging staging ingress tcp 1500 sources');
  });

  test('each vCenter Client reaches its vCenter on the connector\'s port, and MGN and S3 on 443', () => {
    expect(rules()).toEqual(expect.arrayContaining([
      'vcenter-client dc1-vcc egress tcp 8443 vcenter',
      'vcenter-client dc1-vcc egress tcp 443 mgn',
      'vcenter-client dc1-vcc egress tcp 443 s3',
      'vcenter-client dc1-vcc egress tcp 1500 staging',
    ]));
  });

  test('a vCenter Client without a port reaches vCenter on 443', () => {
    const plan = sourcePlan();
    const connectors = plan.connectors!.map((c) => ({ ...c, vcenterPort: undefined }));
    expect(rules({ ...plan, connectors })).toContain('vcenter-client dc1-vcc egress tcp 443 vcenter');
  });

  test('a plan without agent VMs has no source rules, and one without agentless VMs no vCenter Client rules', () => {
    const plan = sourcePlan();
    const agentlessOnly = { ...plan, vms: plan.vms.filter((vm) => vm.name === 'snap-01') };
    const agentOnly = { ...plan, vms: plan.vms.filter((vm) => vm.name !== 'snap-01') };
    expect(rules(agentlessOnly).filter((r) => r.startsWith('sources '))).toEqual([]);
    expect(rules(agentOnly).filter((r) => r.startsWith('vcenter-client '))).toEqual([]);
  });
});
