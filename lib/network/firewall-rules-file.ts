import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { SmsMigrationError } from '../errors';

/**
 * The prefix of the id a file writer takes under its stage (or app): fixed and namespaced, so that
 * every `ConnectorFirewallRules` of the stage that names the same file finds the same writer.
 */
export const FILE_WRITER_ID_PREFIX = 'cdk-sms-migration.ConnectorFirewallRules.';

/** What a file writer writes: the same rows, rendered twice. */
export interface FirewallRulesFileContents {
  /** The name of the files without extension: `<fileName>.json` and `<fileName>.csv`. */
  readonly fileName: string;
  /** The text of `<fileName>.json`, which also tells two requests for the same file name apart. */
  readonly json: string;
  /** The text of `<fileName>.csv`. */
  readonly csv: string;
}

/**
 * Writes `<fileName>.json` and `<fileName>.csv` into the cloud assembly once per synthesis, however
 * many `ConnectorFirewallRules` in however many stacks ask for them.
 *
 * There is one per file name and stage (the app is a stage), a child of the stage itself rather
 * than of a stack: files belong to the assembly, and stacks are synthesized one by one. Use
 * `FirewallRulesFile.of()`.
 */
export class FirewallRulesFile extends Construct {
  /**
   * The writer of this file name in the stage of `requester`, defined the first time it is asked
   * for; the contents asked for must be those it already writes.
   */
  public static of(requester: IConstruct, contents: FirewallRulesFileContents): FirewallRulesFile {
    // Without a stage (a bare construct tree) nothing is synthesized: the root holds the writer all the same.
    const host = Stage.of(requester) ?? requester.node.root;
    const id = `${FILE_WRITER_ID_PREFIX}${contents.fileName}`;
    const existing = host.node.tryFindChild(id);
    if (existing === undefined) {
      return new FirewallRulesFile(host, id, contents, requester.node.path);
    }
    if (!(existing instanceof FirewallRulesFile)) {
      // Two copies of this library in one app, or a user construct with the reserved id.
      throw new SmsMigrationError('cdk-sms-migration:FileWriterIdTaken',
        `construct id ${id} is taken by a construct that is not a connector firewall rules file, `
        + 'rename that construct (or load a single copy of cdk-sms-migration)', requester);
    }
    if (existing.contents.json !== contents.json) {
      throw new SmsMigrationError('cdk-sms-migration:ConflictingFirewallRulesFile',
        `fileName ${contents.fileName} is already written by ${existing.firstRequester} with other connectors, `
        + 'give one of them another fileName', requester);
    }
    return existing;
  }

  private constructor(scope: Construct, id: string, private readonly contents: FirewallRulesFileContents,
    private readonly firstRequester: string) {
    super(scope, id);
    // The hook aws-cdk-lib offers for writing into the assembly at synth. aws-cdk documents it as
    // meant for its own libraries, yet it is the only one that hands over the session's outdir
    // without an aspect or a validation doing I/O; it has kept this shape since CDK v1.
    attachCustomSynthesis(this, {
      onSynthesize: (session) => {
        fs.writeFileSync(path.join(session.outdir, `${contents.fileName}.json`), contents.json, 'utf-8');
        fs.writeFileSync(path.join(session.outdir, `${contents.fileName}.csv`), contents.csv, 'utf-8');
      },
    });
  }
}
