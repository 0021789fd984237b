import type { ReactNode } from 'react';
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
});

/** A titled section of a page, styled with Fluent tokens so Teams' light, dark and contrast themes apply. */
export function Panel({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.panel, className)} aria-label={title}>
      <Text as="h2" weight="semibold" size={400} style={{ margin: 0 }}>
        {title}
      </Text>
      {children}
    </section>
  );
}
