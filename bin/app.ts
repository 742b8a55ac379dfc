#!/usr/bin/env node
// The example app `cdk synth` runs (cdk.json points here): a migration defined by a plan file.
//   npx cdk synth                          the shipped examples/plan.json
//   npx cdk synth -c plan=my-plan.yaml     another plan
//   npx cdk synth -c waves=wave-1          only some waves (a plan that names none is one wave, all)
//   npx cdk synth -c validationPlugin=true the findings in CDK's validation report (SmsAssessmentPlugin)
import { App, Validations } from 'aws-cdk-lib';
import { Migration, MigrationPlan, PlanFileError, SmsAssessmentPlugin, SmsMigrationError } from '../lib';

const app = new App();
const planFile: string = app.node.tryGetContext('plan') ?? 'examples/plan.json';
const waves: string | undefined = app.node.tryGetContext('waves');
if (String(app.node.tryGetContext('validationPlugin')) === 'true') {
  Validations.of(app).addPlugins(new SmsAssessmentPlugin());
}

let plan: MigrationPlan;
try {
  plan = MigrationPlan.fromFile(planFile);
} catch (e) {
  if (e instanceof PlanFileError) {
    // A mistake in the plan file: say where, without a stack trace.
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  throw e;
}

try {
  new Migration(app, 'Migration', {
    plan,
    waves: waves ? waves.split(',').map((w) => w.trim()).filter((w) => w !== '') : undefined,
  });
} catch (e) {
  if (e instanceof SmsMigrationError) {
    // A wrong value in the context (-c waves=...) or the props: the message says what is allowed.
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  throw e;
}

try {
  app.synth();
} catch (e) {
  // A plan that SMS would refuse: the CDK's validation message names each VM, rule and fix; the
  // stack trace would only point here.
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
