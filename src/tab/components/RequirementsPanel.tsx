import { Badge, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n, type TextKey } from '../i18n.js';
import { Panel } from './Panel.js';

const colour = { met: 'success', missing: 'danger', notApplicable: 'informative' } as const;

/** The seven formal requirements of § 40 a for this conversation, each with its state and why. */
export function RequirementsPanel({ conversation }: { conversation: ConversationDetails }) {
  const { t } = useI18n();
  return (
    <Panel title={t('requirements.title')}>
      <Table size="small" aria-label={t('requirements.title')}>
        <TableBody>
          {conversation.requirements.map((r) => (
            <TableRow key={r.key} data-requirement={r.key} data-status={r.status}>
              <TableCell>{t(`requirements.key.${r.key}` as TextKey)}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={colour[r.status]}>
                  {t(`requirements.status.${r.status}`)}
                </Badge>
              </TableCell>
              <TableCell>
                <Text size={200}>{t(`requirements.reason.${r.reason}` as TextKey)}</Text>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
