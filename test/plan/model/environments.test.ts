import { parsePlan } from '../../../lib/plan';
import { environmentKey, environmentResolver } from '../../../lib/plan/model/environments';
import { Vm } from '../../../lib/plan/model/plan';
import { issuesOf } from '../helpers';

const vm = (name: string, extra: Partial<Vm> = {}): Vm => ({ name, hypervisor: 'vmware', ...extra } as Vm);

describe('environmentResolver', () => {
  const waves = [
    { name: 'w1', account: '111111111111', region: 'eu-west-1' },
    { name: 'w2', region: 'us-east-1' },
    { name: 'w3' },
  ];

  test('takes a VM\'s account and Region from its wave, field by field over the fallback', () => {
    // GIVEN the migration's own account and Region as the fallback
    const environmentOf = environmentResolver(waves, { account: '999999999999', region: 'eu-central-1' });
    // WHEN / THEN
    expect(environmentOf(vm('a', { wave: 'w1' }))).toEqual({ account: '111111111111', region: 'eu-west-1' });
    expect(environmentOf(vm('b', { wave: 'w2' }))).toEqual({ account: '999999999999', region: 'us-east-1' });
    expect(environmentOf(vm('c', { wave: 'w3' }))).toEqual({ account: '999999999999', region: 'eu-central-1' });
  });

  test('lets a VM name its own account or Region over its wave\'s', () => {
    const environmentOf = environmentResolver(waves);
    expect(environmentOf(vm('a', { wave: 'w1', region: 'ap-southeast-2' }))).toEqual({ account: '111111111111', region: 'ap-southeast-2' });
    expect(environmentOf(vm('b', { wave: 'w2', account: '222222222222' }))).toEqual({ account: '222222222222', region: 'us-east-1' });
  });

  test('gives the fallback to a VM without a wave, and to a VM whose wave is not listed in waves[]', () => {
    const environmentOf = environmentResolver(waves, { region: 'eu-north-1' });
    expect(environmentOf(vm('a'))).toEqual({ account: undefined, region: 'eu-north-1' });
    expect(environmentOf(vm('b', { wave: 'named-only-by-vms' }))).toEqual({ account: undefined, region: 'eu-north-1' });
  });

  test('leaves unnamed what nobody names, and keys it with *', () => {
    const environmentOf = environmentResolver(undefined);
    const env = environmentOf(vm('a', { wave: 'w1' }));
    expect(env).toEqual({ account: undefined, region: undefined });
    expect(environmentKey(env)).toBe('*/*');
    expect(environmentKey({ account: '111111111111', region: 'eu-west-1' })).toBe('111111111111/eu-west-1');
  });

  test('shares one object between VMs of the same environment', () => {
    const environmentOf = environmentResolver(waves);
    expect(environmentOf(vm('a', { wave: 'w1' }))).toBe(environmentOf(vm('b', { wave: 'w1' })));
    expect(environmentOf(vm('c', { wave: 'w3', account: '111111111111', region: 'eu-west-1' }))).toBe(environmentOf(vm('d', { wave: 'w1' })));
  });
});

describe('account and region in a plan file', () => {
  test('load on waves and VMs, and a malformed one is an error naming its field and what is expected', () => {
    // GIVEN a wave with an account and a Region, a VM with a Region of its own, and a wave with a bad account
    const text = JSON.stringify({
      version: 1,
      waves: [{ name: 'w1', account: '111111111111', region: 'eu-west-1' }, { name: 'w2', account: '1234' }],
      vms: [{ name: 'a', hypervisor: 'vmware', wave: 'w1', region: 'us-east-1' }, { name: 'b', hypervisor: 'vmware', wave: 'w2' }],
    }, null, 2);
    // WHEN
    const issues = issuesOf(text, 'plan.json');
    // THEN only the bad account is refused, at its path
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('waves[1].account');
    expect(issues[0].message).toMatch(/1234/);
    // AND the good fields load
    const good = JSON.parse(text) as { waves: Array<{ account?: string }> };
    delete good.waves[1].account;
    const plan = parsePlan(JSON.stringify(good), 'plan.json').plan;
    expect(plan.waves![0]).toMatchObject({ account: '111111111111', region: 'eu-west-1' });
    expect(plan.vms[0].region).toBe('us-east-1');
  });
});
