/**
 * Why a person could not be signed in, as the tab explains it: the
 * organisation has not approved the app (an administrator must consent), or
 * Entra wants the person to sign in again (multi-factor, a changed password),
 * or sign-in is not possible here at all.
 */
export type SignInProblem = 'consent' | 'interaction' | 'unavailable';

export class SignInError extends Error {
  constructor(
    readonly problem: SignInProblem,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'SignInError';
  }
}

/** AADSTS codes: 65001/65004 consent; 50076/50079/50158/53003/50058/50173 the person must sign in (again). */
const consentCodes = /AADSTS(65001|65004|90094|90008)\b|consent_required/i;
const interactionCodes = /AADSTS(50076|50079|50158|53003|50058|50173|700082)\b|interaction_required|login_required|mfa/i;

/** Sorts whatever MSAL, Teams SSO or Entra threw into what the person can do about it. */
export function classifySignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  const record = (error ?? {}) as { errorCode?: string; subError?: string; message?: string };
  const text = `${record.errorCode ?? ''} ${record.subError ?? ''} ${record.message ?? String(error)}`;
  if (consentCodes.test(text)) return new SignInError('consent', text.trim());
  if (interactionCodes.test(text)) return new SignInError('interaction', text.trim());
  return new SignInError('unavailable', text.trim());
}
