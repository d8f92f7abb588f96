export { LetterList, type LetterListProps } from './components/letter-list';
export { LetterView, type LetterViewProps } from './components/letter-view';
export { LetterCompose, type LetterComposeProps } from './components/letter-compose';
export { ReviewQueue } from './components/review-queue';
export { ReviewLink } from './components/review-link';
export { StudentLetterLinks, type StudentLetterLinksProps } from './components/student-letter-links';
export { composeTargetFromParams } from './compose-target';
export { useLetterDraftStore, type DraftTarget } from '@/lib/letter-drafts';
export { fetchLetters, type LetterSummary, type LetterDetail } from './api';
