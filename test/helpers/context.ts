import { effectiveReplication } from '../../lib/rules/sms/replication-settings';
import { resolveLicense } from '../../lib/rules/sms/license-resolution';
import { Connector, PlanDefaults, Vm } from '../../lib/plan/model/plan';
import { ConnectorContext, VmContext } from '../../lib/assessment/rule';

/** Options for building a rule context in tests. */
export interface VmContextOptions {
  /** The plan's `defaults`, as JSON. */
  readonly defaults?: object;
  /** The connector the VM uses, as JSON. */
  readonly connector?: object;
  /** Names of other VMs naming the same server (SMS-JOB3). */
  readonly sameServer?: string[];
  /** 1-based position of the VM in the plan (SMS-JOB4). */
  readonly position?: number;
  /** @default 50 */
  readonly jobQuota?: number;
  /** @default 2026-11-25T00:00:00Z */
  readonly now?: Date;
}

/** A fixed moment for tests that judge seed times. */
export const TEST_NOW = new Date('2026-11-25T00:00:00Z');

/**
 * Builds the context a VM rule sees, from a VM written as it would be in a plan file (plain JSON).
 * `name` and `hypervisor` default to `vm-1` and `vmware`.
 */
export function vmContext(vm: object, options: VmContextOptions = {}): VmContext {
  const full = { name: 'vm-1', hypervisor: 'vmware', ...vm } as Vm;
  const replication = effectiveReplication(full.replication, options.defaults as PlanDefaults | undefined);
  return {
    vm: full,
    replication,
    license: resolveLicense(full.os, replication.licenseType),
    connector: options.connector as Connector | undefined,
    plan: {
      sameServer: new Map([[full.name, options.sameServer ?? []]]),
      position: new Map([[full.name, options.position ?? 1]]),
      jobQuota: options.jobQuota ?? 50,
    },
    now: options.now ?? TEST_NOW,
  };
}

/** Builds the context a connector rule sees, from a connector written as JSON. */
export function connectorContext(connector: object): ConnectorContext {
  return { connector: { name: 'c-1', hypervisor: 'vmware', ...connector } as Connector };
}
