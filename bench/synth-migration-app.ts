// A CDK app for `npm run bench`: a `Migration` over the plan file given as the first argument,
// synthesized into the folder given as the second. Run by bench/run.js in a process of its own.
//   node bench/synth-migration-app.js PLAN OUTDIR
import { App } from 'aws-cdk-lib';
// From the package's root, as an app imports it.
import { Migration, MigrationPlan } from '../lib';

const [planFile, outdir] = process.argv.slice(2);
const app = new App({ outdir });
new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(planFile) });
const assembly = app.synth();
process.stdout.write(`${assembly.stacks.length} stacks\n`);
