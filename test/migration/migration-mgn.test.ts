import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { useMgnBundle } from '../mgn/constructs/bundle';
import { useTempOutdirs } from '../helpers/temp-outdirs';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'plan-mgn.json');
useMgnBundle();
const tempOutdir = useTempOutdirs('cdk-sms-migration-');

describe('a Migration whose plan targets MGN', () => {
  test('fails synthesis on the MGN errors of its deployed VMs, naming VM, rule, fact and fix, and deploys nothing through SMS', () => {
    // GIVEN the MGN example with its CentOS 7 VM put in wave-2, judged on a fixed day
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const example = MigrationPlan.fromFile(EXAMPLE).plan;
    const plan = { ...example, vms: example.vms.map((vm) => (vm.name === 'legacy-01' ? { ...vm, wave: 'wave-2' } : vm)) };
    const migration = new Migration(app, 'Migration', { plan: MigrationPlan.fromPlan(plan), asOf: '2026-12-04', serverRefresh: 'fixed' });
    // THEN no SMS job, no provider stack: MGN's stacks instead
    expect(migration.definedVms.filter((vm) => migration.jobOf(vm) !== undefined)).toEqual([]);
    expect(migration.providerStack).toBeUndefined();
    expect(migration.waves).toEqual(['wave-1', 'wave-2']);
    expect(migration.isDeployed('legacy-01')).toBe(true);
    // WHEN / THEN synthesis fails on MGN's rules, judged on the wave's cutover, and the report is MGN's
    expect(() => app.synth())
      .toThrow(/VM legacy-01: MGN-OS3 CentOS 7\.9\.2009 leaves MGN's support on 2026-11-20, on or before the evaluation date 2027-03-27.*Fix: /);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.mgn-assessment.json'), 'utf8')) as { target: string; matrixDate: string };
    expect(report.target).toBe('mgn');
    expect(report.matrixDate).toBe('2026-12-04');
  });

  test('synthesizes the example whole (its not-ready VMs are unscheduled), writing MGN\'s firewall rules and the install commands', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const migration = new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(EXAMPLE), asOf: '2026-12-04', serverRefresh: 'fixed' });
    expect(() => app.synth()).not.toThrow();
    const file = path.join(outdir, 'Migration.mgn-firewall-rules.json');
    const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ role: string; port: string; status: string }>;
    expect(rows.some((r) => r.role === 'sources' && r.port === '1500' && r.status === 'declared')).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'Migration.mgn-firewall-rules.csv'), 'utf8').split('\n')[0]).toMatch(/^role,name,direction,protocol,port/);
    expect(migration.waves).toEqual(['wave-1', 'wave-2']);
    expect(migration.isDeployed('web-01')).toBe(true);
    expect(migration.isDeployed('db-02')).toBe(true);
    expect(migration.isDeployed('legacy-01')).toBe(false);
    // AND the install commands cover the deployed VMs only: an agent VM gets its command, an agentless
    // one its connector, an unscheduled one nothing
    const commands = fs.readFileSync(path.join(outdir, 'Migration.mgn-install-commands.md'), 'utf8');
    expect(commands).toMatch(/### web\\-01/);
    expect(commands).toMatch(/### db\\-02/);
    expect(commands).not.toMatch(/legacy\\-01/);
    const document = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.mgn-install-commands.json'), 'utf8')) as unknown;
    expect(JSON.stringify(document)).toContain('"app-02"');
    expect(JSON.stringify(document)).not.toContain('"legacy-01"');
  });

  test('writes the installation role and the private endpoints it is given into the install commands', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    new Migration(app, 'Migration', {
      plan: MigrationPlan.fromFile(EXAMPLE), asOf: '2026-12-04', serverRefresh: 'fixed',
      mgnInstallationRoleArn: 'arn:aws:iam::123456789012:role/mgn-agent-install',
      mgnAgentEndpoints: { mgn: 'vpce-0abc-mgn.mgn.eu-west-1.vpce.amazonaws.com', s3: 'bucket.vpce-0abc-s3.s3.eu-west-1.vpce.amazonaws.com' },
    });
    app.synth();
    const json = fs.readFileSync(path.join(outdir, 'Migration.mgn-install-commands.json'), 'utf8');
    expect(json).toContain('arn:aws:iam::123456789012:role/mgn-agent-install');
    expect(json).toContain('vpce-0abc-mgn.mgn.eu-west-1.vpce.amazonaws.com');
    expect(json).toContain('bucket.vpce-0abc-s3.s3.eu-west-1.vpce.amazonaws.com');
    expect(json).not.toContain('<installation-role-arn>');
  });

  test('refuses an asOf that is not a day', () => {
    const app = new App({ outdir: tempOutdir() });
    expect(() => new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(EXAMPLE), asOf: '2026-02-30' }))
      .toThrow(/asOf must be a day written YYYY-MM-DD, such as 2027-02-13, got "2026-02-30"/);
  });
});
