// An oracle apart from the code under test: the sentences of an evidence set read from the
// authored file itself (markdown, as people write it), by this file's own small reading of the
// markdown the format allows, never through the project's Rust. What the tool publishes and
// what a page prints are both held to it, so a fault in `publish` cannot hide in both.
import assert from 'node:assert/strict';

/** The plain text of one authored sentence: citation markers, emphasis, code ticks and link
 * addresses taken out, as a reader sees it. Only the marks the format's examples and the big
 * generated sets use are read; anything else is left as written, so it would show as a
 * difference rather than be hidden. */
export function markdownToPlain(markdown) {
  return markdown
    .replace(/\s*\[\d+\]/g, '')
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** Every sentence of a set, in the order the widget shows them (verdict, sections, limits,
 * changes), each made plain by `plain`. */
const sentencesOf = (set, plain) => [
  ...set.verdict.sentences,
  ...set.sections.flatMap((section) => section.sentences),
  ...(set.limits ?? []),
  ...(set.changes ?? []).map((change) => change.text),
].map(plain);

/** Every sentence of an authored set, as plain text. */
export const authoredSentences = (set) => sentencesOf(set, markdownToPlain);

/** The text of a published sentence (inline nodes, as docs/evidence-format.md gives them),
 * without its citation markers. */
export function plainOf(nodes) {
  return nodes.map((node) => {
    if (node.text !== undefined) return node.text;
    if (node.cite !== undefined) return '';
    if (node.code !== undefined) return node.code;
    if (node.link) return plainOf(node.link.children);
    return plainOf(node.em ?? node.strong);
  }).join('');
}

/** Every sentence of a published set, as plain text. */
export const publishedSentences = (set) => sentencesOf(set, plainOf);

/** Text compared without white space, which citation markers and line wrapping change. */
const squeezed = (text) => text.replace(/\s+/g, '');

/** Fails unless the published set `published` says, sentence for sentence, what the authored
 * set `authored` says. */
export function assertSaysWhatWasWritten(published, authored, what) {
  assert.deepEqual(publishedSentences(published).map(squeezed), authoredSentences(authored).map(squeezed),
    `${what}: its sentences are the authored file's`);
}

/** Fails unless the HTML page `html` holds every sentence of the authored set `authored` as
 * text (tags and citation markers taken out, the few entities an HTML writer uses decoded). */
export function assertPageSaysWhatWasWritten(html, authored, what) {
  const text = squeezed(html.replace(/<[^>]*>/g, '').replace(/\[\d+\]/g, '')
    .replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, name) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[name]));
  const missing = authoredSentences(authored).filter((sentence) => !text.includes(squeezed(sentence)));
  assert.deepEqual(missing, [], `${what}: every sentence of the authored file is in it`);
}
