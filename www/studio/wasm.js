// The studio's three wasm modules: the checker (the authoring tool's code: check, import,
// limits), started with the page; the publisher (snippets and offline files, with the widget's
// server renderer) and the card maker (the share image, with resvg and its fonts), each started
// only when an editor first asks for what it makes. In the studio's single file (explainer
// studio-file) all come from the page itself (EXPLAINER_STUDIO).

/** What the studio's single file carries in itself; undefined when the studio is served. */
export const offline = globalThis.EXPLAINER_STUDIO;

/** A wasm module of the studio's, started: from the page in the single file, else from beside
 * the studio's script. */
function started(name) {
  if (offline) return offline.load(name);
  return import(new URL(`${name}.js`, import.meta.url).href).then(async (module) => {
    await module.default({ module_or_path: new URL(`${name}_bg.wasm`, import.meta.url) });
    return module;
  });
}

/** The checker, started. */
export const startChecker = () => started('explainer-studio');

/**
 * A wasm module of the studio's started only when first needed, then kept, and what is being
 * made with it: the publisher (snippets and offline files) and the card maker (the share
 * image). An error the page did not catch while something is being made (a fault inside the
 * wasm, which then never answers) is told to the editor through `onFault` rather than left
 * silent; and after any failure the module is started afresh the next time, since a wasm
 * instance that trapped is left in an unknown state (a borrow never released, say).
 * @param {string} name
 * @param {(what: string) => void} onFault
 */
export function onDemand(name, onFault) {
  let instance;
  let making = null;
  window.addEventListener('error', () => {
    if (making === null) return;
    onFault(making);
    making = null;
    instance = undefined;
  });
  return {
    /** Runs `make` as the making of `what`, with a promise of the module's exports (so the
     * caller can fetch what else it needs meanwhile). */
    async making(what, make) {
      making = what;
      try {
        instance ??= started(name);
        return await make(instance);
      } catch (error) {
        instance = undefined;
        throw error;
      } finally {
        making = null;
      }
    },
  };
}
