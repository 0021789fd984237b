import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { ConversationSummary } from '../../api/conversation.js';
import type { Me } from '../../api/catalog.js';
import { useI18n } from '../i18n.js';
import { formatShortDate, formatTime } from '../format.js';
import { ErrorMessage } from './ErrorMessage.js';
import { DeadlineText } from './DeadlineText.js';
import { Panel } from './Panel.js';
import { MunicipalityEvaluationPanel } from './MunicipalityEvaluationPanel.js';
import { conversationListSchema } from '../../api/conversation.js';
import { overviewSchema, type Overview } from '../../api/catalog.js';

const useStyles = makeStyles({
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  empty: { padding: tokens.spacingVerticalXXL, textAlign: 'center', color: tokens.colorNeutralForeground2 },
});

export function ConversationList({ api, me, navigate }: { api: ApiClient; me: Me; navigate: (path: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [conversations, setConversations] = useState<ConversationSummary[] | null>(null);

  const [error, setError] = useState<unknown>(null);
  const [overview, setOverview] = useState<Overview | null>(null);

  const load = useCallback(async () => {
    try {
      setError(null);
      setConversations((await api.get('/conversations', conversationListSchema)).conversations);
      if (me.isMunicipalLead) setOverview(await api.get('/overview', overviewSchema));
    } catch (e) {
      setError(e);
    }
  }, [api, me.isMunicipalLead]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main>
      <div className={styles.header}>
        <Title2 as="h1" tabIndex={-1} id="page-title">
          {t('list.title')}
        </Title2>
        {me.isMunicipalLead ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <Button appearance="primary" onClick={() => navigate('/plan')}>
              {t('list.plan')}
            </Button>
            <Button onClick={() => navigate('/season')}>{t('list.season')}</Button>
            <Button onClick={() => navigate('/year')}>{t('list.year')}</Button>
          </div>
        ) : null}
      </div>
      {overview ? (
        <Panel
          title={
            overview.schoolsWithout.length
              ? t('list.overviewTitle', { year: overview.schoolYear })
              : t('list.overviewAllCovered', { year: overview.schoolYear })
          }
        >
          {overview.schoolsWithout.length ? (
            <ul data-testid="schools-without">
              {overview.schoolsWithout.map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
            </ul>
          ) : null}
        </Panel>
      ) : null}
      {me.isMunicipalLead && conversations ? (
        <Panel title={t('overdue.title')}>
          {(() => {
            const overdue = conversations.filter((c) => c.deadline.status === 'overdue');
            return overdue.length === 0 ? (
              <Text>{t('overdue.none')}</Text>
            ) : (
              <ul data-testid="overdue-schools">
                {overdue.map((c) => (
                  <li key={c.id}>
                    <Link href={`#/conversations/${c.id}`}>{c.schoolName}</Link>
                  </li>
                ))}
              </ul>
            );
          })()}
        </Panel>
      ) : null}
      {me.isMunicipalLead ? <MunicipalityEvaluationPanel api={api} /> : null}
      <ErrorMessage error={error} />
      {error ? <Button onClick={load}>{t('retry')}</Button> : null}
      {!conversations && !error ? <Spinner label={t('loading')} /> : null}
      {conversations?.length === 0 ? (
        <Text as="p" block className={styles.empty}>
          {me.isMunicipalLead ? t('list.emptyLead') : t('list.emptyOther')}
        </Text>
      ) : null}
      {conversations && conversations.length > 0 ? (
        <Table aria-label={t('list.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('list.school')}</TableHeaderCell>
              <TableHeaderCell>{t('list.when')}</TableHeaderCell>
              <TableHeaderCell>{t('list.status')}</TableHeaderCell>
              <TableHeaderCell>{t('list.deadline')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {conversations.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link href={`#/conversations/${c.id}`} aria-label={t('list.open', { school: c.schoolName })}>
                    {c.schoolName}
                  </Link>
                </TableCell>
                <TableCell>
                  {formatShortDate(c.startsAt, locale)} {formatTime(c.startsAt, locale)}
                </TableCell>
                <TableCell>
                  <Badge appearance="tint">{t(`status.${c.status}`)}</Badge>
                </TableCell>
                <TableCell>
                  <DeadlineText deadline={c.deadline} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </main>
  );
}
