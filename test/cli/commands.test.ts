import * as fs from 'fs';
import * as path from 'path';
import { findRule, RULE_IDS } from '../../lib/rules';
import { ROOT, run } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../package.json').version;

interface RuleJson {
  readonly id: string;
  readonly severity: string;
  readonly hard: boolean;
  readonly title: string;
}

describe('rules', () => {
  test('lists the 67 rules, one line each, in catalogue order', () => {
    const result = run(['rules']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +SEVERITY +HARD +TITLE$/);
    const rows = lines.filter((l) => l.startsWith('SMS-'));
    expect(rows).toHaveLength(67);
    expect(rows.map((r) => r.split(' ')[0])).toEqual([...RULE_IDS]);
    expect(result.stdout).toContain('\n67 rules of AWS Server Migration Service. `cdk-sms explain <id>` tells more about one; '
      + '`cdk-sms rules --target mgn` lists the other pack.\n');
  });

  test('marks hard rules and shows each rule\'s severity and title', () => {
    const rows = run(['rules']).stdout.split('\n');
    const os2 = findRule('SMS-OS2')!;
    expect(rows).toContain(`SMS-OS2    error    yes  ${os2.title}`);
    const net2 = findRule('SMS-NET2')!;
    expect(net2.hard).toBe(false);
    expect(rows).toContain(`SMS-NET2   ${net2.severity.padEnd(9)}     ${net2.title}`);
  });

  test('--format json gives 67 objects with id, severity, hard and title', () => {
    const result = run(['rules', '--format', 'json']);
    expect(result.status).toBe(0);
    const rules = JSON.parse(result.stdout) as RuleJson[];
    expect(rules).toHaveLength(67);
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const rule of rules) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(typeof rule.hard).toBe('boolean');
      expect(rule.title.length).toBeGreaterThan(10);
    }
    expect(rules.find((r) => r.id === 'SMS-OS2')).toMatchObject({ severity: 'error', hard: true, title: findRule('SMS-OS2')!.title });
    expect(rules.filter((r) => r.hard).length).toBeGreaterThan(0);
    expect(rules.filter((r) => !r.hard).length).toBeGreaterThan(0);
  });
});

describe('explain', () => {
  test('explains SMS-OS2: title, severity, why and what to do', () => {
    // GIVEN the rule as the catalogue declares it
    const rule = findRule('SMS-OS2')!;
    // WHEN
    const result = run(['explain', 'SMS-OS2']);
    // THEN
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      `SMS-OS2: ${rule.title}`,
      '',
      `Section:     ${rule.section}`,
      'Applies to:  each VM',
      'Severity:    error (hard: a failure cannot be acknowledged, SMS itself rejects it)',
      '',
      'Why:',
      `  ${rule.explanation}`,
      '',
      'What to do:',
      `  ${rule.remediation}`,
      '',
    ].join('\n'));
    expect(rule.explanation.length).toBeGreaterThan(20);
    expect(rule.remediation.length).toBeGreaterThan(20);
  });

  test('is case-insensitive: sms-os2 is SMS-OS2', () => {
    const lower = run(['explain', 'sms-os2']);
    expect(lower.status).toBe(0);
    expect(lower.stdout).toBe(run(['explain', 'SMS-OS2']).stdout);
    expect(lower.stdout).toMatch(/^SMS-OS2: /);
  });

  test('tells how to acknowledge a rule that can be acknowledged', () => {
    const result = run(['explain', 'SMS-NET1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^SMS-NET1: /);
    expect(result.stdout).toContain('To accept a finding, acknowledge it in the plan with a reason:\n'
      + '  "acknowledge": [ { "rule": "SMS-NET1", "reason": "why this is acceptable" } ]\n');
  });

  test('explains a connector rule as one', () => {
    expect(run(['explain', 'SMS-CON3']).stdout).toContain('Applies to:  each connector\n');
  });
});

describe('schema', () => {
  test('prints valid JSON equal to schema/plan.schema.json', () => {
    const result = run(['schema']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const published = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual(published);
    expect(Object.keys(published)).toContain('properties');
  });
});

describe('help and version', () => {
  test('--help prints the usage on stdout and exits 0', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: cdk-sms \[options\] \[command\]\n/);
    expect(result.stdout).toContain('assess [options] <plan...>');
  });

  test('-h is --help', () => {
    expect(run(['-h'])).toEqual(run(['--help']));
  });

  test('assess --help tells the options and the exit statuses', () => {
    const result = run(['assess', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cdk-sms assess \[options\] <plan\.\.\.>/);
    for (const option of ['--format <format>', '--output <file>', '--strict', '--unknown <policy>']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toContain('Exit status: 0 ready (warnings allowed unless --strict), 1 a VM or connector is not ready, 2 unreadable input.');
  });

  test('help assess is assess --help', () => {
    const result = run(['help', 'assess']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(run(['assess', '--help']).stdout);
  });

  test('--version prints the package version and exits 0', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(run(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(run(['-v'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});
