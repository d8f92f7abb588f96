export { CheckinPanel, type CheckinPanelProps } from './components/checkin-panel';
export { CHECKIN_KINDS, CHECKIN_NOTE_MAX, type CheckinKind } from './rules';
export { SupportCard, type SupportCardProps } from './components/support-card';
export { supportLevelOf } from './support';
