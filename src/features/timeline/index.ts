export { SponsorshipScreen, type SponsorshipScreenProps, type SponsorshipTab } from './components/sponsorship-screen';
export { Timeline, type TimelineProps } from './components/timeline';
export { TimelineItemView } from './components/timeline-item';
export { sponsorRoutes } from './routes';
export { fetchSponsorship, fetchTimeline, type SponsorshipDetail, type TimelineItem } from './api';
