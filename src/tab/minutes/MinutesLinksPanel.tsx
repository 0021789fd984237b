import { useState } from 'react';
import { Button, Field, Input, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { minutesDetailsSchema, type MinutesDetails } from '../../api/minutes.js';
import { useI18n } from '../i18n.js';
import { Panel } from '../components/Panel.js';
import { ErrorMessage } from '../components/ErrorMessage.js';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' } });

/** After approval: the documents in SharePoint, the note's stable link, and where the school's website shows it. */
export function MinutesLinksPanel({
  api,
  conversationId,
  minutes,
  onChanged,
}: {
  api: ApiClient;
  conversationId: string;
  minutes: MinutesDetails;
  onChanged: (minutes: MinutesDetails, notice: string) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [website, setWebsite] = useState(minutes.links.website ?? '');
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      const saved = await api.send(
        'PUT',
        `/conversations/${conversationId}/minutes/website-url`,
        { url: website.trim() },
        minutesDetailsSchema,
      );
      setWebsite(saved.links.website ?? '');
      onChanged(saved, t('minutes.websiteSaved'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Panel title={t('minutes.links')}>
      {minutes.links.internal ? (
        <Link href={minutes.links.internal} target="_blank">
          {t('minutes.internal')}
        </Link>
      ) : (
        <Spinner size="tiny" label={t('loading')} />
      )}
      {minutes.links.publicDocx ? (
        <Link href={minutes.links.publicDocx} target="_blank">
          {t('minutes.publicDocx')}
        </Link>
      ) : null}
      {minutes.links.publicNote ? (
        <Link href={minutes.links.publicNote} target="_blank" data-testid="public-link">
          {t('minutes.publicLink')}
        </Link>
      ) : null}
      {minutes.permissions.recordWebsite ? (
        <div className={styles.row}>
          <Field label={t('minutes.website')} hint={t('minutes.websiteHint')} style={{ flex: 1, minWidth: 200 }}>
            <Input type="text" inputMode="url" value={website} placeholder="skolen.dk/notat" onChange={(_, d) => setWebsite(d.value)} />
          </Field>
          <Button onClick={() => void save()} disabled={!website.trim()}>
            {t('minutes.websiteSave')}
          </Button>
        </div>
      ) : minutes.links.website ? (
        <Link href={minutes.links.website} target="_blank">
          {t('minutes.website')}
        </Link>
      ) : null}
      <ErrorMessage error={error} />
    </Panel>
  );
}
