import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_BYTES } from '../../lib/plan';
import { CliRun, EXAMPLE, filesIn, planFile, readyPlan, removeTempDirs, run, STACK_FRAME, tempDir, writeTemp } from './helpers';

afterAll(removeTempDirs);

/**
 * Runs `assess` on input that cannot be read, once to stdout and once with --output, and checks what
 * every such run must do: exit 2, say it on stderr only, print no stack trace and write no report.
 * Returns the stderr of the first run (both must be the same).
 */
function inputError(args: readonly string[]): string {
  const plain = run(['assess', ...args]);
  expectUsageFailure(plain);
  const dir = tempDir();
  const out = path.join(dir, 'report.json');
  const withOutput = run(['assess', ...args, '--format', 'json', '--output', out]);
  expectUsageFailure(withOutput);
  expect(withOutput.stderr).toBe(plain.stderr);
  expect(filesIn(dir)).toEqual([]);
  return plain.stderr;
}

/** Exit 2, nothing on stdout, a message without a stack trace on stderr. */
function expectUsageFailure(result: CliRun): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toBe('');
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr.endsWith('\n')).toBe(true);
}

function writeText(name: string, text: string): string {
  return writeTemp(name, text);
}

describe('files that cannot be read', () => {
  test('fails when the file does not exist', () => {
    const file = path.join(tempDir(), 'plan.json');
    expect(inputError([file])).toBe(`${file}: file not found\n`);
  });

  test('fails when the path is a directory', () => {
    const dir = tempDir();
    expect(inputError([dir])).toBe(`${dir}: is a directory, not a plan file\n`);
  });

  test('fails when the file is empty (0 bytes)', () => {
    const file = writeText('plan.json', '');
    expect(inputError([file])).toBe(`${file}: file is empty (0 bytes): a plan needs at least "version" and "vms"\n`);
  });

  test('fails when the file is above the 256 MiB limit, saying both sizes', () => {
    // GIVEN a sparse file one byte above the default limit (no disk is used, nothing is read)
    const file = path.join(tempDir(), 'huge.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, DEFAULT_MAX_BYTES + 1);
    expect(fs.statSync(file).size).toBe(268_435_457);
    // WHEN / THEN
    const stderr = inputError([file]);
    expect(stderr).toMatch(new RegExp(`^${escape(file)}: file is 256\\.0 MiB \\(268435457 bytes\\), above the 256 MiB \\(268435456 bytes\\) a plan file may hold`));
    expect(stderr.split('\n')).toHaveLength(2);
  });
});

describe('files that are not JSON or YAML', () => {
  test('fails on invalid JSON with the line and column', () => {
    // GIVEN an array closed by a brace on line 4
    const file = writeText('plan.json', '{\n  "version": 1,\n  "vms": [\n}\n');
    expect(inputError([file])).toBe(`${file}:4:1: invalid JSON: expected a value `
      + '(a string in double quotes, a number, true, false, null, an object or an array), got \'}\'\n');
  });

  test('fails on a trailing comma in JSON with its line and column', () => {
    const file = writeText('plan.json', '{\n  "version": 1,\n  "vms": [{ "name": "a", "hypervisor": "vmware" },]\n}\n');
    expect(inputError([file])).toMatch(new RegExp(`^${escape(file)}:3:\\d+: invalid JSON: `));
  });

  test('fails on a YAML syntax error with the line and column', () => {
    // GIVEN a quote that never closes
    const file = writeText('plan.yaml', 'version: 1\nvms:\n  - name: "web-01\n');
    expect(inputError([file])).toBe(`${file}:4:1: invalid YAML: missing closing "quote\n`);
  });

  test('fails on a YAML flow sequence that does not close', () => {
    const file = writeText('plan.yml', 'version: 1\nvms:\n  - name: web-01\n    hypervisor: [vmware\n');
    expect(inputError([file])).toMatch(new RegExp(`^${escape(file)}:5:1: invalid YAML: `));
  });
});

describe('plans that break the schema or their own consistency', () => {
  test('fails on an unknown field, with its path and the field it probably meant', () => {
    // GIVEN a typo in a fact
    const file = planFile((vm) => {
      Object.assign(vm.os!, { verison: '7.3' });
    });
    // THEN the message points at the key (line 80 of the indented plan)
    expect(inputError([file])).toBe(`${file}:80:9: vms[0].os.verison: unknown field "verison" (did you mean "version"?)\n`);
  });

  test('shows the control characters of a quoted name as escapes, never raw on the terminal', () => {
    // GIVEN two VMs named with a screen-clearing escape sequence and a bell
    const vm = { name: 'a\u001b[2J\u0007', hypervisor: 'vmware' };
    const file = writeText('controls.json', JSON.stringify({ version: 1, vms: [vm, vm] }));
    // THEN the duplicate is reported with the name made visible
    expect(inputError([file])).toBe(`${file}:1:72: vms[1].name: duplicate VM name "a\\u001b[2J\\u0007" (also at vms[0].name, line 1)\n`);
  });

  test('fails on a value of the wrong type', () => {
    const file = planFile((vm) => {
      Object.assign(vm.disks![0], { sizeGiB: 'forty' });
    });
    expect(inputError([file])).toBe(`${file}:86:22: vms[0].disks[0].sizeGiB: expected a number, got string "forty"\n`);
  });

  test('fails on duplicate VM names, naming both', () => {
    const file = planFile((vm, plan) => {
      plan.vms.push({ ...vm, source: { ...vm.source, vmId: 'vm-9999' } });
    });
    const stderr = inputError([file]);
    expect(stderr).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: vms\\[1\\]\\.name: duplicate VM name "web-01" \\(also at vms\\[0\\]\\.name, line 64\\)\\n$`));
  });

  test('fails on an empty vms list', () => {
    const file = planFile((_vm, plan) => {
      plan.vms = [];
    });
    expect(inputError([file])).toBe(`${file}:62:10: vms: must list at least one entry (got an empty list)\n`);
  });

  test('fails on a VM naming an undeclared connector', () => {
    const file = planFile((vm) => {
      vm.connector = 'dc2-connector';
    });
    const stderr = inputError([file]);
    expect(stderr).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: vms\\[0\\]\\.connector: `));
    expect(stderr).toContain('dc2-connector');
  });

  test('fails on an acknowledgement of a rule that does not exist', () => {
    const file = planFile((vm) => {
      vm.acknowledge = [{ rule: 'SMS-OS99', reason: 'typo' }];
    });
    const stderr = inputError([file]);
    expect(stderr).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: vms\\[0\\]\\.acknowledge\\[0\\]\\.rule: `));
    expect(stderr).toContain('SMS-OS99');
  });

  test('reports every problem of a file at once, one per line in file order', () => {
    const file = planFile((vm, plan) => {
      Object.assign(vm.os!, { verison: '7.3' });
      Object.assign(vm.disks![0], { sizeGiB: 'forty' });
      // added last, so it is at the end of the file
      Object.assign(plan, { verison: 1 });
    });
    const lines = inputError([file]).trimEnd().split('\n');
    expect(lines.map((l) => l.split(': ')[1])).toEqual(['vms[0].os.verison', 'vms[0].disks[0].sizeGiB', 'verison']);
    expect(lines.every((l) => l.startsWith(`${file}:`))).toBe(true);
  });
});

describe('several plans where one is bad', () => {
  test('fails with exit 2 and no report at all, naming only the bad file', () => {
    // GIVEN a good plan, a bad one, and another good one
    const bad = writeText('bad.json', '{ "version": 1, "vms": [ }');
    const good = planFile();
    // WHEN / THEN nothing of the good plans' reports is printed or written
    const stderr = inputError([EXAMPLE, bad, good]);
    expect(stderr).toMatch(new RegExp(`^${escape(bad)}:1:\\d+: invalid JSON: `));
    expect(stderr).not.toContain(EXAMPLE);
    expect(stderr).not.toContain(good);
  });

  test('names every bad file, in the order given', () => {
    const missing = path.join(tempDir(), 'missing.yaml');
    const empty = writeText('empty.json', '');
    const stderr = inputError([empty, EXAMPLE, missing]);
    expect(stderr).toBe(`${empty}: file is empty (0 bytes): a plan needs at least "version" and "vms"\n${missing}: file not found\n`);
  });
});

describe('usage mistakes', () => {
  test('fails on an unknown option and suggests the one meant', () => {
    const result = run(['assess', EXAMPLE, '--formt', 'json']);
    expectUsageFailure(result);
    expect(result.stderr).toBe('error: unknown option \'--formt\'\n(Did you mean --format?)\n');
  });

  test('fails on a report format that does not exist', () => {
    const result = run(['assess', EXAMPLE, '--format', 'xml']);
    expectUsageFailure(result);
    expect(result.stderr).toBe('error: option \'-f, --format <format>\' argument \'xml\' is invalid. Allowed choices are table, json, markdown, html, junit, sarif.\n');
  });

  test('fails on an unknown policy', () => {
    const result = run(['assess', EXAMPLE, '--unknown', 'maybe']);
    expectUsageFailure(result);
    expect(result.stderr).toBe('error: option \'--unknown <policy>\' argument \'maybe\' is invalid. Allowed choices are warn, error.\n');
  });

  test('writes no report when an option is wrong, even with --output', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    expectUsageFailure(run(['assess', EXAMPLE, '--output', out, '--format', 'xml']));
    expectUsageFailure(run(['assess', EXAMPLE, '--output', out, '--strict=yes']));
    expect(filesIn(dir)).toEqual([]);
  });

  test('fails with no arguments at all, printing the help on stderr', () => {
    const result = run([]);
    expectUsageFailure(result);
    expect(result.stderr).toMatch(/^Usage: cdk-sms \[options\] \[command\]\n/);
    for (const command of ['assess [options] <plan...>', 'rules [options]', 'explain [options] <rule>', 'schema']) {
      expect(result.stderr).toContain(command);
    }
  });

  test('fails on assess with no plan', () => {
    const result = run(['assess']);
    expectUsageFailure(result);
    expect(result.stderr).toBe('error: missing required argument \'plan\'\n');
  });

  test('fails on an unknown command and suggests the one meant', () => {
    const result = run(['asess', EXAMPLE]);
    expectUsageFailure(result);
    expect(result.stderr).toBe('error: unknown command \'asess\'\n(Did you mean assess?)\n');
  });

  test('fails on explain of an id that does not exist, listing the ids there are', () => {
    const result = run(['explain', 'SMS-XX99']);
    expectUsageFailure(result);
    expect(result.stderr).toBe('cdk-sms: SMS-XX99 is not a rule id: ids are SMS-OS1..10, SMS-BOOT1..4, SMS-FS1..3, SMS-DISK1..7, '
      + 'SMS-FREE1..2, SMS-HV1..6, SMS-PREP1..13, SMS-NET1..5, SMS-LIC1..6, SMS-JOB1..5, SMS-CON1..6 (`cdk-sms rules` lists them)\n');
  });

  test('fails on explain of an MGN id that does not exist, listing the MGN ids', () => {
    const result = run(['explain', 'MGN-XX99']);
    expectUsageFailure(result);
    expect(result.stderr).toBe('cdk-sms: MGN-XX99 is not a rule id: ids are MGN-OS1..6, MGN-BOOT1..5, MGN-DISK1, MGN-FREE1..5, '
      + 'MGN-PREP1..17, MGN-NET1..5, MGN-LAUNCH1..2, MGN-LIC1..7, MGN-REP1..5, MGN-QUOTA1..5, MGN-AGL1..6, MGN-CON1..4 '
      + '(`cdk-sms rules --target mgn` lists them)\n');
  });

  test.each([
    ['mgn-os22', 'MGN-OS2'],
    ['mgn_prep2', 'MGN-PREP2'],
    ['SMS-OS22', 'SMS-OS2'],
    ['SMS-PRP2', 'SMS-PREP2'],
    ['OS2', 'SMS-OS2'],
    ['sms_net1', 'SMS-NET1'],
    ['SMS-FS', 'SMS-FS1, SMS-FS2, SMS-FS3'],
  ])('fails on explain %s, suggesting %s', (id, suggested) => {
    const result = run(['explain', id]);
    expectUsageFailure(result);
    expect(result.stderr).toBe(`cdk-sms: ${id} is not a rule id: did you mean ${suggested}?\n`);
  });

  test('fails on explain with no id', () => {
    const result = run(['explain']);
    expectUsageFailure(result);
    expect(result.stderr).toBe('error: missing required argument \'rule\'\n');
  });

  test('fails on rules --format xml', () => {
    const result = run(['rules', '--format', 'xml']);
    expectUsageFailure(result);
    expect(result.stderr).toContain('argument \'xml\' is invalid. Allowed choices are table, json.');
  });
});

describe('the ready fixture these cases start from', () => {
  test('is a valid plan, so each failure above comes from its one change', () => {
    expect(readyPlan().vms[0].name).toBe('web-01');
    expect(run(['assess', planFile()]).status).toBe(0);
  });
});

/** A string as a literal part of a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
