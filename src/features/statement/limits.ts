/** The server's limit on one self-reported gift (domain `MAX_GIFT_FEN`; `limits.test.ts` keeps them equal). */
export const MAX_GIFT_FEN = 10_000_000;
