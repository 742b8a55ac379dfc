/**
 * Reading custom resources out of a synthesized template the way CloudFormation hands them to a handler:
 * intrinsics resolved, every scalar turned into a string (`12` → `"12"`, `true` → `"true"`), ServiceToken
 * left out (the driver adds its own, as CloudFormation does).
 */

/** What CloudFormation keeps of a resource besides its properties. */
export type DeletionPolicy = 'Delete' | 'Retain';

/** A custom resource as the driver deploys it. */
export interface ResourceDefinition {
  /** `Custom::SmsReplicationJob`. */
  readonly type: string;
  /** Properties as CloudFormation sends them: strings, arrays and objects of strings, without ServiceToken. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** `Retain`: CloudFormation never sends the Delete when the resource leaves the stack. @default 'Delete' */
  readonly deletionPolicy?: DeletionPolicy;
  /** `Retain`: CloudFormation never sends the Delete for the old physical id after a replacement. @default 'Delete' */
  readonly updateReplacePolicy?: DeletionPolicy;
  /**
   * The template's `DependsOn`: logical ids this resource is created and updated after, and deleted before.
   * Ids that are not among the resources deployed together are ignored. @default - none
   */
  readonly dependsOn?: readonly string[];
}

/**
 * Values of the intrinsics a template refers to: `Ref` by logical id, `Fn::GetAtt` by `LogicalId.Attribute`
 * (what the resources of the stack would have been given by CloudFormation).
 */
export interface IntrinsicValues {
  /** `Ref` values by logical id, and pseudo parameters (`AWS::AccountId`, `AWS::Region`) for `Ref` and `Fn::Sub`. */
  readonly ref?: Readonly<Record<string, string>>;
  readonly getAtt?: Readonly<Record<string, string>>;
}

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly DependsOn?: string | string[];
}

/**
 * The resources of `type` (or of any of the types listed) in a template (`Template.fromStack(stack).toJSON()`),
 * by logical id.
 */
export function customResources(template: unknown, type: string | readonly string[], values: IntrinsicValues = {}):
Record<string, ResourceDefinition> {
  const resources = (template as { Resources?: Record<string, TemplateResource> }).Resources ?? {};
  const types = typeof type === 'string' ? [type] : type;
  const found: Record<string, ResourceDefinition> = {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!types.includes(resource.Type)) {
      continue;
    }
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource.Properties ?? {})) {
      if (key !== 'ServiceToken') {
        properties[key] = asCloudFormationSends(value, values, `${logicalId}.${key}`);
      }
    }
    const dependsOn = resource.DependsOn === undefined ? [] : typeof resource.DependsOn === 'string' ? [resource.DependsOn] : resource.DependsOn;
    found[logicalId] = {
      type: resource.Type,
      properties,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
      deletionPolicy: policy(resource.DeletionPolicy, logicalId, 'DeletionPolicy'),
      updateReplacePolicy: policy(resource.UpdateReplacePolicy, logicalId, 'UpdateReplacePolicy'),
    };
  }
  return found;
}

/**
 * A property value as the handler receives it: scalars as strings, intrinsics resolved. An intrinsic
 * without a value given throws, naming where it is.
 */
export function asCloudFormationSends(value: unknown, values: IntrinsicValues = {}, where = 'value'): unknown {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === null || value === undefined) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => asCloudFormationSends(v, values, `${where}[${i}]`));
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::'))) {
      return resolveIntrinsic(entries[0][0], entries[0][1], values, where);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, asCloudFormationSends(v, values, `${where}.${k}`)]));
  }
  throw new Error(`${where}: ${typeof value} is not a template value`);
}

function resolveIntrinsic(name: string, arg: unknown, values: IntrinsicValues, where: string): string {
  let key: string | undefined;
  let value: string | undefined;
  if (name === 'Ref' && typeof arg === 'string') {
    key = arg;
    value = values.ref?.[arg];
  } else if (name === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2) {
    key = `${String(arg[0])}.${String(arg[1])}`;
    value = values.getAtt?.[key];
  } else if (name === 'Fn::Sub' && typeof arg === 'string') {
    // `${Name}` is a Ref (or a pseudo parameter), `${Logical.Attribute}` a GetAtt, `${!Literal}` stays `${Literal}`.
    return arg.replace(/\$\{([^}]*)\}/g, (_, inner: string) => {
      if (inner.startsWith('!')) {
        return `\${${inner.slice(1)}}`;
      }
      return resolveIntrinsic(inner.includes('.') && !inner.startsWith('AWS::') ? 'Fn::GetAtt' : 'Ref',
        inner.includes('.') && !inner.startsWith('AWS::') ? inner.split('.', 2) : inner, values, `${where} (Fn::Sub)`);
    });
  } else if (name === 'Fn::Join' && Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
    return (arg[1] as unknown[]).map((part, i) => String(asCloudFormationSends(part, values, `${where}[${i}]`))).join(arg[0]);
  }
  if (value === undefined) {
    throw new Error(`${where}: ${JSON.stringify({ [name]: arg })} has no value, give it in IntrinsicValues`
      + `${key === undefined ? '' : ` (${name === 'Ref' ? 'ref' : 'getAtt'} "${key}")`}`);
  }
  return value;
}

function policy(value: string | undefined, logicalId: string, what: string): DeletionPolicy | undefined {
  if (value === undefined || value === 'Delete' || value === 'Retain') {
    return value;
  }
  throw new Error(`${logicalId}: ${what} ${value} is not modelled by the driver, use Delete or Retain`);
}
