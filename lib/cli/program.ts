import { Command, CommanderError, Option } from 'commander';
import type * as AssessCommand from './commands/assess';
import type * as ImportCommand from './commands/import';
import type * as MgnCommand from './commands/mgn';
import type * as RulesCommand from './commands/rules';
import type * as SchemaCommand from './commands/schema';
import type * as StatusCommand from './commands/status';
import { ASSESS_FORMATS, IMPORT_FORMATS } from './formats';
import { CliIo, UsageError } from './io';
import { ImportSource } from '../importers/import-source';
import { visibleControls } from '../private/visible-controls';

/** The `import` subcommands: the inventory each reads, and how its files are described. */
const IMPORT_KINDS: ReadonlyArray<{ source: ImportSource; files: string; description: string }> = [
  {
    source: ImportSource.RVTOOLS,
    files: '<file...>',
    description: 'import an RVTools export (an .xlsx workbook, or its tab CSVs)',
  },
  {
    source: ImportSource.SMS_CATALOG,
    files: '<file>',
    description: 'import the SMS server catalog: the JSON that `aws sms get-servers` prints',
  },
  {
    source: ImportSource.HYPERV,
    files: '<file...>',
    description: 'import Hyper-V or SCVMM exports: CSVs (or JSON) of Get-VM, Get-VMHardDiskDrive, Get-VHD, '
      + 'Get-SCVirtualMachine, Get-SCVirtualHardDisk',
  },
];

/** `--pack` collects its values: each use adds a file, in order. */
function collectPack(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../package.json').version;

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Each command's module, loaded when the command runs: `--help` or `rules` loads neither the plan
 * loader nor the renderers, `assess` not the importers (in the `cdk-sms` bundle, the import command is
 * a file of its own, read only by `import`).
 */
const commands = {
  assess: () => require('./commands/assess') as typeof AssessCommand,
  import: () => require('./commands/import') as typeof ImportCommand,
  rules: () => require('./commands/rules') as typeof RulesCommand,
  schema: () => require('./commands/schema') as typeof SchemaCommand,
  // In the `cdk-sms` bundle, a file of its own with the MGN client inside it, read only by `status`.
  status: () => require('./commands/status') as typeof StatusCommand,
  // In the `cdk-sms` bundle, a file of its own with the MGN client and the cutover runbook, read only by `mgn`.
  mgn: () => require('./commands/mgn') as typeof MgnCommand,
};

/** The `mgn` verbs: the cutover runbook's parts, each run by a person or a pipeline stage (the approvals between them). */
const MGN_VERBS: ReadonlyArray<{ verb: string; description: string }> = [
  {
    verb: 'test',
    description: 'wait until every server of the wave is READY_FOR_TEST, launch the test instances (StartTest, jobs of at most 200 '
      + 'servers) and wait for the jobs',
  },
  {
    verb: 'cutover',
    description: 'once the test is accepted: mark the servers ready for cutover, launch the cutover instances (StartCutover) and '
      + 'wait for the jobs',
  },
  {
    verb: 'finalize',
    description: 'once the cutover is accepted: finalize it (FinalizeCutover), archive the servers, the wave\'s applications and the wave',
  },
];
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Runs the `cdk-sms` command line and returns its exit status. Nothing here exits the process or
 * prints a stack trace for a user's mistake: usage errors and unreadable input are exit 2 with a
 * message; only a fault of the tool itself escapes as an exception.
 *
 * Every command but `status` and `mgn` runs synchronously; those (which call MGN) need `runCliAsync`.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const result = parseCli(argv, io);
  if (typeof result !== 'number') {
    throw new Error('this command runs asynchronously: call runCliAsync');
  }
  return result;
}

