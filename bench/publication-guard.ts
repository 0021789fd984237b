/**
 * Publication guard on its labelled corpus, part by part: the development
 * part (the rules were tuned on it), the earlier held-out batches (each
 * scored once, then the rules were widened for the kinds of text they
 * missed), and the final held-out part (written after the last rule change,
 * only ever scored). Recall on § 55 b levels (goal ≥ 98 %), false alarms
 * among publishable sentences (≤ 5 %), personal-data recall (≥ 95 %) and
 * false warnings (≤ 5 %); and how long a 500-word note takes to check (it
 * runs as the person types; goal < 5 ms). Prints figures; asserts nothing.
 */
import { checkPublicNote } from '../src/domain/publication-guard/publication-guard.js';
import { danishLexicon } from '../src/store/danish-lexicon.js';
import { corpusInstitutions, corpusPeople, type GuardCase } from '../test/fixtures/guard-corpus/corpus.js';
import { development } from '../test/fixtures/guard-corpus/development.js';
import { heldOut } from '../test/fixtures/guard-corpus/held-out.js';
import { heldOutFinal } from '../test/fixtures/guard-corpus/held-out-final.js';
import { scoreCorpus } from '../test/fixtures/guard-corpus/score.js';

const context = { people: corpusPeople, institutions: corpusInstitutions, lexicon: danishLexicon() };
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;

function report(name: string, cases: GuardCase[]) {
  const s = scoreCorpus(cases, context);
  console.log(`  ${name} (${cases.length} sentences)`);
  console.log(
    `    § 55 b levels: recall ${pct(s.levels.caught, s.levels.cases)} (${s.levels.caught}/${s.levels.cases}; blocked ${s.levels.blocked}, warned ${s.levels.caught - s.levels.blocked}), false alarms ${pct(s.levels.falseAlarms, s.levels.cleanCases)} (${s.levels.falseAlarms}/${s.levels.cleanCases})`,
  );
  console.log(
    `    personal data: recall ${pct(s.personal.caught, s.personal.cases)} (${s.personal.caught}/${s.personal.cases}), false warnings ${pct(s.personal.falseWarnings, s.personal.cleanCases)} (${s.personal.falseWarnings}/${s.personal.cleanCases})`,
  );
}

console.log(
  `publication guard, ${development.length + heldOut.length + heldOutFinal.length} labelled sentences; goals: recall ≥ 98 % / false alarms ≤ 5 % (§ 55 b), recall ≥ 95 % / false warnings ≤ 5 % (personal data)`,
);
report('development part', development);
report('earlier held-out batches', heldOut);
report('final held-out part', heldOutFinal);

const all = [...development, ...heldOut, ...heldOutFinal];
const words: string[] = [];
for (let i = 0; words.length < 500; i++) words.push(...all[i % all.length]!.text.split(/\s+/));
const note = words.slice(0, 500).join(' ');
checkPublicNote(note, context);
const runs = 200;
const started = performance.now();
for (let i = 0; i < runs; i++) checkPublicNote(note, context);
const perNote = (performance.now() - started) / runs;
console.log(`  speed: a 500-word note checks in ${perNote.toFixed(2)} ms (${(1000 / perNote).toFixed(0)} checks per second)  goal < 5 ms`);
