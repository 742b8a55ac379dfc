import * as path from 'path';
import { IConstruct } from 'constructs';

/**
 * The migrations synthesized into each cloud assembly folder, for the validation plugin: CDK gives a
 * plugin the paths of the templates it validates, and this is how the plugin finds the migrations
 * (and their assessments) whose stacks those templates are.
 *
 * A folder holds the migrations of one app: synthesizing another app into the same folder replaces them.
 */
const BY_OUTDIR = new Map<string, { root: IConstruct; migrations: Set<IConstruct> }>();

/** Records that a migration was synthesized into a folder. */
export function recordSynthesizedMigration(outdir: string, migration: IConstruct): void {
  const key = path.resolve(outdir);
  const root = migration.node.root;
  let entry = BY_OUTDIR.get(key);
  if (!entry || entry.root !== root) {
    entry = { root, migrations: new Set() };
    BY_OUTDIR.set(key, entry);
  }
  entry.migrations.add(migration);
}

/** The migrations synthesized into the folder that holds a template. */
export function migrationsBesideTemplate(templatePath: string): IConstruct[] {
  return [...BY_OUTDIR.get(path.dirname(path.resolve(templatePath)))?.migrations ?? []];
}
