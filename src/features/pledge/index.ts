export { PledgeReview, type PledgeReviewProps } from './components/pledge-review';
export { SponsorAction, type SponsorActionProps } from './components/sponsor-action';
export { useReservationStore } from './reservation-store';
