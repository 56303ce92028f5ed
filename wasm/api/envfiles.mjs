// envfiles.mjs — generateEnvFiles, makeCommands and storeCommands over the core's .env files and
// commands (jsk_env_files_*, jsk_secret_howto), in a module of their own (envfiles): neither an app
// that only makes secrets nor one that only signs and verifies carries them. They are exported from
// the root entry and from jwt-secret-kit/jwt (a companion there: loaded only where they are used).
import envfilesWasm from 'jsk:wasm/envfiles';
import envfilesErrors from 'jsk:errors/envfiles';
import { ENV_LAYOUTS, FORMATS } from 'jsk:policy';
import { algArg, optionsOf, sizeArg, stringArg } from './args.mjs';
import { JwtSecretKitError, companion, defineCore, putString, readString, readU32 } from './core.mjs';

/** The envfiles module: .env files and commands; its self-test is the generator's and the codecs'
 * (what every file is made of). */
export const envfilesCore = /* @__PURE__ */ companion(defineCore('envfiles', () => envfilesWasm, envfilesErrors, (m) => m.jsk_self_test_generate()));

// A list option (an array of strings, or one string) as the core's list: each item ended by '\n'.
function listArg(alloc, value, what, context) {
  if (value === undefined) return [0, 0];
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items)) envfilesCore.failWith('ERR_INVALID_ARGUMENT', `${context}: ${what}`);
  return putString(alloc, items.map((v, i) => {
    if (stringArg(v, `${what}[${i}]`, context).includes('\n')) {
      throw new JwtSecretKitError('ERR_BAD_NAME', `${context}: ${what}[${i}] has a line break`);
    }
    return `${v}\n`;
  }).join(''));
}

// A name from a list the core parses (layouts, formats): its value, or ERR_UNKNOWN_FORMAT.
function nameArg(alloc, value, parse, known, what, context) {
  if (value === undefined) return 0;
  const [p, n] = putString(alloc, stringArg(value, what, context));
  const code = parse(p, n);
  if (code < 0) throw new JwtSecretKitError('ERR_UNKNOWN_FORMAT', `${context}: unknown ${what} '${value}' (expected ${known.join(', ')})`);
  return code;
}

/**
 * New secrets as .env files: every name (default ['JWT_SECRET']) in every environment (default
 * none: one file), laid out as layout: 'files' (default: one file per environment,
 * .env.<environment>), 'prefix' (one .env, PRODUCTION_JWT_SECRET=...), 'rotation' (as files,
 * NAME_CURRENT and NAME_PREVIOUS) or 'k8s' (a Kubernetes Secret manifest per environment). alg and
 * bytes size each secret (base64url values). Returns { layout, alg, bytes, files: [{ name,
 * environment, variables, content }] }; each file has a header comment and each variable once.
 * A refused name throws with `item`: { option: 'names' | 'environments', index }.
 */
export function generateEnvFiles(options) {
  const context = 'generateEnvFiles';
  const o = optionsOf(options, ['names', 'environments', 'layout', 'alg', 'bytes'], context);
  return envfilesCore.withHeap((alloc, m) => {
    const args = [algArg(alloc, o.alg, context), sizeArg(o.bytes, 'bytes', context),
      o.layout === undefined ? 1 : nameArg(alloc, o.layout, m.jsk_env_layout_from_name, ENV_LAYOUTS, 'layout', context),
      ...listArg(alloc, o.names, 'names', context), ...listArg(alloc, o.environments, 'environments', context)];
    const capP = alloc(4);
    const culpritP = alloc(4);
    const rc = m.jsk_env_files_check(0, capP, culpritP, ...args);
    if (rc < 0) {
      const culprit = readU32(m, culpritP) | 0;
      try {
        envfilesCore.check(rc, context);
      } catch (e) {
        if (culprit !== 0) {
          const option = culprit > 0 ? 'names' : 'environments';
          e.item = { option, index: Math.abs(culprit) - 1 };
          e.message = `${context}: ${option}[${e.item.index}]: ${e.message.slice(context.length + 2)}`;
        }
        throw e;
      }
    }
    const cap = readU32(m, capP);
    const out = alloc(cap);
    const lenP = alloc(4);
    envfilesCore.check(m.jsk_env_files_json(out, cap, lenP, ...args), context);
    return JSON.parse(readString(m, out, readU32(m, lenP)));
  });
}

function commands(which, options, context) {
  const o = optionsOf(options, ['alg', 'bytes', 'format', 'name'], context);
  return envfilesCore.withHeap((alloc, m) => {
    const format = nameArg(alloc, o.format, m.jsk_format_from_name, FORMATS, 'format', context);
    const [name, nameLength] = o.name === undefined ? [0, 0] : putString(alloc, stringArg(o.name, 'name', context));
    const cap = 8192; // JSK_HOWTO_JSON_LEN_MAX
    const out = alloc(cap);
    const lenP = alloc(4);
    envfilesCore.check(m.jsk_secret_howto(out, cap, lenP, which, algArg(alloc, o.alg, context), sizeArg(o.bytes, 'bytes', context),
      format, name, nameLength), context);
    return JSON.parse(readString(m, out, readU32(m, lenP)));
  });
}

/**
 * How to make the same kind of secret on one's own machine: [{ tool, what, command }] for openssl,
 * node, python3 (none for a JWK), jwt-secret and npx jwt-secret-kit. options as generateSecret's:
 * alg, bytes, format (default base64url; 'env' with name).
 */
export function makeCommands(options) {
  return commands(1, options, 'makeCommands');
}

/**
 * How to put a new secret where it belongs without it passing through a command line: [{ tool,
 * what, command }] for gh, kubectl, docker, vault, aws, gcloud and az, each piping jwt-secret
 * generate's output (its newline removed) into the tool. name (default JWT_SECRET) names it there.
 */
export function storeCommands(options) {
  return commands(2, options, 'storeCommands');
}
