// Groups twiggy's per-item sizes (its `top --format csv`) by crate and kind, for
// scripts/wasm-size.sh: bytes of code and data, and each group's share.
import { readFileSync } from 'node:fs';

/** The group an item belongs to, by its (demangled) name. The first rule that matches wins. */
const GROUPS = [
  ['static data (strings, tables, the bundled evidence)', (n) => n.startsWith('data segment')],
  ['serde_json', (n) => n.includes('serde_json')],
  ['yew: component views (our html! bodies, inlined)', (n) => n.includes('CompStateInner') && n.includes('view')],
  ['yew: everything else', (n) => n.includes('yew::') || n.includes('yew[')],
  ['the evidence crate', (n) => n.includes('explainer_evidence')],
  ['the widget', (n) => n.includes('explainer::')],
  ['dlmalloc', (n) => n.includes('dlmalloc')],
  ['hashbrown', (n) => n.includes('hashbrown')],
  ['core::fmt, Display and Debug', (n) => /core::fmt|fmt::|Display|Debug/.test(n)],
  ['core: everything else', (n) => /^<*(core|char|str|&|\[)/.test(n) || n.includes('core::') || n.includes('core[')],
  ['alloc (String, Vec, BTreeMap, Rc)', (n) => n.includes('alloc')],
  ['wasm-bindgen, js-sys, web-sys', (n) => /wasm_bindgen|js_sys|web_sys|externref|__wbg|shim/.test(n)],
  ['wasm structure (types, imports, exports, tables)', (n) => /^(type\[|import |export |table|elem|global)/.test(n)],
  ['other', () => true],
];

const [, , file] = process.argv;
const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
const sizes = new Map(GROUPS.map(([name]) => [name, 0]));
let total = 0;
for (const line of lines) {
  // Name,ShallowSize,...: names may hold commas, and are quoted when they do.
  const match = /^("(?:[^"]|"")*"|[^,]*),(\d+),/.exec(line);
  if (!match) continue;
  const name = match[1].replace(/^"|"$/g, '').replace(/""/g, '"');
  if (name.includes('"function names" subsection') || name.includes('custom section')) continue;
  const bytes = Number(match[2]);
  total += bytes;
  const [group] = GROUPS.find(([, test]) => test(name));
  sizes.set(group, sizes.get(group) + bytes);
}
console.log('group'.padEnd(52) + 'bytes'.padStart(9) + 'share'.padStart(8));
for (const [group, bytes] of [...sizes].sort((a, b) => b[1] - a[1])) {
  if (bytes) console.log(group.padEnd(52) + String(bytes).padStart(9) + `${((100 * bytes) / total).toFixed(1)} %`.padStart(8));
}
console.log('total (code and data)'.padEnd(52) + String(total).padStart(9));
