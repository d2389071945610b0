/** Orders the parser is less sure of than this are marked for the assistant's review. */
export const REVIEW_BELOW = 0.75;
