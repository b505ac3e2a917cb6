// What a page of its own says to the page around its iframe. embed.js loads it only when the
// page is in a frame, so an article's script embed never pays for it.
//
// The page's height, whenever it changes (expand, collapse, resize, zoom), in each protocol a
// host may be listening with:
// - ours, { type: 'explainer:height', height }, which embed-frame.js applies;
// - WordPress's, { secret, message: 'height', value }, when the page's address ends in
//   `#?secret=` and up to ten letters or digits, as WordPress makes it (what it adds to the address of
//   every embed it makes from an oEmbed response; anything else there is ignored, never
//   echoed), which WordPress's embed script applies, between 200 and 1000 pixels;
// - pym.js's, `pymxPYMx<id>xPYMxheightxPYMx<height>`, when the address carries pym's
//   `childId` (a pym.Parent adds it), which the pym.Parent that made the frame applies.
// And the widget's events (see embed.js's `announce`), as { type: 'explainer:event', name,
// detail }, which embed-frame.js dispatches on the <iframe> element.

/** The events embed.js dispatches on the widget's element. */
export const EVENTS = ['explainer:ready', 'explainer:open', 'explainer:close', 'explainer:share'];

/** Speaks to the page around the frame about the widget's `element`: its height, its events. */
export function speak(element) {
  reportHeight(element);
  for (const name of EVENTS) {
    element.addEventListener(name, ({ detail }) => window.parent.postMessage({ type: 'explainer:event', name, detail }, '*'));
  }
}

/** WordPress's secret in a page address's fragment (`location.hash`), or null. */
export function wordpressSecret(hash) {
  return /(?:^#|#)\?secret=([A-Za-z0-9]{1,10})$/.exec(hash)?.[1] ?? null;
}

/** pym.js's id for the frame in a page address's query (`location.search`), or null. */
export function pymId(search) {
  const id = new URLSearchParams(search).get('childId');
  return id && /^[\w-]{1,200}$/.test(id) ? id : null;
}

/** Posts the page's height to the parent whenever it changes, watching `container`. Timers,
 * not animation frames: Chrome does not render an off-screen cross-origin iframe, so
 * requestAnimationFrame would never fire there and the frame would keep its default height. */
export function reportHeight(container) {
  const secret = wordpressSecret(location.hash);
  const pym = pymId(location.search);
  let last = 0;
  let pending = false;
  const send = () => {
    pending = false;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'explainer:height', height }, '*');
    if (secret) window.parent.postMessage({ secret, message: 'height', value: height }, '*');
    if (pym) window.parent.postMessage(`pymxPYMx${pym}xPYMxheightxPYMx${height}`, '*');
  };
  const schedule = () => {
    if (!pending) {
      pending = true;
      setTimeout(send, 0);
    }
  };
  new ResizeObserver(schedule).observe(document.documentElement);
  new MutationObserver(schedule).observe(container, { subtree: true, childList: true, attributes: true });
  window.addEventListener('resize', schedule);
  // A host whose script starts after the page's first height asks for it: WordPress says it
  // is ready, a pym.Parent gives its width. The height is said again.
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    const asked = (secret && data?.message === 'ready' && data.secret === secret)
      || (pym && typeof data === 'string' && data.startsWith(`pymxPYMx${pym}xPYMxwidthxPYMx`));
    if (asked) {
      last = 0;
      schedule();
    }
  });
  schedule();
}
