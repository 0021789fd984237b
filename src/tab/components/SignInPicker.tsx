import { useEffect, useMemo, useState } from 'react';
import { Button, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n.js';
import { createApiClient } from '../api-client.js';
import { devSignInSchema, devUsersSchema } from '../../api/catalog.js';
import { ErrorMessage } from './ErrorMessage.js';

type DemoUser = (typeof devUsersSchema)['_zod']['output']['users'][number];

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Local mode: choose who to be among the sandbox's demo people. */
export function SignInPicker({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  // Signing in needs no token: an anonymous client on the same contract.
  const api = useMemo(
    () =>
      createApiClient(
        async () => null,
        () => locale,
      ),
    [locale],
  );
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.get('/dev/users', devUsersSchema).then((body) => setUsers(body.users), setError);
  }, [api]);

  const signIn = async (upn: string) => {
    try {
      onSignedIn((await api.send('POST', '/dev/sign-in', { upn }, devSignInSchema)).token);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <main>
      <Title2 as="h1">{t('signIn.title')}</Title2>
      <Text as="p" block>
        {t('signIn.intro')}
      </Text>
      <ErrorMessage error={error} />
      {!users && !error ? <Spinner label={t('loading')} /> : null}
      <ul className={styles.grid} style={{ listStyle: 'none', padding: 0 }}>
        {users?.map((u) => (
          <li key={u.upn}>
            <div className={styles.card}>
              <Text weight="semibold">{u.displayName}</Text>
              <Text className={styles.meta}>
                {u.jobTitle} · {u.department}
              </Text>
              <Button appearance="primary" onClick={() => signIn(u.upn)} aria-label={t('signIn.as', { name: u.displayName })}>
                {t('signIn.as', { name: u.displayName.split(' ')[0]! })}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
