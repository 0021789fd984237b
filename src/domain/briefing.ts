import { checkPublicNote, warningFingerprint, type GuardContext, type GuardFinding } from './publication-guard/publication-guard.js';

/**
 * The political committee's yearly briefing: the year's conversations across
 * the schools. It is public in the way the notes are (it goes to the
 * committee and its papers), so every text in it goes through the
 * publication guard: no test-result levels (§ 55 b) and no CPR numbers ever,
 * and other personal data only once the municipal lead has confirmed it.
 * Evaluations of fewer than five answers are never shown, so nobody's answer
 * can be told apart.
 */
export const minimumGroup = 5;

export interface BriefingText {
  /** Where in the briefing: 'themes', 'agreements', 'evaluation', 'withoutConversation', 'notes'. */
  section: string;
  /** Whose it is (a school's name), for the lead to find it. */
  label: string;
  text: string;
}

export interface BriefingFinding {
  section: string;
  label: string;
  rule: GuardFinding['rule'];
  severity: GuardFinding['severity'];
  found: string;
  sentence: string;
  fingerprint: string;
}

export function checkBriefing(texts: readonly BriefingText[], context: GuardContext): BriefingFinding[] {
  return texts.flatMap((t) =>
    checkPublicNote(t.text, context).findings.map((f) => ({
      section: t.section,
      label: t.label,
      rule: f.rule,
      severity: f.severity,
      found: f.text,
      sentence: f.sentence.text,
      fingerprint: warningFingerprint(f),
    })),
  );
}

/** May the briefing be saved: nothing blocking, and every warning confirmed. */
export function briefingSaveProblem(findings: readonly BriefingFinding[], confirmed: readonly string[]): 'blocked' | 'unconfirmed' | null {
  if (findings.some((f) => f.severity === 'blocking')) return 'blocked';
  const ok = new Set(confirmed);
  return findings.some((f) => f.severity === 'warning' && !ok.has(f.fingerprint)) ? 'unconfirmed' : null;
}
