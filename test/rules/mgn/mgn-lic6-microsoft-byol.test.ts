import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { microsoftByol } from '../../../lib/rules/mgn/mgn-lic6-microsoft-byol';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const SERVER = { family: 'windows', name: 'windows-server', version: '2022', edition: 'datacenter' };
const ALL = ['microsoft-byol-dedicated-host', 'microsoft-byol-own-keys', 'microsoft-byol-eligible'];
const judge = (os: object, licenseType?: string, attestations?: string[]) => microsoftByol(mgnVmContext({ os,
  replication: { ...(licenseType ? { licenseType } : {}), ...(attestations ? { attestations } : {}) } }));

describe('MGN-LIC6 BYOL Windows attests the Microsoft conditions', () => {
  test('passes BYOL Windows Server with all three attestations', () => {
    expect(judge(SERVER, 'byol', ALL).outcome).toBe(Outcome.PASS);
  });

  test('fails BYOL Windows Server lacking some', () => {
    const result = judge(SERVER, 'byol', ['microsoft-byol-own-keys']);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2022 with replication.licenseType byol lacks attestations '
      + 'microsoft-byol-dedicated-host, microsoft-byol-eligible in replication.attestations (BYOL Windows needs all of: '
      + `${ALL.join(', ')})`);
  });

  test('fails a Windows client under auto, which resolves to BYOL', () => {
    const result = judge({ family: 'windows', name: 'windows-client', version: '10' }, undefined, ALL.slice(0, 2));
    expect(result.message).toBe('Windows 10 with replication.licenseType auto (resolved to BYOL) lacks attestation '
      + `microsoft-byol-eligible in replication.attestations (BYOL Windows needs all of: ${ALL.join(', ')})`);
  });

  test('warns on the Datacenter: Azure Edition licensed BYOL, attested or not', () => {
    const azure = { ...SERVER, edition: 'Datacenter-Azure' };
    expect(judge(azure, 'byol', ALL).message).toBe('Windows Server 2022 with replication.licenseType byol is edition '
      + 'Datacenter-Azure (os.edition), whose license Microsoft restricts to Azure: confirm it may be brought to AWS');
    expect(judge({ ...SERVER, edition: 'Datacenter: Azure Edition' }, 'byol', ALL).outcome).toBe(Outcome.FAIL);
    expect(judge(azure, 'byol').message).toMatch(/lacks attestations .*\); and is edition Datacenter-Azure \(os\.edition\)/);
  });

  test('is n/a when Windows launches license included, Azure Edition included', () => {
    expect(judge(SERVER).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ ...SERVER, edition: 'datacenter-azure' }, 'aws').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is n/a for Linux and family other', () => {
    expect(judge({ family: 'linux', name: 'rhel', version: '8.6' }, 'byol').outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other' }, 'byol').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the family cannot be told', () => {
    const result = judge({}, 'byol');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the OS family is not recorded (os.family) and os.name is not recorded either: a Windows VM '
      + `licensed BYOL needs attestations ${ALL.join(', ')}`);
  });

  test('reports a warning through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'app-01', hypervisor: 'vmware', os: SERVER,
      replication: { licenseType: 'byol' } }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-LIC6');
    expect(finding?.severity).toBe(Severity.WARNING);
    expect(finding?.message).toMatch(/^Windows Server 2022 with replication\.licenseType byol lacks attestations/);
  });
});
