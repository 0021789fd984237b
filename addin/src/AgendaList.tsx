import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationDetails } from '../../src/api/conversation.js';
import { useI18n } from '../../src/tab/i18n.js';
import { formatTime } from '../../src/tab/format.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** The agenda for a narrow pane: one item under the other, with its clock time, minutes, goal and who leads it. */
export function AgendaList({ conversation }: { conversation: ConversationDetails }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  return (
    <section aria-label={t('conversation.agendaTitle')}>
      <Text as="h2" weight="semibold" block style={{ margin: '0 0 8px' }}>
        {t('conversation.agendaTitle')}
      </Text>
      <ol className={styles.list}>
        {conversation.agenda.map((item) => (
          <li key={item.key} className={styles.item}>
            <Text size={200} className={styles.meta}>
              {formatTime(item.startsAt, locale)}–{formatTime(item.endsAt, locale)} · {t('addin.minutes', { minutes: item.minutes })}
              {item.responsibleRoles.length ? ` · ${item.responsibleRoles.map((r) => t(`roles.${r}`)).join(', ')}` : ''}
            </Text>
            <Text weight="semibold">
              {item.number}. {item.title}
            </Text>
            {item.goal ? <Text size={200}>{item.goal}</Text> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The organiser's view of who comes: each invitee, their role and answer from Outlook. */
export function AnswersList({ conversation }: { conversation: ConversationDetails }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <section aria-label={t('conversation.participantsTitle')}>
      <Text as="h2" weight="semibold" block style={{ margin: '0 0 8px' }}>
        {t('conversation.participantsTitle')}
      </Text>
      <ul className={styles.list}>
        {conversation.participants.map((p) => (
          <li key={p.upn} data-participant={p.upn}>
            <Text weight="semibold">{p.displayName}</Text>{' '}
            <Text size={200} className={styles.meta}>
              {t(`roles.${p.role}`)} · {p.invited ? t(`conversation.response.${p.response}`) : t('schoolPart.notInvitedYet')}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
