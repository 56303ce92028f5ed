// error-tables.mjs — each WASM module's error table: the core's [code, message, refusal] of every
// error the module can produce, so that an app carries the messages of the modules it loads and no
// others. Nothing here is typed by hand:
//   - the C codes: every JSK_ERR_ constant (or "ERR_" name) in the sources the module was linked from (the input
//     files the linker took, build/wasm/jsk-NAME.members, from scripts/link-members.mjs; a whole
//     file's codes, so a superset of what the linked functions return), and in the core's internal
//     headers;
//   - the JS codes: every code the JS API looks up in a table by name (failWith('ERR_...') and
//     value('ERR_...') in wasm/api/): of the files that load the module, and of the shared ones.
// The messages stay the core's: the entries are the policy's (build/gen/policy.mjs, ERROR_1...).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const uncomment = (c) => c.replace(/\/\*[\s\S]*?\*\//g, ' '); // the core's comments are all /* */
// JSK_ERR_ constants, and code names as strings (error.c's jsk_error_code table: a module that
// links it can name any code, as the jwt module's verification report does; "ERR_UNKNOWN", its
// name for a value that is not a code, is none).
const cCodes = (text) => [...uncomment(text).matchAll(/\bJSK_(ERR_[A-Z0-9_]+)\b|"(ERR_[A-Z0-9_]+)"/g)]
  .map((m) => m[1] ?? m[2]).filter((c) => c !== 'ERR_UNKNOWN');

/** The C source a --trace line names ('libjsk_module_objs.a(secret.c.o)',
 * 'CMakeFiles/jsk_module_generate.dir/wasm/no_jwk.c.o'), or null for the toolchain's own. */
function sourceOf(line, root, wasmBuild) {
  const member = /^libjsk_module_objs\.a\((.+)\.o\)$/.exec(line);
  if (member) {
    const found = [join(root, 'core/src', member[1]), join(wasmBuild, 'gen', member[1])].filter(existsSync);
    if (found.length !== 1) throw new Error(`error tables: no single source for the linked member ${line}`);
    return found[0];
  }
  const object = /^CMakeFiles\/[^/]+\.dir\/(.+)\.o$/.exec(line);
  if (object) {
    const path = join(root, object[1]);
    if (!existsSync(path)) throw new Error(`error tables: no source for the linked object ${line}`);
    return path;
  }
  if (line.startsWith('/') && !line.startsWith(root)) return null; // the toolchain's libraries and start files
  throw new Error(`error tables: cannot tell what the linked input ${line} is`);
}

/** The codes the JS API looks up by name for module `name`: those of the files that import its
 * binary ('jsk:wasm/NAME') and of the files that import none (the loader, the argument checks). */
export function jsCodes(root, name) {
  const dir = join(root, 'wasm/api');
  return readdirSync(dir).filter((f) => f.endsWith('.mjs')).flatMap((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const modules = [...text.matchAll(/from 'jsk:wasm\/([\w-]+)'/g)].map((m) => m[1]);
    if (modules.length > 0 && !modules.includes(name)) return [];
    return [...text.matchAll(/\b(?:failWith|value)\(\s*'(ERR_[A-Z0-9_]+)'/g)].map((m) => m[1]);
  });
}

/** The codes module `name` can produce, sorted by value: its C sources' and the JS API's. */
export function moduleCodes(name, { root, wasmBuild, policy }) {
  const members = readFileSync(join(wasmBuild, `jsk-${name}.members`), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const sources = members.map((l) => sourceOf(l, root, wasmBuild)).filter(Boolean);
  if (!sources.some((s) => s.startsWith(join(root, 'core/src/')))) throw new Error(`error tables: ${name}'s link did not list its sources`);
  const headers = readdirSync(join(root, 'core/src')).filter((f) => f.endsWith('.h')).map((f) => join(root, 'core/src', f));
  const codes = new Set([...sources, ...headers].flatMap((f) => cCodes(readFileSync(f, 'utf8'))));
  for (const c of jsCodes(root, name === 'audit-scalar' ? 'audit' : name)) codes.add(c);
  const known = new Map(policy.errors.map((e) => [e.code, e.value]));
  for (const c of codes) if (!known.has(c)) throw new Error(`error tables: ${c} is not one of the core's error codes`);
  return [...codes].sort((a, b) => known.get(b) - known.get(a));
}

/** The build-time module 'jsk:errors/NAME': the module's table, indexed by -1 - value (holes for
 * the codes it cannot produce), its entries the policy's. */
export function errorTableModule(name, options) {
  const byCode = new Map(options.policy.errors.map((e) => [e.code, -e.value]));
  const codes = moduleCodes(name, options);
  // Every code (a module that links error.c, jsk_strerror's table): the policy's ERRORS, one literal.
  if (codes.length === byCode.size) return "export { ERRORS as default } from 'jsk:policy';\n";
  const slots = [];
  for (const c of codes) slots[byCode.get(c) - 1] = `ERROR_${byCode.get(c)}`;
  const used = slots.filter(Boolean);
  return `import { ${used.join(', ')} } from 'jsk:policy';\nexport default [${Array.from(slots, (s) => s ?? '').join(', ')}];\n`;
}
