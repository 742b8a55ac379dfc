import { Plan } from '../../../lib/plan/model/plan';

/** Names a shell would take apart if they were not quoted: quotes, blanks, `$`, backticks, `;`, a line break. */
export const HOSTILE_NAMES: readonly string[] = [
  'it\'s',
  'two words',
  '$(touch /tmp/pwned)',
  '`id`',
  'a;b',
  'say "hi"',
  '$env:PATH',
  'back\\slash"',
  'trailing\\',
  'smart\u2019quote',
  'line\nbreak',
  '--no-prompt',
];

/** A plan with a Linux, a Windows, an unknown-OS and an agentless VM. */
export function sourcePlan(extraVms: object[] = []): Plan {
  return {
    version: 1,
    target: 'mgn',
    mgn: { region: 'eu-west-1' },
    connectors: [{ name: 'dc1-vcc', hypervisor: 'vmware', vcenterPort: 8443 }, { name: 'hv', hypervisor: 'hyperv' }],
    vms: [
      { name: 'web-01', hypervisor: 'vmware', connector: 'dc1-vcc', os: { family: 'linux' } },
      { name: 'app-01', hypervisor: 'vmware', connector: 'dc1-vcc', os: { family: 'windows' } },
      { name: 'odd-01', hypervisor: 'vmware', connector: 'dc1-vcc' },
      { name: 'snap-01', hypervisor: 'vmware', connector: 'dc1-vcc', os: { family: 'linux' }, mgn: { replication: { method: 'agentless' } } },
      ...extraVms,
    ],
  } as unknown as Plan;
}

/**
 * The strings a program built on the Microsoft C runtime receives for a command line
 * (CommandLineToArgvW's rules since 2008), to check what the PowerShell command hands the installer.
 */
export function windowsArgv(commandLine: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < commandLine.length) {
    while (commandLine[i] === ' ' || commandLine[i] === '\t') {
      i++;
    }
    if (i >= commandLine.length) {
      break;
    }
    let arg = '';
    let quoted = false;
    while (i < commandLine.length && (quoted || (commandLine[i] !== ' ' && commandLine[i] !== '\t'))) {
      let backslashes = 0;
      while (commandLine[i] === '\\') {
        backslashes++;
        i++;
      }
      if (commandLine[i] === '"') {
        arg += '\\'.repeat(Math.floor(backslashes / 2));
        if (backslashes % 2 === 1) {
          arg += '"';
        } else if (quoted && commandLine[i + 1] === '"') {
          arg += '"';
          i++;
        } else {
          quoted = !quoted;
        }
        i++;
      } else {
        arg += '\\'.repeat(backslashes);
        if (i < commandLine.length) {
          arg += commandLine[i];
          i++;
        }
      }
    }
    args.push(arg);
  }
  return args;
}

/**
 * Reads the PowerShell single-quoted string literal at `text[start]`: the value and where it ends.
 * Inside, every character is literal except a single quote (ASCII or U+2018-U+201B), which ends the
 * string unless doubled.
 */
export function readPsSingleQuoted(text: string, start: number): { value: string; end: number } {
  const quotes = '\'\u2018\u2019\u201a\u201b';
  if (!quotes.includes(text[start])) {
    throw new Error(`no single-quoted string at ${start}: ${text.slice(start, start + 20)}`);
  }
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) {
      throw new Error('unterminated single-quoted string');
    }
    if (quotes.includes(text[i])) {
      if (i + 1 < text.length && quotes.includes(text[i + 1])) {
        value += text[i];
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i];
    i++;
  }
}
