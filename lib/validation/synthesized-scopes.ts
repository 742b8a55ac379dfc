import * as path from 'path';
import { IConstruct } from 'constructs';
import { IAssessedScope } from './assessed-scope';

/**
 * The assessed constructs synthesized into each cloud assembly folder, for the validation plugin: CDK
 * gives a plugin the paths of the templates it validates, and this is how the plugin finds the
 * migrations and assessed jobs (and their assessments) whose stacks those templates are.
 *
 * A folder holds the constructs of one app: synthesizing another app into the same folder replaces them.
 */
const BY_OUTDIR = new Map<string, { root: IConstruct; scopes: Set<IAssessedScope> }>();

/** Records that an assessed construct was synthesized into a folder. */
export function recordSynthesizedScope(outdir: string, scope: IAssessedScope): void {
  const key = path.resolve(outdir);
  const root = scope.node.root;
  let entry = BY_OUTDIR.get(key);
  if (!entry || entry.root !== root) {
    entry = { root, scopes: new Set() };
    BY_OUTDIR.set(key, entry);
  }
  entry.scopes.add(scope);
}

/** The assessed constructs synthesized into the folder that holds a template. */
export function scopesBesideTemplate(templatePath: string): IAssessedScope[] {
  return [...BY_OUTDIR.get(path.dirname(path.resolve(templatePath)))?.scopes ?? []];
}
