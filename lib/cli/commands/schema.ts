import { PLAN_SCHEMA } from '../../plan';
import { CliIo } from '../io';

/** `cdk-sms schema`: the plan file's JSON Schema, for editors and other tools. */
export function schemaCommand(io: CliIo): number {
  io.stdout(`${JSON.stringify(PLAN_SCHEMA, null, 2)}\n`);
  return 0;
}
