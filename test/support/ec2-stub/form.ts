/**
 * EC2 query-protocol requests: `application/x-www-form-urlencoded` bodies such as
 * `Action=CreateLaunchTemplateVersion&LaunchTemplateData.NetworkInterface.1.SecurityGroupId.1=sg-1`, turned into
 * a tree (numbered segments become arrays, 1-based) and back from the tree into the SDK's shapes.
 */

/** A parsed form: nested objects, arrays for numbered segments, strings at the leaves. */
export type FormTree = { [key: string]: FormValue };
export type FormValue = string | FormValue[] | FormTree;

/** Parses a form body into a tree. */
export function parseForm(body: string): FormTree {
  const root: FormTree = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.split('.');
    let node: FormTree | FormValue[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const index = /^\d+$/.test(part) ? Number(part) - 1 : undefined;
      const container = node as Record<string | number, FormValue>;
      const slot = index ?? part;
      if (last) {
        container[slot] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(parts[i + 1]);
      if (container[slot] === undefined || typeof container[slot] === 'string') {
        container[slot] = nextIsIndex ? [] : {};
      }
      node = container[slot] as FormTree | FormValue[];
    });
  }
  return root;
}

/** A string leaf, or undefined. */
export function str(v: FormValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A list (holes dropped), or []. */
export function list(v: FormValue | undefined): FormValue[] {
  return Array.isArray(v) ? v.filter((x) => x !== undefined) : [];
}

/** An object, or {}. */
export function obj(v: FormValue | undefined): FormTree {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

function bool(v: FormValue | undefined): boolean | undefined {
  const s = str(v);
  return s === undefined ? undefined : s === 'true';
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * `LaunchTemplateData.*` of a request → the SDK's `ResponseLaunchTemplateData` shape (the parts the stub
 * models: InstanceType, NetworkInterfaces, Placement, IamInstanceProfile, TagSpecifications, ImageId, KeyName).
 */
export function launchTemplateData(tree: FormTree): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (str(tree.InstanceType) !== undefined) {
    data.InstanceType = str(tree.InstanceType);
  }
  if (str(tree.ImageId) !== undefined) {
    data.ImageId = str(tree.ImageId);
  }
  if (str(tree.KeyName) !== undefined) {
    data.KeyName = str(tree.KeyName);
  }
  if (tree.NetworkInterface !== undefined) {
    data.NetworkInterfaces = list(tree.NetworkInterface).map((n) => {
      const ni = obj(n);
      return compact({
        DeviceIndex: str(ni.DeviceIndex) === undefined ? undefined : Number(str(ni.DeviceIndex)),
        SubnetId: str(ni.SubnetId),
        NetworkInterfaceId: str(ni.NetworkInterfaceId),
        Groups: ni.SecurityGroupId === undefined ? undefined : list(ni.SecurityGroupId).map((g) => str(g) ?? ''),
        AssociatePublicIpAddress: bool(ni.AssociatePublicIpAddress),
        DeleteOnTermination: bool(ni.DeleteOnTermination),
        PrivateIpAddress: str(ni.PrivateIpAddress),
      });
    });
  }
  if (tree.Placement !== undefined) {
    const p = obj(tree.Placement);
    data.Placement = compact({
      Tenancy: str(p.Tenancy), HostId: str(p.HostId), HostResourceGroupArn: str(p.HostResourceGroupArn), AvailabilityZone: str(p.AvailabilityZone),
    });
  }
  if (tree.IamInstanceProfile !== undefined) {
    const p = obj(tree.IamInstanceProfile);
    data.IamInstanceProfile = compact({ Name: str(p.Name), Arn: str(p.Arn) });
  }
  if (tree.TagSpecification !== undefined) {
    data.TagSpecifications = list(tree.TagSpecification).map((t) => {
      const ts = obj(t);
      return compact({
        ResourceType: str(ts.ResourceType),
        Tags: list(ts.Tag).map((tag) => compact({ Key: str(obj(tag).Key), Value: str(obj(tag).Value) })),
      });
    });
  }
  return data;
}
