import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Textarea } from '@fluentui/react-components';
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
  const [message, setMessage] = useState('');

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(
        await api.send(
          'POST',
          `/conversations/${conversation.id}/cancel`,
          { version: conversation.version, ...(message.trim() ? { message: message.trim() } : {}) },
          conversationDetailsSchema,
        ),
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
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            {t('conversation.cancelConfirm')}
            <Field label={t('conversation.cancelMessage')} hint={t('conversation.cancelMessageHint')}>
              <Textarea value={message} maxLength={1000} onChange={(_, d) => setMessage(d.value)} resize="vertical" />
            </Field>
          </MessageBarBody>
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
