import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ConversationDetails } from '../../src/api/conversation.js';
import { useI18n } from '../../src/tab/i18n.js';
import type { MeetingItemHost } from './office-host.js';

/** The organiser changed the meeting's time in Outlook: does its length still match the agenda's minutes? */
export function LengthCheck({ host, conversation }: { host: MeetingItemHost; conversation: ConversationDetails }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => {
    const read = () => void host.durationMinutes().then(setMinutes, () => setMinutes(null));
    read();
    host.onTimeChanged(read);
  }, [host]);
  const agenda = conversation.agenda.reduce((sum, item) => sum + item.minutes, 0);
  if (minutes === null || minutes === agenda) return null;
  return (
    <MessageBar intent="warning" role="alert" layout="multiline" data-testid="length-warning">
      <MessageBarBody>
        {t(minutes < agenda ? 'addin.tooShort' : 'addin.tooLong', { meeting: minutes, agenda, difference: Math.abs(agenda - minutes) })}
      </MessageBarBody>
    </MessageBar>
  );
}
