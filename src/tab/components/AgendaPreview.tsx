import { Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { TemplateItem } from '../../domain/template.js';
import { timeAgenda } from '../../domain/agenda-timing.js';
import { useI18n } from '../i18n.js';
import { formatTime } from '../format.js';

/** The timed agenda: each item's clock time computed from the start, minutes editable when `onMinutes` is given. */
export function AgendaPreview({
  items,
  start,
  onMinutes,
}: {
  items: TemplateItem[];
  start: Date | null;
  onMinutes?: (key: string, minutes: number) => void;
}) {
  const { t, locale } = useI18n();
  const timed = start ? timeAgenda(items, start) : null;
  return (
    <Table size="small" aria-label={t('plan.preview')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: 110 }}>{t('plan.time')}</TableHeaderCell>
          <TableHeaderCell>{t('conversation.agendaTitle')}</TableHeaderCell>
          <TableHeaderCell style={{ width: 110 }}>{t('plan.minutes')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item, index) => (
          <TableRow key={item.key}>
            <TableCell>
              {timed ? `${formatTime(timed[index]!.startsAt, locale)}–${formatTime(timed[index]!.endsAt, locale)}` : '–'}
            </TableCell>
            <TableCell>
              <Text weight="semibold">
                {index + 1}. {item.title}
              </Text>
            </TableCell>
            <TableCell>
              {onMinutes ? (
                <Input
                  type="number"
                  min={1}
                  max={240}
                  value={String(item.minutes)}
                  aria-label={t('plan.minutesFor', { number: index + 1, title: item.title })}
                  onChange={(_, data) => onMinutes(item.key, Math.max(0, Math.round(Number(data.value) || 0)))}
                  style={{ width: 80 }}
                />
              ) : (
                item.minutes
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