/** Runs the `cdk-sms` command line, every command included, and resolves to its exit status (as `runCli`). */
export async function runCliAsync(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await parseCli(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cdk-sms: ${visibleControls(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

function parseCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  let status: number | Promise<number> = 0;
  const program = new Command()
    .name('cdk-sms')
    .description('Checks VMware and Hyper-V VMs against every requirement of AWS Server Migration Service (SMS) or AWS Application '
      + 'Migration Service (MGN) before anything is created.')
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
    .option('--compact', 'JSON without indentation or line breaks (smaller and quicker to write; --format json only)')
    .option('--strict', 'warnings (and unknowns reported as warnings) fail too', false)
    .addOption(new Option('--unknown <policy>', 'report a missing fact as a warning or an error').choices(['warn', 'error']).default('warn'))
    .addOption(new Option('-t, --target <target>', 'judge for this service, whatever the plan\'s own target says').choices(['sms', 'mgn']))
    .option('--as-of <day>', 'the assessment day, YYYY-MM-DD (UTC): MGN judges OS retirement on it, or on a later wave cutover '
      + '(default: today)')
    .option('--compare <targets>', 'judge each plan for both services (sms,mgn) and print, per VM, each verdict and the rules '
      + 'that decide the difference')
    .option('--pack <file>', 'an organisation rule pack: a JavaScript (CommonJS) file whose module.exports (or exports.pack) is an '
      + 'OrganizationRulePack; repeat it to apply several, in order', collectPack, [])
    .option('--deployed [waves]', 'only the VMs a deployment deploys decide the exit status, as at cdk synth: those of every wave '
      + '(unscheduled VMs left out), or of the waves listed (comma-separated; all for a plan that names none); every VM is still reported')
    .addHelpText('after', '\nExit status: 0 ready (warnings allowed unless --strict), 1 a VM or connector is not ready, 2 unreadable input.')
    .action((plans: string[], options) => {
      status = commands.assess().assessCommand(plans, options, io);
    });

  const importGroup = program.command('import')
    .description('write a plan from an inventory, or merge the inventory into a plan, keeping every hand edit');
  for (const kind of IMPORT_KINDS) {
    importGroup.command(kind.source)
      .description(kind.description)
      .argument(kind.files, 'the export files')
      .option('--into <plan>', 'merge into this plan file (and write it back there unless --output says otherwise)')
      .option('-o, --output <file>', 'write the plan to this file (default: the --into file, else standard output)')
      .option('--dry-run', 'print the summary only: write nothing')
      .addOption(new Option('-f, --format <format>', 'format of the written plan (default: the --into file\'s, else json)')
        .choices([...IMPORT_FORMATS]))
      .option('--target <target>', 'the service the plan migrates through, sms or mgn: written into a new plan, '
        + 'set on the --into plan (default: a new plan has none, meaning sms; the --into plan keeps its own)')
      .addHelpText('after', '\nThe summary goes to standard error. Exit status: 0 done, 2 input that cannot be used (nothing is written).')
      .action((files: string | string[], options) => {
        status = commands.import().importCommand(kind.source, Array.isArray(files) ? files : [files], options, io);
      });
  }

  program.command('rules')
    .description('list every rule of a pack')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('-t, --target <target>', 'the pack: sms (AWS Server Migration Service) or mgn (AWS Application '
      + 'Migration Service)').choices(['sms', 'mgn']).default('sms'))
    .option('--pack <file>', 'list the rules as organisation rule pack files make them (repeatable, in order)', collectPack, [])
    .action((options) => {
      status = commands.rules().rulesCommand(options, io);
    });

  program.command('explain')
    .description('explain one rule: why it exists and what to do')
    .argument('<rule>', 'a rule id such as SMS-OS2 or MGN-OS3, or an organisation rule pack\'s with --pack')
    .option('--pack <file>', 'organisation rule pack files whose rules are explained too (repeatable, in order)', collectPack, [])
    .action((id: string, options) => {
      status = commands.rules().explainCommand(id, io, options);
    });

  program.command('status')
    .description('show where each VM of a plan stands in AWS Application Migration Service (MGN): its source server, '
      + 'lifecycle and replication state, lag, and whether its settings match the plan (read-only)')
    .argument('<plan>', 'the plan file (JSON or YAML)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--region <region>', 'the Region to read (default: AWS_REGION, else the plan\'s mgn.region)')
    .addHelpText('after', '\nCredentials and endpoints come from the standard AWS environment (AWS_PROFILE, AWS_ACCESS_KEY_ID, '
      + 'AWS_ENDPOINT_URL_MGN, ...).\nExit status: 0 read, 2 input that cannot be used, 4 a call to MGN failed.')
    .action((plan: string, options) => {
      status = commands.status().statusCommand(plan, options, io);
    });

  const mgnGroup = program.command('mgn')
    .description('run the cutover runbook of one wave in AWS Application Migration Service (MGN): test, cutover, finalize');
  for (const { verb, description } of MGN_VERBS) {
    mgnGroup.command(verb)
      .description(description)
      .requiredOption('--wave <name>', 'the wave\'s name in MGN (case-insensitive)')
      .argument('[plan]', 'a plan file (JSON or YAML): the wave must be one of its waves; its mgn.region is the Region when no other says it')
      .option('--region <region>', 'the Region (default: AWS_REGION, else the plan\'s mgn.region)')
      .option('--no-wait', 'start what is to be started and return: do not wait for servers or jobs')
      .option('--timeout <duration>', 'the longest wait, such as 30m, 4h or 2d', '2h')
      .option('--interval <duration>', 'the wait between two polls of MGN', '30s')
      .addHelpText('after', '\nCredentials and endpoints come from the standard AWS environment (AWS_PROFILE, AWS_ACCESS_KEY_ID, '
        + 'AWS_ENDPOINT_URL_MGN, ...). Running a verb again does nothing twice.\nExit status: 0 done (or started, with --no-wait), '
        + '2 input that cannot be used (no such wave, no Region, a step out of order), 4 a call to MGN or a server\'s launch failed, '
        + '5 not done when the wait ended.')
      .action((plan: string | undefined, options) => {
        status = commands.mgn().mgnCommand(verb, plan, options, io);
      });
  }

  program.command('schema')
    .description('print the JSON Schema of the plan file')
    .action(() => {
      status = commands.schema().schemaCommand(io);
    });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are exit 0; every other commander error has already printed its message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`cdk-sms: ${visibleControls(e.message)}\n`);
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
