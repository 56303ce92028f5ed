// wasm-memory.mjs — imports builds of the JS API with the WebAssembly.Memory of each module captured
// as it is instantiated (the loader uses new WebAssembly.Instance, or WebAssembly.instantiate where
// an engine refuses synchronous compilation: both are watched), so that tests can scan the whole
// heap for secrets left behind.
//   const { modules: [kit], memories } = await importWithMemories(new URL('../../dist/index.mjs', import.meta.url));
export async function importWithMemories(...urls) {
  const memories = [];
  const capture = (instance) => {
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(value);
    }
  };
  const { instantiate, Instance } = WebAssembly;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    capture(result.instance ?? result);
    return result;
  };
  WebAssembly.Instance = function (...args) {
    const instance = new Instance(...args);
    capture(instance);
    return instance;
  };
  WebAssembly.Instance.prototype = Instance.prototype;
  try {
    const modules = [];
    for (const url of urls) {
      const kit = await import(url);
      await kit.ready; // the modules are instantiated by then
      modules.push(kit);
    }
    return { modules, memories };
  } finally {
    WebAssembly.instantiate = instantiate;
    WebAssembly.Instance = Instance;
  }
}
