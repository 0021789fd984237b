import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';

/** A cancelled conversation reads as cancelled: no deadline, no meeting, no forms; the municipality can plan anew. */
export function CancelledNotice({ conversation, onPlanNew }: { conversation: ConversationDetails; onPlanNew: (() => void) | null }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="cancelled">
      <MessageBarBody>
        <MessageBarTitle>{t('conversation.cancelledTitle')}</MessageBarTitle>
        {t('conversation.cancelledText')}
        {conversation.cancellationMessage ? (
          <p style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {t('conversation.cancelledMessage', { message: conversation.cancellationMessage })}
          </p>
        ) : null}
      </MessageBarBody>
      {onPlanNew ? (
        <MessageBarActions>
          <Button onClick={onPlanNew}>{t('conversation.planNew')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
