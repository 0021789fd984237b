import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { formatTime } from '../format.js';
import { Panel } from '../components/Panel.js';

/** The agenda with its clock times, as everyone reads it. */
export function AgendaTable({ conversation, className }: { conversation: ConversationDetails; className?: string }) {
  const { t, locale } = useI18n();
  return (
    <Panel title={t('conversation.agendaTitle')} className={className}>
      <Table size="small" aria-label={t('conversation.agendaTitle')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 120 }}>{t('plan.time')}</TableHeaderCell>
            <TableHeaderCell>{t('conversation.agendaTitle')}</TableHeaderCell>
            <TableHeaderCell>{t('plan.minutes')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {conversation.agenda.map((item) => (
            <TableRow key={item.key}>
              <TableCell>
                {formatTime(item.startsAt, locale)}–{formatTime(item.endsAt, locale)}
              </TableCell>
              <TableCell>
                <Text weight="semibold">
                  {item.number}. {item.title}
                </Text>
                {item.goal ? (
                  <Text as="p" block size={200}>
                    {item.goal}
                  </Text>
                ) : null}
              </TableCell>
              <TableCell>{item.minutes}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
