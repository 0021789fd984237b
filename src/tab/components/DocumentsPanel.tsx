import { useId, useState } from 'react';
import { Badge, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { addedDocumentSchema } from '../../api/conversation.js';

const useStyles = makeStyles({
  list: { paddingInlineStart: tokens.spacingHorizontalL },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBottom: tokens.spacingVerticalXS },
});

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The data package: files the school leader adds; each shows whether SharePoint has it yet. */
export function DocumentsPanel({
  api,
  conversation,
  canUpload,
  onUploaded,
}: {
  api: ApiClient;
  conversation: ConversationDetails;
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const inputId = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = async (files: FileList | null) => {
    setError(null);
    for (const file of Array.from(files ?? [])) {
      setUploading(file.name);
      try {
        await api.upload(`/conversations/${conversation.id}/documents`, file, addedDocumentSchema);
      } catch (e) {
        setError(e);
        break;
      }
    }
    setUploading(null);
    onUploaded();
  };

  return (
    <section aria-labelledby={`${inputId}-title`}>
      <Text as="h3" weight="semibold" id={`${inputId}-title`}>
        {t('schoolPart.documents')}
      </Text>
      {conversation.documents.length === 0 ? (
        <Text as="p" block>
          {t('schoolPart.noDocuments')}
        </Text>
      ) : null}
      <ul className={styles.list}>
        {conversation.documents.map((d) => (
          <li key={d.id} className={styles.item}>
            {d.webUrl ? (
              <Link href={d.webUrl} target="_blank">
                {d.fileName}
              </Link>
            ) : (
              <Text>{d.fileName}</Text>
            )}
            <Text size={200}>{size(d.sizeBytes)}</Text>
            <Badge appearance="tint" color={d.uploaded ? 'success' : 'warning'}>
              {d.uploaded ? t('schoolPart.uploaded') : t('schoolPart.waiting')}
            </Badge>
          </li>
        ))}
      </ul>
      {canUpload ? (
        <div>
          <label htmlFor={inputId}>{t('schoolPart.upload')}</label>{' '}
          <input id={inputId} type="file" multiple disabled={uploading !== null} onChange={(e) => void upload(e.target.files)} />
        </div>
      ) : null}
      {uploading ? <Spinner size="tiny" label={t('schoolPart.uploading', { name: uploading })} /> : null}
      <ErrorMessage error={error} />
    </section>
  );
}
