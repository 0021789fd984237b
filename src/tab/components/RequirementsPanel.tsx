import { useState } from 'react';
import { Badge, Button, Link, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { conversationDetailsSchema, type ConversationDetails } from '../../api/conversation.js';
import { useI18n, type TextKey } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';

const colour = { met: 'success', missing: 'danger', notApplicable: 'informative' } as const;

/** Reasons a missing requirement is fixed by changing the agenda's items. */
const fixedByItems = new Set(['noTestResultsItem', 'noFollowUpItem', 'noFollowUpItemMaybeFirst', 'noActionPlanItem']);
/** Reasons that come with a sentence on what to do (requirements.todo.*). */
const withTodo = new Set([...fixedByItems, 'schoolNotDescribed', 'noteNotPublished', 'websiteNotRecorded']);

const useStyles = makeStyles({
  todo: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/**
 * The seven formal requirements of § 40 a for this conversation: each with its
 * state, why, and for a missing one what to do about it. Requirement 5 can be
 * marked "ikke relevant – første samtale" while the app knows of no earlier
 * conversation for the school.
 */
export function RequirementsPanel({
  api,
  conversation,
  onChanged,
}: {
  api: ApiClient;
  conversation: ConversationDetails;
  onChanged: (c: ConversationDetails) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const c = conversation;

  const markFirst = async (first: boolean) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await api.send('PUT', `/conversations/${c.id}/first-conversation`, { version: c.version, first }, conversationDetailsSchema),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t('requirements.title')}>
      <Table size="small" aria-label={t('requirements.title')}>
        <TableBody>
          {c.requirements.map((r) => (
            <TableRow key={r.key} data-requirement={r.key} data-status={r.status}>
              <TableCell>{t(`requirements.key.${r.key}` as TextKey)}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={colour[r.status]}>
                  {t(`requirements.status.${r.status}`)}
                </Badge>
              </TableCell>
              <TableCell>
                <Text size={200} block>
                  {t(`requirements.reason.${r.reason}` as TextKey)}
                </Text>
                {r.status === 'missing' && withTodo.has(r.reason) ? (
                  <div className={styles.todo}>
                    <Text size={200} weight="semibold">
                      {t(`requirements.todo.${r.reason}` as TextKey)}
                    </Text>
                    {fixedByItems.has(r.reason) && c.permissions.editItems ? (
                      <Link href={`#/conversations/${c.id}/edit`}>{t('conversation.editItems')}</Link>
                    ) : null}
                    {r.reason === 'noFollowUpItemMaybeFirst' && c.permissions.markFirstConversation ? (
                      <Button size="small" disabled={busy} onClick={() => void markFirst(true)}>
                        {t('requirements.markFirst')}
                      </Button>
                    ) : null}
                  </div>
                ) : null}
                {r.reason === 'firstConversation' && c.permissions.markFirstConversation ? (
                  <div className={styles.todo}>
                    <Button size="small" disabled={busy} onClick={() => void markFirst(false)}>
                      {t('requirements.unmarkFirst')}
                    </Button>
                  </div>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ErrorMessage error={error} />
    </Panel>
  );
}
