/** What a guardian's consent may cover, when recorded as codes (comma-separated, as in imported records). */
export const CONSENT_SCOPES = ['program', 'sponsor_profile', 'letters', 'photos'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

function isConsentScope(code: string): code is ConsentScope {
  return (CONSENT_SCOPES as readonly string[]).includes(code);
}

/** The codes a recorded scope lists, in order; null when the scope is written in words instead. */
export function consentScopeCodes(scope: string): ConsentScope[] | null {
  const codes = scope.split(',').map((code) => code.trim());
  return codes.length > 0 && codes.every(isConsentScope) ? codes : null;
}
