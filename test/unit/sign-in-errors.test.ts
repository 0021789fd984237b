import { describe, expect, it } from 'vitest';
import { classifySignInError } from '../../src/tab/auth/sign-in-errors.js';

describe('why a sign-in could not finish', () => {
  it('asks for an administrator when the app lacks consent', () => {
    expect(
      classifySignInError({
        errorCode: 'invalid_grant',
        message: 'AADSTS65001: The user or administrator has not consented to use the application',
      }).problem,
    ).toBe('consent');
    expect(classifySignInError({ errorCode: 'consent_required' }).problem).toBe('consent');
  });

  it('asks the person to sign in again for multi-factor or an expired session', () => {
    expect(
      classifySignInError({ errorCode: 'interaction_required', message: 'AADSTS50076: you must use multi-factor authentication' }).problem,
    ).toBe('interaction');
    expect(classifySignInError(new Error('login_required')).problem).toBe('interaction');
  });

  it('calls anything else unavailable (Teams SSO failing in an old client, a network error)', () => {
    expect(classifySignInError(new Error('FailedToOpenWindow')).problem).toBe('unavailable');
    expect(classifySignInError('resourceDisabled').problem).toBe('unavailable');
  });
});
