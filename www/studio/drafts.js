// The drafts kept in this browser (localStorage), by name: { current, drafts: { [name]: { text } } }.
// Nothing here touches the page; the editor says what happened.

const DRAFTS_KEY = 'explainer-studio:drafts';

/** The drafts kept in this browser. */
export function drafts() {
  try {
    const kept = JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? 'null');
    if (kept && typeof kept.drafts === 'object' && kept.drafts) return kept;
  } catch {
    // Unreadable storage is as good as none: the text on the page is kept.
  }
  return { current: null, drafts: {} };
}

/** Keeps `kept`; false when the browser would not (storage full or off). */
export function keep(kept) {
  try {
    localStorage.setItem(DRAFTS_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

/** A name no draft has yet, from `wanted`. */
export function freeName(wanted, kept = drafts()) {
  const base = wanted.trim() || 'Untitled';
  let candidate = base;
  for (let n = 2; candidate in kept.drafts; n += 1) candidate = `${base} ${n}`;
  return candidate;
}
