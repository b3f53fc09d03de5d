/**
 * The attributes of every date field: plain text typed as YYYY-MM-DD, as its hint says in both
 * languages (a browser's date field shows mm/dd/yyyy whatever the hint says), checked by core.
 */
export const DATE_TEXT_INPUT = {
  type: 'text',
  inputMode: 'numeric',
  autoComplete: 'off',
  spellCheck: false,
  maxLength: 10,
} as const;
