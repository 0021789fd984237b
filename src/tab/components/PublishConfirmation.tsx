import { useEffect, useRef } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MinutesContent } from '../../api/minutes.js';
import { useI18n } from '../i18n.js';
import { formatShortDate } from '../format.js';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  note: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', padding: tokens.spacingHorizontalXS, overflowWrap: 'anywhere' },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * The last step before publishing: exactly what the public page, the Word
 * note and every participant's chat will show — the note and the agreements
 * with their owners — and a plain question. Inline, not a modal, so the page
 * stays readable to screen readers; focus moves to the question.
 */
export function PublishConfirmation({
  content,
  busy,
  onConfirm,
  onCancel,
}: {
  content: Pick<MinutesContent, 'publicNote' | 'agreements'>;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const date = (iso: string | null) => (iso ? formatShortDate(`${iso}T12:00:00`, locale) : '–');
  return (
    <section className={styles.box} aria-labelledby="publish-question" data-testid="publish-confirmation">
      <Text as="h2" size={500} weight="semibold" id="publish-question" ref={heading} tabIndex={-1}>
        {t('minutes.publishQuestion')}
      </Text>
      <Text>{t('minutes.publishExplain')}</Text>
      <Text weight="semibold">{t('minutes.publicNote')}</Text>
      <div className={styles.note} data-testid="publish-preview">
        {content.publicNote}
      </div>
      {content.agreements.length > 0 ? (
        <table className={styles.table}>
          <caption>
            <Text weight="semibold">{t('minutes.agreements')}</Text>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('minutes.what')}</th>
              <th scope="col">{t('minutes.ownerShort')}</th>
              <th scope="col">{t('minutes.due')}</th>
              <th scope="col">{t('minutes.followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {content.agreements.map((a) => (
              <tr key={a.id}>
                <td>{a.what}</td>
                <td>{a.owner}</td>
                <td>{date(a.dueDate)}</td>
                <td>{date(a.followUpDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onConfirm} disabled={busy}>
          {busy ? t('minutes.approving') : t('minutes.publishYes')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('minutes.publishNo')}
        </Button>
      </div>
    </section>
  );
}
