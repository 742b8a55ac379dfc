import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { checkConnectorName, checkRoleDescription, checkRoleName, MAX_IAM_NAME_LENGTH } from '../../../lib/sms/iam/iam-names';

/** A string token, which no check judges. */
function token(): string {
  return new CfnParameter(new Stack(new App(), 'Stack'), 'Value').valueAsString;
}

describe('checkRoleName', () => {
  test('accepts an absent name, a token and a name of 64 allowed characters', () => {
    // GIVEN
    const names = [undefined, token(), `a_+=,.@-${'b'.repeat(MAX_IAM_NAME_LENGTH - 8)}`];

    // WHEN
    const found = names.flatMap((name) => checkRoleName('roleName', name));

    // THEN
    expect(found).toEqual([]);
  });

  test('reports a name with a space under the prop given', () => {
    // WHEN
    const found = checkRoleName('launchRoleName', 'a b');

    // THEN
    expect(found).toEqual([{
      errorId: 'cdk-sms-migration:InvalidRoleName',
      message: "launchRoleName 'a b' is not an IAM role name, use 1 to 64 letters, digits and + = , . @ _ -",
    }]);
  });
});

describe('checkRoleDescription', () => {
  test('accepts an absent description, a token, tabs, line breaks and Latin-1 letters', () => {
    // GIVEN
    const descriptions = [undefined, token(), 'migrates\tservers\r\nto EC2 \u00e9t\u00e9'];

    // WHEN
    const found = descriptions.flatMap((description) => checkRoleDescription('description', description));

    // THEN
    expect(found).toEqual([]);
  });

  test('reports a description that is too long and has characters outside Latin-1, both', () => {
    // WHEN
    const found = checkRoleDescription('description', `\u2192${'d'.repeat(1000)}`);

    // THEN
    expect(found.map((detail) => detail.errorId)).toEqual(['cdk-sms-migration:RoleDescriptionTooLong', 'cdk-sms-migration:InvalidRoleDescription']);
  });
});

describe('checkConnectorName', () => {
  test('accepts a token and a name that fills the user name up to 64 characters', () => {
    // GIVEN
    const prefix = 'sms-connector-';

    // WHEN
    const found = [token(), 'c'.repeat(MAX_IAM_NAME_LENGTH - prefix.length)].flatMap((name) => checkConnectorName('name', name, prefix));

    // THEN
    expect(found).toEqual([]);
  });

  test('counts the prefix in the length', () => {
    // WHEN
    const found = checkConnectorName('name', 'c'.repeat(61), 'abcd');

    // THEN
    expect(found).toEqual([{
      errorId: 'cdk-sms-migration:ConnectorNameTooLong',
      message: `name '${'c'.repeat(61)}' is 61 characters long, use at most 60 (the IAM user name abcd<name> holds at most 64)`,
    }]);
  });

  test('reports an empty name alone', () => {
    // WHEN
    const found = checkConnectorName('name', '', 'sms-connector-');

    // THEN
    expect(found.map((detail) => detail.errorId)).toEqual(['cdk-sms-migration:EmptyConnectorName']);
  });
});
