/** The Compass's chapters (Act, Secure, Invest, Partner) and the general part, in the document's order. */
export const CHAPTERS = ['act', 'secure', 'invest', 'partners', 'general'] as const;
export type Chapter = (typeof CHAPTERS)[number];
