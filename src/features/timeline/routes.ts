/** Pages of the sponsor's journey this feature links to (all in the sponsor sub-package). */
const root = '/packages/sponsor/pages';

const q = (value: string) => encodeURIComponent(value);

export const sponsorRoutes = {
  sponsorship: (id: string, tab?: 'timeline' | 'ledger' | 'ngo') => `${root}/sponsorship/index?id=${q(id)}${tab ? `&tab=${tab}` : ''}`,
  ledger: (id: string) => `${root}/ledger/index?id=${q(id)}`,
  inbox: () => `${root}/inbox/index`,
  /** The pool, choosing a student to carry the remaining pledge of `carryFrom` over to. */
  poolCarryingFrom: (sponsorshipId: string) => `${root}/pool/index?carryFrom=${q(sponsorshipId)}`,
};
