/**
 * EC2 XML answers (namespace http://ec2.amazonaws.com/doc/2016-11-15/) for the launch-template shapes, with
 * the element names @aws-sdk/client-ec2 3.523.0 reads (lower camel case, lists as `<xSet><item>`).
 */

export const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** Escapes text for XML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<name>value</name>` when value is defined. */
export function el(name: string, value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return `<${name}>${typeof value === 'string' ? esc(value) : String(value)}</${name}>`;
}

function set(name: string, items: string[], itemName = 'item'): string {
  return `<${name}>${items.map((i) => `<${itemName}>${i}</${itemName}>`).join('')}</${name}>`;
}

/** `ResponseLaunchTemplateData` as XML. */
export function launchTemplateDataXml(data: Record<string, unknown>): string {
  let out = el('instanceType', data.InstanceType) + el('imageId', data.ImageId) + el('keyName', data.KeyName);
  const iam = data.IamInstanceProfile as Record<string, string> | undefined;
  if (iam) {
    out += `<iamInstanceProfile>${el('arn', iam.Arn)}${el('name', iam.Name)}</iamInstanceProfile>`;
  }
  const nis = data.NetworkInterfaces as Array<Record<string, unknown>> | undefined;
  if (nis) {
    out += set('networkInterfaceSet', nis.map((ni) => el('associatePublicIpAddress', ni.AssociatePublicIpAddress)
      + el('deleteOnTermination', ni.DeleteOnTermination) + el('deviceIndex', ni.DeviceIndex)
      + (ni.Groups ? `<groupSet>${(ni.Groups as string[]).map((g) => el('groupId', g)).join('')}</groupSet>` : '')
      + el('networkInterfaceId', ni.NetworkInterfaceId) + el('privateIpAddress', ni.PrivateIpAddress) + el('subnetId', ni.SubnetId)));
  }
  const p = data.Placement as Record<string, string> | undefined;
  if (p) {
    out += `<placement>${el('availabilityZone', p.AvailabilityZone)}${el('hostId', p.HostId)}${el('tenancy', p.Tenancy)}`
      + `${el('hostResourceGroupArn', p.HostResourceGroupArn)}</placement>`;
  }
  const ts = data.TagSpecifications as Array<{ ResourceType?: string; Tags?: Array<{ Key?: string; Value?: string }> }> | undefined;
  if (ts) {
    out += set('tagSpecificationSet', ts.map((t) => el('resourceType', t.ResourceType)
      + set('tagSet', (t.Tags ?? []).map((tag) => el('key', tag.Key) + el('value', tag.Value)))));
  }
  return out;
}

/** A whole answer document. */
export function document(action: string, requestId: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_NS}"><requestId>${requestId}</requestId>${inner}</${action}Response>`;
}

/** An EC2 error document. */
export function errorDocument(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error></Errors>`
    + `<RequestID>${requestId}</RequestID></Response>`;
}
