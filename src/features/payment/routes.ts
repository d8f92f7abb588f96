/** The pay page of one sponsorship (sponsor sub-package). */
export const payRoute = (sponsorshipId: string) => `/packages/sponsor/pages/pay/index?sponsorshipId=${encodeURIComponent(sponsorshipId)}`;
