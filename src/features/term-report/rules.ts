/** Term report limits repeated from the API schema, which the app does not bundle (rules.test.ts checks they match). */
export const TERM_RESULT_MAX = 200;
export const GRADE_MIN = 1;
export const GRADE_MAX = 12;
export const TERM_REPORTS_PATH = '/api/student/term-reports';
/** Term report photos go up through the one photo upload route. */
export const PHOTO_UPLOAD_PATH = '/api/letter-photos';
/** The terms a student may choose from: the one under way (or just ended) and the three before it. */
export const TERMS_OFFERED = 4;
