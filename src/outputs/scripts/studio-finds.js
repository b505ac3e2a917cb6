globalThis.EXPLAINER_STUDIO = {
  modules: {},
  load: (name) => globalThis.EXPLAINER_STUDIO.modules[name](),
  sample: /*@sample*/,
  report: /*@report*/,
  sources: /*@sources*/,
  files: () => [/*@glue*/, globalThis.EXPLAINER_OFFLINE.wasm(), /*@widget_css*/, /*@page_css*/, /*@embed*/],
};
