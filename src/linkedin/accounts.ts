// Which LinkedIn account a payload belongs to, in a form stable across pages: Sales Navigator
// profile URNs carry a per-page token ("urn:li:fs_salesProfile:(ACwAA…,NAME_SEARCH,ab12)"), so
// only the member part is kept. The two namespaces cannot be mapped onto each other.

const SALES = /^urn:li:fs_salesProfile:\(([A-Za-z0-9_-]{1,100}),/;
const MEMBER = /^urn:li:fsd_profile:([A-Za-z0-9_-]{1,100})$/;

export function accountOf(urn: string | undefined): string | undefined {
  if (urn === undefined) return undefined;
  const sales = SALES.exec(urn);
  if (sales) return `sales:${sales[1]}`;
  const member = MEMBER.exec(urn);
  return member ? `member:${member[1]}` : undefined;
}
