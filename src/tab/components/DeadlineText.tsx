import { Text, tokens } from '@fluentui/react-components';
import type { Deadline } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { formatShortDate } from '../format.js';

const colour: Record<Deadline['status'], string> = {
  pending: tokens.colorNeutralForeground1,
  met: tokens.colorPaletteGreenForeground1,
  missed: tokens.colorPaletteDarkOrangeForeground1,
  overdue: tokens.colorPaletteRedForeground1,
};

export function DeadlineText({ deadline }: { deadline: Deadline }) {
  const { t, locale } = useI18n();
  const values = { date: formatShortDate(deadline.dueAt, locale), sent: deadline.sentAt ? formatShortDate(deadline.sentAt, locale) : '' };
  return (
    <Text style={{ color: colour[deadline.status] }} data-deadline={deadline.status}>
      {t(`deadline.${deadline.status}`, values)}
    </Text>
  );
}
