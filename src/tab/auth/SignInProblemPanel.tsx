import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n.js';
import type { SignInError } from './sign-in-errors.js';

/**
 * A sign-in that cannot finish is a state, not an error page: the
 * organisation has not approved the app yet (the person asks an
 * administrator, who has a link), or Entra wants the person to sign in again.
 */
export function SignInProblemPanel({
  problem,
  adminConsentUrl,
  onRetry,
}: {
  problem: SignInError;
  adminConsentUrl: string;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <main>
      <h1 id="page-title" tabIndex={-1} style={{ fontSize: 20 }}>
        {t(`signIn.problem.${problem.problem}.title`)}
      </h1>
      <MessageBar intent={problem.problem === 'consent' ? 'warning' : 'info'} layout="multiline" data-sign-in-problem={problem.problem}>
        <MessageBarBody>
          <MessageBarTitle>{t(`signIn.problem.${problem.problem}.title`)}</MessageBarTitle>
          {t(`signIn.problem.${problem.problem}.text`)}
          {problem.problem === 'consent' ? (
            <p style={{ margin: '8px 0 0' }}>
              {t('signIn.problem.consent.forAdmin')}{' '}
              <Link href={adminConsentUrl} target="_blank">
                {t('signIn.problem.consent.link')}
              </Link>
            </p>
          ) : null}
        </MessageBarBody>
        {problem.problem !== 'consent' ? (
          <MessageBarActions>
            <Button appearance="primary" onClick={onRetry}>
              {t('signIn.problem.retry')}
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    </main>
  );
}
