import * as fs from 'fs';
import Ajv from 'ajv';
import * as model from '../../lib/plan/model/plan';
import { PLAN_SCHEMA, PLAN_SCHEMA_FILE } from '../../lib/plan';
import { compilePlanSchema, VALIDATORS_FILE } from '../../scripts/compile-schema';

type Schema = Record<string, unknown>;

/** Every schema object in the tree, with its JSON Pointer. */
function walk(schema: unknown, at = '#', out: Array<[string, Schema]> = []): Array<[string, Schema]> {
  if (schema !== null && typeof schema === 'object' && !Array.isArray(schema)) {
    const s = schema as Schema;
    out.push([at, s]);
    for (const key of ['properties', 'definitions']) {
      for (const [name, child] of Object.entries((s[key] as Schema | undefined) ?? {})) {
        walk(child, `${at}/${key}/${name}`, out);
      }
    }
    if (s.items) {
      walk(s.items, `${at}/items`, out);
    }
  }
  return out;
}

function definition(name: string): Schema {
  return (PLAN_SCHEMA.definitions as Record<string, Schema>)[name];
}

describe('the plan schema', () => {
  test('is the file published with the package, with an $id, a title and a description', () => {
    expect(JSON.parse(fs.readFileSync(PLAN_SCHEMA_FILE, 'utf8'))).toEqual(PLAN_SCHEMA);
    expect(PLAN_SCHEMA.$id).toMatch(/plan/);
    expect(PLAN_SCHEMA.title).toEqual(expect.any(String));
    expect(PLAN_SCHEMA.description).toEqual(expect.any(String));
  });

  test('describes every property and every definition', () => {
    // GIVEN every property and definition of the schema
    const described = walk(PLAN_SCHEMA).filter(([at]) => /\/(properties|definitions)\/[^/]+$/.test(at));
    // THEN
    expect(described.length).toBeGreaterThan(100);
    const undescribed = described.filter(([, s]) => typeof s.description !== 'string' || s.description.trim() === '').map(([at]) => at);
    expect(undescribed).toEqual([]);
  });

  test('rejects unknown fields in every object', () => {
    const objects = walk(PLAN_SCHEMA).filter(([, s]) => s.type === 'object');
    expect(objects.length).toBeGreaterThan(15);
    // The one map (package name to version) types its values instead.
    const open = objects.filter(([, s]) => s.additionalProperties !== false);
    expect(open.map(([at]) => at)).toEqual(['#/definitions/GuestFacts/properties/packages']);
    expect(open[0][1].additionalProperties).toEqual(expect.objectContaining({ type: 'string' }));
  });

  test('has the enums of the model, value for value', () => {
    const pairs: Array<[string, object]> = [
      ['Hypervisor', model.Hypervisor], ['OsFamily', model.OsFamily], ['ReplicationType', model.ReplicationType],
      ['LicenseChoice', model.LicenseChoice], ['Attestation', model.Attestation], ['FirewallProtocol', model.FirewallProtocol],
      ['FirewallEndpoint', model.FirewallEndpoint], ['DiskProvisioning', model.DiskProvisioning], ['Installation', model.Installation],
      ['Architecture', model.Architecture], ['Bootloader', model.Bootloader], ['Firmware', model.Firmware],
      ['DiskFormat', model.DiskFormat], ['DiskMode', model.DiskMode], ['Datastore', model.Datastore],
      ['PartitionStyle', model.PartitionStyle], ['Addressing', model.Addressing], ['Pagefile', model.Pagefile],
    ];
    for (const [name, values] of pairs) {
      expect({ name, values: definition(name).enum }).toEqual({ name, values: Object.values(values) });
    }
  });

  test('requires exactly the fields the format requires', () => {
    const required = (name: string): unknown => definition(name).required;
    expect(PLAN_SCHEMA.required).toEqual(['version', 'vms']);
    expect(required('Connector')).toEqual(['name', 'hypervisor']);
    expect(required('Vm')).toEqual(['name', 'hypervisor']);
    expect(required('Acknowledgement')).toEqual(['rule', 'reason']);
    expect(required('PlanAcknowledgement')).toEqual(['rule', 'reason']);
    expect(required('FstabEntry')).toEqual(['device']);
    expect(required('EgressRule')).toEqual(['protocol', 'destination']);
    expect(required('IngressRule')).toEqual(['protocol', 'source']);
    const withRequired = walk(PLAN_SCHEMA).filter(([, s]) => Array.isArray(s.required)).map(([at]) => at);
    expect(withRequired.sort()).toEqual(['#', ...['Acknowledgement', 'Connector', 'EgressRule', 'FstabEntry', 'IngressRule',
      'PlanAcknowledgement', 'Vm', 'Wave'].map((d) => `#/definitions/${d}`)]);
  });

  test('is valid draft-07 that a strict ajv compiles', () => {
    expect(new Ajv({ strict: true }).validateSchema(PLAN_SCHEMA)).toBe(true);
  });

  test('the validators the build compiled are those of the schema file as it is now', () => {
    // A schema edited without a build would otherwise be checked by the validators of the old one.
    expect(fs.readFileSync(VALIDATORS_FILE, 'utf8')).toBe(compilePlanSchema(PLAN_SCHEMA_FILE));
  });
});
