import { useState } from 'react';
import { Select, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { copenhagenToday, formatShortDate } from '../format.js';

const useStyles = makeStyles({ overdue: { color: tokens.colorPaletteRedForeground1 } });
import type { ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';
import { conversationDetailsSchema } from '../../api/conversation.js';

type Status = ConversationDetails['followUp'][number]['status'];
const statuses: Status[] = ['open', 'inProgress', 'done', 'dropped'];

/** Agreements from the school's earlier conversations; the school leader says where each stands. */
export function FollowUpPanel({
  api,
  conversation,
  onChanged,
}: {
  api: ApiClient;
  conversation: ConversationDetails;
  onChanged: (c: ConversationDetails) => void;
}) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const styles = useStyles();
  const editable = conversation.permissions.editSchoolPart;
  const today = copenhagenToday(new Date(conversation.serverNow));
  // An agreement is overdue when its due date has passed and it is neither done nor dropped.
  const overdue = (a: ConversationDetails['followUp'][number]) =>
    a.dueDate !== null && a.dueDate < today && (a.status === 'open' || a.status === 'inProgress');
  const day = (iso: string) => formatShortDate(`${iso}T12:00:00Z`, locale);
  const setStatus = async (agreementId: string, status: Status) => {
    setError(null);
    try {
      onChanged(await api.send('PUT', `/conversations/${conversation.id}/follow-up/${agreementId}`, { status }, conversationDetailsSchema));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Panel title={t('followUp.title')}>
      {conversation.followUp.length === 0 ? <Text>{t('followUp.empty')}</Text> : null}
      {conversation.followUp.length > 0 ? (
        <Table size="small" aria-label={t('followUp.title')}>
          <TableBody>
            {conversation.followUp.map((a) => (
              <TableRow key={a.id} data-agreement={a.what}>
                <TableCell>
                  <Text weight="semibold">{a.what}</Text>
                  <br />
                  <Text size={200}>
                    {t('followUp.owner', { owner: a.owner })} ·{' '}
                    {a.dueDate ? (
                      overdue(a) ? (
                        <Text size={200} weight="semibold" className={styles.overdue} data-testid="overdue">
                          {t('followUp.overdue', { date: day(a.dueDate) })}
                        </Text>
                      ) : (
                        t('followUp.due', { date: day(a.dueDate) })
                      )
                    ) : (
                      t('followUp.noDue')
                    )}{' '}
                    · {t('followUp.agreedAt', { date: formatShortDate(a.madeAt, locale) })}
                  </Text>
                </TableCell>
                <TableCell>
                  {editable ? (
                    <Select
                      aria-label={t('followUp.statusFor', { what: a.what })}
                      value={a.status}
                      onChange={(_, d) => void setStatus(a.id, d.value as Status)}
                    >
                      {statuses.map((s) => (
                        <option key={s} value={s}>
                          {t(`followUp.status.${s}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Text data-testid="follow-up-status">{t(`followUp.status.${a.status}`)}</Text>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <ErrorMessage error={error} />
    </Panel>
  );
}
