import { Token } from 'aws-cdk-lib';
import { ErrorCollector } from '../../errors';

/** Checks a plain value written into the files: a token cannot be, as the files are written at synth. */
export function checkValue(errors: ErrorCollector, prop: string, value: string | undefined, pattern: RegExp, what: string): void {
  if (value === undefined) {
    return;
  }
  if (Token.isUnresolved(value)) {
    errors.add('cdk-sms-migration:UnresolvedSourceSetting', `${prop} is a token, give a plain value: it is written into files at synth`);
  } else if (!pattern.test(value)) {
    errors.add('cdk-sms-migration:InvalidSourceSetting', `${prop} '${value}' is not ${what}`);
  }
}
