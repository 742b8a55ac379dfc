import * as path from 'path';
import { EXAMPLE, ROOT, run } from './helpers';

const MGN_EXAMPLE = path.join(ROOT, 'examples', 'plan-mgn.json');

interface JsonVm {
  readonly name: string;
  readonly verdict: string;
  readonly evaluationDate?: string;
  readonly replicationMethod?: string;
  readonly tenancy?: string | null;
  readonly findings: ReadonlyArray<{ readonly rule: string }>;
}

describe('assess for MGN', () => {
  test('judges a plan with target mgn by MGN\'s rules, on the --as-of day, and exits 1 for its not-ready VMs', () => {
    const result = run(['assess', MGN_EXAMPLE, '--as-of', '2026-12-04', '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { target: string; matrixDate: string; vms: JsonVm[]; network: { verdict: string } };
    expect(report.target).toBe('mgn');
    expect(report.matrixDate).toBe('2026-12-04');
    expect(report.network.verdict).toBe('ready');
    const legacy = report.vms.find((v) => v.name === 'legacy-01')!;
    expect(legacy).toMatchObject({ verdict: 'not-ready', evaluationDate: '2026-12-04', replicationMethod: 'agent', tenancy: 'default' });
    expect(legacy.findings.map((f) => f.rule)).toContain('MGN-OS3');
    // a VM of a wave is judged on its wave's cutover
    expect(report.vms.find((v) => v.name === 'db-02')?.evaluationDate).toBe('2027-03-27');
  });

  test('--as-of moves the evaluation day: a day after the cutover judges on that day', () => {
    const result = run(['assess', MGN_EXAMPLE, '--as-of', '2027-06-01', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { vms: JsonVm[] };
    expect(report.vms.find((v) => v.name === 'web-01')?.evaluationDate).toBe('2027-06-01');
  });

  test('--target mgn judges an SMS plan by MGN\'s rules without editing it, and lists its SMS acknowledgements that do not carry', () => {
    const result = run(['assess', EXAMPLE, '--target', 'mgn', '--as-of', '2026-12-04', '--format', 'json']);
    expect([0, 1]).toContain(result.status);
    const report = JSON.parse(result.stdout) as { target: string; vms: JsonVm[]; notCarried?: Array<{ rule: string; reason: string }> };
    expect(report.target).toBe('mgn');
    expect(report.vms.every((v) => v.findings.every((f) => f.rule.startsWith('MGN-')))).toBe(true);
    // The example acknowledges SMS-JOB2 and SMS-LIC6: JOB2 has no MGN counterpart that carries, LIC6 carries.
    expect(report.notCarried?.map((a) => a.rule)).toContain('SMS-JOB2');
    expect(report.notCarried?.map((a) => a.rule)).not.toContain('SMS-LIC6');
  });

  test('--compare sms,mgn prints each VM\'s verdict under both and the rules that make the difference, and exits 0', () => {
    const result = run(['assess', EXAMPLE, '--compare', 'sms,mgn', '--as-of', '2026-12-04']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/judged for SMS and for MGN \(as of 2026-12-04\)/);
    expect(result.stdout).toMatch(/\nlegacy-02 +not-ready +\S+ +blocks under SMS only: SMS-OS1/);
    expect(result.stdout).toMatch(/\n25 VMs: \d+ ready under MGN only, \d+ ready under SMS only, \d+ alike\.\n$/);
  });

  test('--compare --format json gives both verdicts and both rule lists per VM', () => {
    const result = run(['assess', MGN_EXAMPLE, '--compare', 'mgn,sms', '--as-of', '2026-12-04', '--format', 'json']);
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as {
      asOf: string; vms: Array<{ name: string; sms: { verdict: string }; mgn: { verdict: string; blocking: string[] }; onlyMgn: string[] }>;
    };
    expect(body.asOf).toBe('2026-12-04');
    // CentOS 7.9 blocks under both, for the same concern (SMS-OS2 and its counterpart MGN-OS3): nothing changes.
    const legacy = body.vms.find((v) => v.name === 'legacy-01')!;
    expect(legacy.mgn).toEqual({ verdict: 'not-ready', blocking: ['MGN-OS3'] });
    expect(legacy.onlyMgn).toEqual([]);
    // MGN's agent needs the running kernel's headers, which SMS never asked for.
    const db = body.vms.find((v) => v.name === 'db-01')!;
    expect(db.onlyMgn).toEqual(['MGN-PREP2']);
  });

  test.each([
    [['--target', 'drs'], /argument 'drs' is invalid\. Allowed choices are sms, mgn\./],
    [['--as-of', '2027-02-30'], /cdk-sms: --as-of 2027-02-30 is not a day: write it YYYY-MM-DD, such as 2027-02-13/],
    [['--compare', 'sms'], /cdk-sms: --compare sms is not a comparison: use --compare sms,mgn/],
    [['--compare', 'sms,mgn', '--format', 'sarif'], /cdk-sms: --compare writes table, json, markdown: --format sarif is not one of them/],
    [['--compare', 'sms,mgn', '--target', 'mgn'], /cdk-sms: --compare judges for both services: leave out --target/],
  ])('refuses %j with exit 2 and a message', (args, message) => {
    const result = run(['assess', MGN_EXAMPLE, ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('rules and explain for MGN', () => {
  test('rules --target mgn lists the 68 MGN rules', () => {
    const result = run(['rules', '--target', 'mgn']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('MGN-'))).toHaveLength(68);
    expect(result.stdout).toContain('68 rules of AWS Application Migration Service.');
  });

  test('explain MGN-OS3 says it is hard and what judges it', () => {
    const result = run(['explain', 'MGN-OS3']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^MGN-OS3: /);
    expect(result.stdout).toContain('hard: a failure cannot be acknowledged, MGN itself rejects it');
  });
});
