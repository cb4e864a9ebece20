/**
 * The forms of a Lake Formation principal: the IAM_ALLOWED_PRINCIPALS group, an account (or its
 * `:IAMPrincipals`), an IAM role, user or SAML provider/user, an organization or OU, an Identity Center
 * user or group. A string of none of these forms can never match a grant, so a list holding one is a typo.
 */
const PRINCIPAL_FORMS = [
  /^IAM_ALLOWED_PRINCIPALS$/,
  /^\d{12}(:IAMPrincipals)?$/,
  /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/,
  /^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/.+$/,
  /^arn:aws[a-z-]*:organizations::\d{12}:(organization|ou)\/.+$/,
  /^arn:aws[a-z-]*:identitystore:::(user|group)\/.+$/,
];

export const PRINCIPAL_EXAMPLES =
  'arn:aws:iam::111122223333:role/dr-admin, 111122223333, IAM_ALLOWED_PRINCIPALS';

/** True when `text` has the form of a Lake Formation principal. */
export function isPrincipal(text: string): boolean {
  return PRINCIPAL_FORMS.some((form) => form.test(text));
}
