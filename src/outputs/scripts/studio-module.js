/*@glue*/
/*@decoder*/
const explainerModuleWasm = "/*@wasm*/";
globalThis.EXPLAINER_STUDIO.modules["/*@name*/"] = () => __wbg_init({ module_or_path: explainerBytes(explainerModuleWasm) })
  .then(() => ({ /*@exports*/ }));
