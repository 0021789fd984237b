import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  draft: {
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});

/** A draft the app offers for an item's notes (evaluation answers, a revealed round): the writer uses it or leaves it. */
export function DraftSuggestion({
  title,
  text,
  useLabel,
  onUse,
  testId,
}: {
  title: string;
  text: string;
  useLabel: string;
  onUse: (() => void) | null;
  testId: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.draft} data-testid={testId}>
      <Text weight="semibold">{title}</Text>
      <Text as="p" block style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
      {onUse ? (
        <Button size="small" onClick={onUse}>
          {useLabel}
        </Button>
      ) : null}
    </div>
  );
}
