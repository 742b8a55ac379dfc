import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { SmsMigrationError } from '../../errors';

/** The prefix of the id a writer takes under its stage: fixed and namespaced, one writer per file name. */
const WRITER_ID_PREFIX = 'cdk-sms-migration.MgnSourceFiles.';

/**
 * Writes text files into the cloud assembly once per synthesis, however many constructs of however
 * many stacks ask for the same files with the same contents (as `FirewallRulesFile` does for the
 * firewall files): one writer per first file name and stage, a child of the stage.
 */
export class AssemblyFiles extends Construct {
  /**
   * The writer of these files in the stage of `requester`, defined the first time they are asked for;
   * the contents asked for must be those it already writes.
   *
   * @param files file name → text, in the order written
   */
  public static of(requester: IConstruct, files: Readonly<Record<string, string>>): AssemblyFiles {
    const host = Stage.of(requester) ?? requester.node.root;
    const names = Object.keys(files);
    const id = `${WRITER_ID_PREFIX}${names[0]}`;
    const existing = host.node.tryFindChild(id);
    if (existing === undefined) {
      return new AssemblyFiles(host, id, files, requester.node.path);
    }
    if (!(existing instanceof AssemblyFiles)) {
      throw new SmsMigrationError('cdk-sms-migration:FileWriterIdTaken',
        `construct id ${id} is taken by a construct that is not a file writer of this library, `
        + 'rename that construct (or load a single copy of cdk-sms-migration)', requester);
    }
    if (JSON.stringify(existing.files) !== JSON.stringify(files)) {
      throw new SmsMigrationError('cdk-sms-migration:ConflictingAssemblyFile',
        `fileName ${names[0]} is already written by ${existing.firstRequester} with other contents, give one of them another fileName`, requester);
    }
    return existing;
  }

  private constructor(scope: Construct, id: string, private readonly files: Readonly<Record<string, string>>,
    private readonly firstRequester: string) {
    super(scope, id);
    // The synthesis hook `FirewallRulesFile` uses too (see there why).
    attachCustomSynthesis(this, {
      onSynthesize: (session) => {
        for (const [name, text] of Object.entries(files)) {
          fs.writeFileSync(path.join(session.outdir, name), text, 'utf-8');
        }
      },
    });
  }
}
