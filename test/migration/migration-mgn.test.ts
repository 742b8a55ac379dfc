import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { useMgnBundle } from '../mgn/constructs/bundle';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'plan-mgn.json');
const outdirs: string[] = [];
useMgnBundle();

function tempOutdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-migration-'));
  outdirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of outdirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('a Migration whose plan targets MGN', () => {
  test('fails synthesis on the MGN errors of its VMs, naming VM, rule, fact and fix, and deploys nothing through SMS', () => {
    // GIVEN the MGN example, judged on a fixed day
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const migration = new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(EXAMPLE), asOf: '2026-12-04', serverRefresh: 'fixed' });
    // THEN no SMS job, no provider stack: MGN's stacks instead
    expect(migration.jobs.size).toBe(0);
    expect(migration.providerStack).toBeUndefined();
    expect([...migration.waveStacks.keys()]).toEqual(['wave-1', 'wave-2']);
    expect(migration.isDeployed('legacy-01')).toBe(true);
    // WHEN / THEN synthesis fails on MGN's rules, and the report is MGN's
    expect(() => app.synth()).toThrow(/VM legacy-01: MGN-OS3 CentOS 7\.9\.2009 leaves MGN's support on 2026-11-20.*Fix: /);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.mgn-assessment.json'), 'utf8')) as { target: string; matrixDate: string };
    expect(report.target).toBe('mgn');
    expect(report.matrixDate).toBe('2026-12-04');
  });

  test('synthesizes when the deployed wave is ready (the example\'s first), writing MGN\'s firewall rules for the network team', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const migration = new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(EXAMPLE), asOf: '2026-12-04', waves: ['wave-1'], serverRefresh: 'fixed' });
    expect(() => app.synth()).not.toThrow();
    const file = path.join(outdir, 'Migration.mgn-firewall-rules.json');
    const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ role: string; port: string; status: string }>;
    expect(rows.some((r) => r.role === 'sources' && r.port === '1500' && r.status === 'declared')).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'Migration.mgn-firewall-rules.csv'), 'utf8').split('\n')[0]).toMatch(/^role,name,direction,protocol,port/);
    expect(migration.isDeployed('web-01')).toBe(true);
    expect(migration.isDeployed('legacy-01')).toBe(false);
  });

  test('refuses an asOf that is not a day', () => {
    const app = new App({ outdir: tempOutdir() });
    expect(() => new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(EXAMPLE), asOf: '2026-02-30' }))
      .toThrow(/asOf must be a day written YYYY-MM-DD, such as 2027-02-13, got "2026-02-30"/);
  });
});
