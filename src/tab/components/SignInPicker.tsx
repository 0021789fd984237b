import { useEffect, useState } from 'react';
import { Button, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';

interface DemoUser {
  upn: string;
  displayName: string;
  jobTitle: string;
  department: string;
}

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
  const { t } = useI18n();
  const styles = useStyles();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    fetch('/api/dev/users')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { users: DemoUser[] }) => setUsers(body.users))
      .catch(setError);
  }, []);

  const signIn = async (upn: string) => {
    const response = await fetch('/api/dev/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn }),
    });
    if (response.ok) onSignedIn(((await response.json()) as { token: string }).token);
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
