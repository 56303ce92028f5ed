// wasm-memory.mjs — imports builds of the JS API with the WebAssembly.Memory of each core captured
// as it is instantiated, so that tests can scan the whole heap for secrets left behind.
//   const { modules: [kit], memories } = await importWithMemories(new URL('../../dist/index.mjs', import.meta.url));
export async function importWithMemories(...urls) {
  const memories = [];
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    const instance = result.instance ?? result;
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(value);
    }
    return result;
  };
  try {
    const modules = [];
    for (const url of urls) {
      const kit = await import(url);
      await kit.ready; // the core is instantiated by then
      modules.push(kit);
    }
    return { modules, memories };
  } finally {
    WebAssembly.instantiate = instantiate;
  }
}
