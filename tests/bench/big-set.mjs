// A generator of large, valid authored evidence sets, for the scale benchmark: `sections`
// sections of `sentences` sentences each, and `sources` sources, every one cited. The text is
// made of plain words (a fixed, seeded sequence, so every run benches the same file), with
// the inline markup real sets use: citations, emphasis, strong, code and links.

const WORDS = ('the contract agency records show that officials said in reporting documents vendors cloud '
  + 'services employees letter protest company federal data according public review budget city '
  + 'council report notice hours program office county state court filing statement years '
  + 'month week later earlier after before during while since until').split(' ');

/** A small deterministic generator (mulberry32), so a set is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An authored evidence set of the given size, as an object ready for JSON.stringify. */
export function bigSet({ sections = 100, sentences = 20, sources = 500, seed = 1 } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  let cited = 0;
  // Every source is cited at least once: citations walk the list, then pick at random.
  const cite = () => {
    cited += 1;
    return cited <= sources ? cited : 1 + Math.floor(next() * sources);
  };
  const sentence = (i) => {
    const first = words(6 + Math.floor(next() * 10));
    const markup = [`*${words(2)}*`, `**${words(2)}**`, `\`${pick(WORDS)}\``, `[${words(2)}](https://example.org/${pick(WORDS)})`][i % 4];
    const rest = words(6 + Math.floor(next() * 12));
    const marks = Array.from({ length: 1 + (i % 3) }, () => `[${cite()}]`).join(' ');
    return `${first[0].toUpperCase()}${first.slice(1)} ${markup} ${rest} ${marks}.`;
  };
  return {
    version: 1,
    form: 'authored',
    meta: { language: 'en', published: '2026-11-01', publisher: 'Example Gazette' },
    question: `Did the example agency ${words(8)}?`,
    verdict: { label: 'Partly', sentences: [sentence(0), sentence(1)] },
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `section-${s + 1}`,
      title: `${words(5)} ${s + 1}`,
      sentences: Array.from({ length: sentences }, (_, i) => sentence(s * sentences + i)),
    })),
    limits: Array.from({ length: 5 }, (_, i) => sentence(i)),
    sources: Array.from({ length: sources }, (_, i) => ({
      number: i + 1,
      title: `${words(6)} ${i + 1}`,
      publisher: `Example ${pick(['Times', 'Post', 'Herald', 'Agency', 'Court'])}`,
      date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      url: `https://example.org/sources/${i + 1}`,
      excerpts: [words(20), words(14)],
    })),
  };
}
