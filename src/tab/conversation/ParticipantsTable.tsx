import { Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { Panel } from '../components/Panel.js';

/** Who takes part, in which role, and what they answered in Outlook. */
export function ParticipantsTable({ conversation }: { conversation: ConversationDetails }) {
  const { t } = useI18n();
  return (
    <Panel title={t('conversation.participantsTitle')}>
      <Table size="small" aria-label={t('conversation.participantsTitle')}>
        <TableBody>
          {conversation.participants.map((p) => (
            <TableRow key={p.upn} data-participant={p.upn}>
              <TableCell>{p.displayName}</TableCell>
              <TableCell>{t(`roles.${p.role}`)}</TableCell>
              <TableCell data-testid="rsvp">
                {conversation.status === 'cancelled'
                  ? t('status.cancelled')
                  : p.invited
                    ? t(`conversation.response.${p.response}`)
                    : t('schoolPart.notInvitedYet')}
                {p.external ? ` · ${t('schoolPart.guest')}` : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
