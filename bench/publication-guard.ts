/**
 * Publication guard on the labelled corpus: recall on blocking sentences
 * (goal ≥ 98 %), false alarms among publishable sentences (goal ≤ 5 %), the
 * same for personal-data warnings, and how long a long note takes to check
 * (it runs as the person types). Prints figures; asserts nothing.
 */
import { checkPublicNote } from '../src/domain/publication-guard/publication-guard.js';
import { corpus, people } from '../test/fixtures/publication-guard-corpus.js';

const outcome = (text: string) => {
  const result = checkPublicNote(text, people);
  return { blocking: result.blocking, warning: result.findings.some((f) => f.severity === 'warning') };
};

const blocking = corpus.filter((c) => c.label === 'blocking');
const notBlocking = corpus.filter((c) => c.label !== 'blocking');
const warnings = corpus.filter((c) => c.label === 'warning');
const clean = corpus.filter((c) => c.label === 'clean');

const caught = blocking.filter((c) => outcome(c.text).blocking).length;
const falseBlocks = notBlocking.filter((c) => outcome(c.text).blocking).length;
const flaggedBlocks = caught + falseBlocks;
const warned = warnings.filter((c) => outcome(c.text).warning).length;
const falseWarnings = clean.filter((c) => outcome(c.text).warning).length;

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
console.log(
  `publication guard, ${corpus.length} labelled sentences (${blocking.length} blocking, ${warnings.length} personal data, ${clean.length} publishable)`,
);
console.log(
  `  test-result levels (§ 55 b): recall ${pct(caught, blocking.length)} (${caught}/${blocking.length}), precision ${pct(caught, flaggedBlocks)}, false alarms ${pct(falseBlocks, notBlocking.length)}  goals: recall ≥ 98 %, false alarms ≤ 5 %`,
);
console.log(
  `  personal data: recall ${pct(warned, warnings.length)} (${warned}/${warnings.length}), false warnings on publishable sentences ${pct(falseWarnings, clean.length)}`,
);

const note = Array.from({ length: 40 }, (_, i) => corpus[i % corpus.length]!.text).join(' ');
const runs = 200;
const started = performance.now();
for (let i = 0; i < runs; i++) checkPublicNote(note, people);
const perNote = (performance.now() - started) / runs;
console.log(
  `  speed: a ${note.split(/\s+/).length}-word note checks in ${perNote.toFixed(2)} ms (${(1000 / perNote).toFixed(0)} checks per second)`,
);
