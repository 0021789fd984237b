import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n.js';

const useStyles = makeStyles({
  bar: { fill: tokens.colorBrandBackground },
  text: { fill: tokens.colorNeutralForeground1, fontSize: '13px' },
  table: { borderCollapse: 'collapse', '& th, & td': { padding: `2px ${tokens.spacingHorizontalS}`, textAlign: 'start' } },
});

/**
 * A horizontal bar chart drawn with Fluent's tokens (so Teams' dark and
 * contrast themes apply), and the same numbers as a table for screen readers
 * and anyone who prefers one.
 */
export function BarChartView({ chart }: { chart: { title: string; unit: string; bars: { label: string; value: number }[] } }) {
  const { t } = useI18n();
  const styles = useStyles();
  const labelWidth = 200;
  const width = 560;
  const rowHeight = 26;
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const height = chart.bars.length * rowHeight + 4;
  return (
    <figure style={{ margin: 0 }} data-testid="chart">
      <figcaption>
        <strong>{chart.title}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} aria-hidden="true" focusable="false">
        {chart.bars.map((bar, i) => {
          const y = i * rowHeight;
          const length = Math.round(((width - labelWidth - 90) * bar.value) / max);
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className={styles.text}>
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(length, bar.value > 0 ? 2 : 0)}
                height={rowHeight - 10}
                className={styles.bar}
              />
              <text x={labelWidth + length + 6} y={y + 17} className={styles.text}>
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('year.asTable')}</summary>
        <table className={styles.table}>
          <caption style={{ textAlign: 'start' }}>{chart.title}</caption>
          <tbody>
            {chart.bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{`${bar.value} ${chart.unit}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
