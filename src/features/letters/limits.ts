/**
 * The letter limits of domain/letters.ts, repeated here because the mini-program build compiles only
 * src/ (it takes types, never code, from domain/); limits.test.ts keeps the two equal.
 */
export const LETTER_BODY_MAX = 5000;
export const LETTER_PHOTOS_MAX = 3;
