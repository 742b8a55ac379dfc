import { Command, CommanderError, Option } from 'commander';
import { assessCommand, ASSESS_FORMATS } from './commands/assess';
import { explainCommand, rulesCommand } from './commands/rules';
import { schemaCommand } from './commands/schema';
import { CliIo, UsageError } from './io';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../package.json').version;

/**
 * Runs the `cdk-sms` command line and returns its exit status. Nothing here exits the process or
 * prints a stack trace for a user's mistake: usage errors and unreadable input are exit 2 with a
 * message; only a fault of the tool itself escapes as an exception.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  let status = 0;
  const program = new Command()
    .name('cdk-sms')
    .description('Checks VMware and Hyper-V VMs against every AWS Server Migration Service requirement before anything is created.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    });

  program.command('assess')
    .description('assess every VM and connector of one or more plan files')
    .argument('<plan...>', 'plan files (JSON or YAML)')
    .addOption(new Option('-f, --format <format>', 'report format').choices([...ASSESS_FORMATS]).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--strict', 'warnings (and unknowns reported as warnings) fail too', false)
    .addOption(new Option('--unknown <policy>', 'report a missing fact as a warning or an error').choices(['warn', 'error']).default('warn'))
    .addHelpText('after', '\nExit status: 0 ready (warnings allowed unless --strict), 1 a VM or connector is not ready, 2 unreadable input.')
    .action((plans: string[], options) => {
      status = assessCommand(plans, options, io);
    });

  program.command('rules')
    .description('list every rule')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((options) => {
      status = rulesCommand(options, io);
    });

  program.command('explain')
    .description('explain one rule: why it exists and what to do')
    .argument('<rule>', 'a rule id such as SMS-OS2')
    .action((id: string) => {
      status = explainCommand(id, io);
    });

  program.command('schema')
    .description('print the JSON Schema of the plan file')
    .action(() => {
      status = schemaCommand(io);
    });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are exit 0; every other commander error has already printed its message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`cdk-sms: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  return status;
}
