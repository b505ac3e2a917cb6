// The stand-alone page's first script, run before the page paints (a classic script in <head>,
// fetched beside the stylesheets, so it costs no round trip of its own). The page carries the
// explainer of its own evidence set already rendered; an address asking for another file
// (index.html?src=…) must not show that one first, and one asking for a theme must not flash
// the other. See embed.js for what the address may ask.
{
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  if (params.get('src')) root.dataset.explainerSrc = '';
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') root.dataset.explainerTheme = theme;
}
