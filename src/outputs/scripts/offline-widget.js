/*@glue*/
// Offline: the wasm is instantiated asynchronously from the bytes below, and the stylesheet
// comes from text; embed.js (below, in a block so its names stay its own) uses these instead
// of fetching anything. One module script, so the order is certain.
const explainerWasm = "/*@wasm*/";
/*@decoder*/
globalThis.EXPLAINER_OFFLINE = {
  load: () => __wbg_init({ module_or_path: explainerBytes(explainerWasm) }).then(() => ({ mount })),
  css: /*@css*/,
  wasm: () => explainerBytes(explainerWasm),
};
{
/*@embed*/
}
