import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Vm } from '../../lib/plan/model/plan';
import { LicenseType } from '../../lib/sms/license-type';
import { ReplicationJob } from '../../lib/sms/replication-job';
import { ReplicationServer } from '../../lib/sms/replication-server';
import { ReplicationJobAssessment } from '../../lib/validation/replication-job-assessment';

describe('ReplicationJob with VM facts', () => {
  const rhel = (version: string): Vm => ({
    name: 'web-01', hypervisor: 'vmware',
    os: { family: 'linux', name: 'rhel', version },
  }) as Vm;

  test('fails synthesis when the VM breaks an SMS rule, naming the VM, the rule and the fix', () => {
    // GIVEN a job for a RHEL 7.4 VM
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const job = new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678') });
    new ReplicationJobAssessment(job, 'Assessment', { vm: rhel('7.4') });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/VM web-01: SMS-OS2 RHEL 7\.4 is not supported .*Fix: /);
  });

  test('judges the job\'s own settings: an AWS license on Linux fails SMS-LIC1', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const job = new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678'), licenseType: LicenseType.AWS });
    new ReplicationJobAssessment(job, 'Assessment', { vm: rhel('7.3') });
    expect(() => app.synth()).toThrow(/VM web-01: SMS-LIC1 /);
  });

  test('shows missing facts as warnings with the rule id, and synthesizes', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const job = new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678') });
    new ReplicationJobAssessment(job, 'Assessment', { vm: rhel('7.3') });
    app.synth();
    Annotations.fromStack(stack).hasWarning('/Stack/Job', Match.stringLikeRegexp('VM web-01: SMS-PREP1 unknown'));
  });
});
