import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { conversationDetailsSchema } from '../../api/conversation.js';

/**
 * "Aflys samtale" with an inline confirmation (no modal: the page stays
 * readable to screen readers, and focus stays where the person is).
 */
export function CancelConversation({
  api,
  conversation,
  onCancelled,
}: {
  api: ApiClient;
  conversation: ConversationDetails;
  onCancelled: (c: ConversationDetails) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(
        await api.send('POST', `/conversations/${conversation.id}/cancel`, { version: conversation.version }, conversationDetailsSchema),
      );
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!conversation.permissions.cancel) return null;
  return (
    <div>
      {confirming ? (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('conversation.cancelConfirm')}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={cancel} disabled={busy}>
              {t('conversation.cancelYes')}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={busy} autoFocus>
              {t('conversation.cancelNo')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Button onClick={() => setConfirming(true)}>{t('conversation.cancel')}</Button>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
