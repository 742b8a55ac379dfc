import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { Plan } from '../../lib/plan/model/plan';
import { planOf, readyLinuxVm } from '../helpers/fixtures';

/** How a plan VM's source identity reaches its job, for the handler's lookup in the server catalog. */

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-identity-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

test('a VM whose vCenter id and MoRef the plan knows is looked up by them, then its path, then its name', () => {
  // GIVEN a VM as an RVTools import writes it
  const vm = readyLinuxVm('db-01');
  vm.source = { vmManagerId: '5E1F8C2A-0001-4B6E-9C11-000000000001', vmId: 'vm-101', vmPath: '/Datacenters/DC1/vm/db/db-01' };
  // WHEN
  const migration = new Migration(new App({ outdir }), 'Migration', { plan: MigrationPlan.fromPlan(planOf([vm]) as Plan) });
  // THEN
  Template.fromStack(migration.waves.map((w) => migration.waveStacksOf(w))[0][0]).hasResourceProperties('Custom::SmsReplicationJob', {
    VmManagerId: '5E1F8C2A-0001-4B6E-9C11-000000000001', VmId: 'vm-101', VmPath: '/Datacenters/DC1/vm/db/db-01', VmName: 'db-01',
  });
});
