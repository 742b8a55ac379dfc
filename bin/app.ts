#!/usr/bin/env node
// The example app `cdk synth` runs: the smallest useful replication jobs. `cdk.json` points here.
import { App, Duration, Stack } from 'aws-cdk-lib';
import { LicenseType, ReplicationFrequency, ReplicationJob, ReplicationServer } from '../lib';

const app = new App();
const stack = new Stack(app, 'SmsReplicationJobs', {
  description: 'SMS replication jobs for the example migration',
});

// A VM looked up by name in the SMS server catalog when the stack deploys, replicated every 12 hours.
new ReplicationJob(stack, 'Web01', {
  server: ReplicationServer.fromVmName('web-01'),
  licenseType: LicenseType.BYOL,
  numberOfRecentAmisToKeep: 5,
});

// A server known by its catalog id, replicated every 6 hours.
new ReplicationJob(stack, 'App01', {
  server: ReplicationServer.fromServerId('s-12345678'),
  frequency: ReplicationFrequency.every(Duration.hours(6)),
  description: 'app-01, wave 1',
});

app.synth();
