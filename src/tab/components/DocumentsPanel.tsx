import { useId, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type ApiClient } from '../api-client.js';
import { addedDocumentSchema, conversationDetailsSchema, type ConversationDetails } from '../../api/conversation.js';
import { allowedDocumentExtensions, checkDocumentName, numberedDocumentName } from '../../domain/document-names.js';
import { useI18n, type TextKey } from '../i18n.js';
import { formatFileSize } from '../format.js';
import { ErrorMessage } from './ErrorMessage.js';

const useStyles = makeStyles({
  list: { paddingInlineStart: 0, listStyle: 'none', margin: 0 },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  issues: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Document = ConversationDetails['documents'][number];

/** A file the panel could not upload as it was; the person decides what happens to it. */
type Issue =
  | { kind: 'type'; file: File; extension: string }
  | { kind: 'name'; file: File; problem: string; suggestion: string | null }
  | { kind: 'exists'; file: File; existing: string; alternative: string }
  | { kind: 'failed'; file: File; error: unknown };

const withName = (file: File, name: string) => new File([file], name, { type: file.type, lastModified: file.lastModified });

/**
 * The data package: files the school leader adds, replaces and removes; each
 * shows whether SharePoint has it yet. Every chosen file is checked here
 * first (type, a name SharePoint can hold, a name already used), and a
 * problem is explained beside that file with what can be done about it.
 */
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
  const { t, locale } = useI18n();
  const styles = useStyles();
  const inputId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const replaceInputs = useRef(new Map<string, HTMLInputElement>());
  const path = `/conversations/${conversation.id}/documents`;

  const send = async (file: File, replace = false): Promise<Issue | null> => {
    setBusy(t('schoolPart.uploading', { name: file.name }));
    try {
      await api.upload(`${path}${replace ? '?replace=true' : ''}`, file, addedDocumentSchema);
      return null;
    } catch (e) {
      if (e instanceof ApiError && e.body.code === 'DOCUMENT_EXISTS') {
        const existing = String(e.body.details?.fileName ?? file.name);
        return {
          kind: 'exists',
          file,
          existing,
          alternative: numberedDocumentName(
            file.name,
            conversation.documents.map((d) => d.fileName),
          ),
        };
      }
      return { kind: 'failed', file, error: e };
    }
  };

  /** Checks each file here first; the fine ones go up one by one, the others wait for the person's choice. */
  const upload = async (files: File[]) => {
    setError(null);
    const found: Issue[] = [];
    const taken = conversation.documents.map((d) => d.fileName.toLowerCase());
    for (const file of files) {
      const checked = checkDocumentName(file.name);
      if (!checked.ok && checked.problem === 'type') found.push({ kind: 'type', file, extension: checked.extension });
      else if (!checked.ok) found.push({ kind: 'name', file, problem: checked.problem, suggestion: checked.suggestion });
      else if (taken.includes(file.name.toLowerCase())) {
        const existing = conversation.documents.find((d) => d.fileName.toLowerCase() === file.name.toLowerCase())!.fileName;
        found.push({
          kind: 'exists',
          file,
          existing,
          alternative: numberedDocumentName(
            file.name,
            conversation.documents.map((d) => d.fileName),
          ),
        });
      } else {
        const issue = await send(file);
        if (issue) found.push(issue);
      }
    }
    setBusy(null);
    setIssues((current) => [...current, ...found]);
    onUploaded();
  };

  /** Resolves one waiting file: upload it (renamed or replacing) or let it go. */
  const resolve = async (issue: Issue, action: { upload: File; replace?: boolean } | null) => {
    setIssues((current) => current.filter((i) => i !== issue));
    if (!action) return;
    const next = await send(action.upload, action.replace);
    setBusy(null);
    if (next) setIssues((current) => [...current, next]);
    onUploaded();
  };

  const replace = async (document: Document, file: File | undefined) => {
    if (!file) return;
    setError(null);
    const checked = checkDocumentName(file.name);
    if (!checked.ok && checked.problem === 'type') {
      setIssues((current) => [...current, { kind: 'type', file, extension: checked.extension }]);
      return;
    }
    setBusy(t('schoolPart.files.replacing', { name: document.fileName }));
    try {
      await api.upload(`${path}/${document.id}`, file, addedDocumentSchema, {}, 'PUT');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      onUploaded();
    }
  };

  const remove = async (document: Document) => {
    setError(null);
    setBusy(t('schoolPart.files.removing', { name: document.fileName }));
    try {
      await api.remove(`${path}/${document.id}`, conversationDetailsSchema);
      setRemoving(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      onUploaded();
    }
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
          <li key={d.id} className={styles.item} data-document={d.fileName}>
            {d.webUrl ? (
              <Link href={d.webUrl} target="_blank">
                {d.fileName}
              </Link>
            ) : (
              <Text>{d.fileName}</Text>
            )}
            <Text size={200}>{formatFileSize(d.sizeBytes, locale)}</Text>
            <Badge appearance="tint" color={d.uploaded ? 'success' : 'warning'}>
              {d.uploaded ? t('schoolPart.uploaded') : t('schoolPart.waiting')}
            </Badge>
            {canUpload ? (
              <>
                <Button
                  size="small"
                  aria-label={t('schoolPart.files.replaceNamed', { name: d.fileName })}
                  disabled={busy !== null}
                  onClick={() => replaceInputs.current.get(d.id)?.click()}
                >
                  {t('schoolPart.files.replace')}
                </Button>
                <input
                  type="file"
                  tabIndex={-1}
                  aria-hidden="true"
                  className={styles.hiddenInput}
                  data-replace={d.fileName}
                  ref={(element) => {
                    if (element) replaceInputs.current.set(d.id, element);
                    else replaceInputs.current.delete(d.id);
                  }}
                  onChange={(e) => {
                    void replace(d, e.target.files?.[0]);
                    e.target.value = '';
                  }}
                />
                <Button
                  size="small"
                  aria-label={t('schoolPart.files.removeNamed', { name: d.fileName })}
                  disabled={busy !== null}
                  onClick={() => setRemoving(d.id)}
                >
                  {t('schoolPart.files.remove')}
                </Button>
              </>
            ) : null}
            {removing === d.id ? (
              <MessageBar intent="warning" role="alert" style={{ flexBasis: '100%' }}>
                <MessageBarBody>{t('schoolPart.files.removeConfirm', { name: d.fileName })}</MessageBarBody>
                <MessageBarActions>
                  <Button appearance="primary" onClick={() => void remove(d)} disabled={busy !== null}>
                    {t('schoolPart.files.removeYes')}
                  </Button>
                  <Button onClick={() => setRemoving(null)} autoFocus>
                    {t('schoolPart.files.keep')}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : null}
          </li>
        ))}
      </ul>
      {canUpload ? (
        <div>
          <label htmlFor={inputId}>{t('schoolPart.upload')}</label>{' '}
          <input
            id={inputId}
            type="file"
            multiple
            accept={allowedDocumentExtensions.map((e) => `.${e}`).join(',')}
            disabled={busy !== null}
            onChange={(e) => {
              void upload(Array.from(e.target.files ?? []));
              e.target.value = '';
            }}
          />
          <Text as="p" block size={200}>
            {t('schoolPart.files.allowed', { types: allowedDocumentExtensions.join(', ') })}
          </Text>
        </div>
      ) : null}
      {busy ? <Spinner size="tiny" label={busy} /> : null}
      <div className={styles.issues}>
        {issues.map((issue, index) => (
          <IssueMessage key={`${issue.file.name}-${index}`} issue={issue} onResolve={(action) => void resolve(issue, action)} />
        ))}
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}

/** One file's problem, said next to that file, with what the person can do. */
function IssueMessage({ issue, onResolve }: { issue: Issue; onResolve: (action: { upload: File; replace?: boolean } | null) => void }) {
  const { t } = useI18n();
  const name = issue.file.name;
  if (issue.kind === 'failed') {
    const message = issue.error instanceof ApiError && issue.error.body.message ? issue.error.body.message : t('errors.unknown');
    return (
      <MessageBar intent="error" role="alert" data-file-issue={name}>
        <MessageBarBody>{message}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => onResolve(null)}>{t('close')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const text =
    issue.kind === 'type'
      ? t('schoolPart.files.typeNotAllowed', { name, extension: issue.extension || '–' })
      : issue.kind === 'name'
        ? t(`schoolPart.files.name.${issue.problem}` as TextKey, { name })
        : t('schoolPart.files.exists', { name: issue.existing });
  return (
    <MessageBar intent={issue.kind === 'exists' ? 'warning' : 'error'} role="alert" layout="multiline" data-file-issue={name}>
      <MessageBarBody style={{ overflowWrap: 'anywhere' }}>{text}</MessageBarBody>
      <MessageBarActions>
        {issue.kind === 'name' && issue.suggestion ? (
          <Button appearance="primary" onClick={() => onResolve({ upload: withName(issue.file, issue.suggestion!) })}>
            {t('schoolPart.files.uploadAs', { name: issue.suggestion })}
          </Button>
        ) : null}
        {issue.kind === 'exists' ? (
          <>
            <Button appearance="primary" onClick={() => onResolve({ upload: issue.file, replace: true })}>
              {t('schoolPart.files.replaceExisting')}
            </Button>
            <Button onClick={() => onResolve({ upload: withName(issue.file, issue.alternative) })}>
              {t('schoolPart.files.keepBoth', { name: issue.alternative })}
            </Button>
          </>
        ) : null}
        <Button onClick={() => onResolve(null)}>{t('schoolPart.files.skip')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
