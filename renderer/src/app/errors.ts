/** The message to show for a failed call (ApiCallError messages are written for the user). */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
