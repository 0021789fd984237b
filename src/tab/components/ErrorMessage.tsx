import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../api-client.js';
import { useI18n } from '../i18n.js';

/**
 * Shows an API error as the server explained it, with each field's problem
 * listed; a clash with an existing conversation links to it.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const message = api?.status === 0 ? t('errors.network') : api?.body.message || t('errors.unknown');
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{message}</MessageBarTitle>
        {api?.body.fields?.length ? (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {api.body.fields.map((f) => (
              <li key={f.field}>{f.message}</li>
            ))}
          </ul>
        ) : null}
        {api?.body.code === 'CONVERSATION_EXISTS' && typeof api.body.details?.id === 'string' ? (
          <Link href={`#/conversations/${api.body.details.id}`}>{t('plan.openExisting')}</Link>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
