// worker.js — what the page's scripts do in an audit worker (a Worker made from those very scripts,
// where there is no document): it loads only the audit module, compiled once by the page for all
// its workers (a WebAssembly.Module: one compilation, one tier-up), and tries its shard of the
// built-in list, then the parts of the user's wordlist that the page hands out one at a time.
// Messages in: { type: 'init', wasm } (the page may send it ahead of a job: the worker instantiates
// the module while the user is still choosing a file), { type: 'job', token, builtin (this worker's
// shard of the built-in list, an ArrayBuffer or null), index (the shard's place in the audit's
// order), file (the user's wordlist, a File: a handle, not a copy, or null), range (the first part
// of the file) }, { type: 'range', range } (the next part, or null: no more), { type: 'bytes', id,
// buffer } (see read). A part is { index, start, end }: the lines that start in [start, end).
// Messages out: { type: 'progress' | 'done' | 'error' | 'csp' | 'next' | 'read', tried, done
// (bytes), closed (the index of a part tried to its end without a find), index (of the part with
// the find), ... }. The page ends it.
import { postData } from 'jsk:data';
import { auditCore, createAudit, eachLinePiece } from '../../wasm/api/audit.mjs';

var CHUNK = 1 << 20; // bytes of candidates between progress reports (and chances to cancel)
// Bytes of candidates between two task boundaries, where this thread takes what has come in: the
// next part from the page, and the file's bytes (the browser hands a read's data to the thread that
// reads, a piece at a time: while this thread tries candidates without a break, its reads stall).
var PIECE = 256 << 10;
// The built-in list goes first, in smaller pieces: the file's first part is being read meanwhile.
var FIRST_PIECE = 64 << 10;

var ready = null; // the module's instantiation (and warm-up), started by the first message that carries it
function auditReady(wasm, token) {
  if (!ready) {
    postData('jsk-wasm-all', wasm); // the page's one module after the generator carries the audit
    ready = auditCore.init().then(function () { if (token) return warmUp(token); });
  }
  return ready;
}

// A worker started ahead of its audit warms the candidate loop up on made-up lines, so that the
// engine has optimised it (V8 runs a function in its baseline tier until it has run a while) before
// the audit's first candidate; what it tries is thrown away (a made-up line that happened to be the
// token's secret would still be found by the audit itself, where the lists hold it). Done in
// pieces, between which the job can come in and its first read start.
var WARM_LINES = 4096;
var WARM_ROUNDS = 4;
async function warmUp(token) {
  var lines = new Uint8Array(WARM_LINES * 13);
  for (var i = 0; i < WARM_LINES; i++) {
    for (var j = 0; j < 12; j++) lines[i * 13 + j] = 0x21 + ((i * 31 + j * 7 + (i >> j)) % 94);
    lines[i * 13 + 12] = 10;
  }
  var audit = null;
  try {
    audit = createAudit(token);
    for (var round = 0; round < WARM_ROUNDS; round++) {
      audit.tryLines(lines, true);
      await breathe();
    }
  } catch (e) {
    // a token the audit refuses is refused again, with its message, by the job
  } finally {
    if (audit) audit.close();
  }
}
export function runWorker() {
  self.addEventListener('securitypolicyviolation', function (e) {
    postMessage({ type: 'csp', text: e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') });
  });
  self.onmessage = function (event) {
    var d = event.data || {};
    if (d.type === 'bytes') return answered(d);
    if (d.type === 'range') return ranged(d.range);
    if (d.type === 'init') return auditReady(d.wasm, d.token).catch(function () {}); // reported by the job's own wait
    if (d.type === 'job') return onJob(d);
  };
}

// Reads bytes [from, to) of the file. Where a worker cannot read the File it was given (WebKit,
// for a page opened from file://: the read fails with NotReadableError), it asks the page for each
// byte range from then on ({ type: 'read', id, from, to }; the page answers { type: 'bytes', id,
// buffer }, transferred).
var viaPage = false;
var asked = {};
var askedNext = 0;
function read(file, from, to) {
  if (viaPage) {
    return new Promise(function (resolve) {
      var id = ++askedNext;
      asked[id] = resolve;
      postMessage({ type: 'read', id: id, from: from, to: to });
    });
  }
  return file.slice(from, to).arrayBuffer().then(function (b) { return new Uint8Array(b); }, function (e) {
    if (viaPage) return read(file, from, to);
    if (e && e.name !== 'NotReadableError') throw e;
    viaPage = true;
    return read(file, from, to);
  });
}
function answered(d) {
  var resolve = asked[d.id];
  delete asked[d.id];
  if (resolve) resolve(new Uint8Array(d.buffer));
}

function concat(a, b) {
  var out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// The bytes of the lines that start in [start, end): read from byte start - 1 (a line starts at
// start when the byte before it ends one) to a little past end, and on (64 KB at a time) while the
// line that holds byte end - 1 goes on. Empty when no line starts in the range.
var PAST = 4096;
async function partBytes(file, start, end) {
  var size = file.size;
  var from = Math.max(0, start - 1);
  var bytes = await read(file, from, Math.min(size, end + PAST));
  var first = 0;
  if (start > 0) {
    var nl = bytes.subarray(0, end - 1 - from).indexOf(10); // a line start p in [start, end) has byte p - 1 = "\n"
    if (nl < 0) return new Uint8Array(0);
    first = nl + 1;
  }
  var stop = bytes.indexOf(10, end - 1 - from);
  while (stop < 0 && from + bytes.length < size) {
    var at = from + bytes.length;
    var more = await read(file, at, Math.min(size, at + 65536));
    if (!more.length) break;
    stop = more.indexOf(10);
    if (stop >= 0) stop += bytes.length;
    bytes = concat(bytes, more);
  }
  return bytes.subarray(first, stop < 0 ? bytes.length : stop + 1);
}

// The parts of the file this worker has been given, each with its read under way (the browser reads
// files off this thread): the one it tries and the next, asked for as it starts one (so the read
// of the next overlaps the work on this one).
var file = null;
var parts = [];
var waiting = null;
function take(range) {
  if (!range) return null;
  var bytes = partBytes(file, range.start, range.end);
  bytes.catch(function () {}); // a part never tried (the audit ended first) may fail unseen
  return { index: range.index, bytes: bytes };
}
function ranged(range) {
  var part = take(range);
  if (waiting) {
    var w = waiting;
    waiting = null;
    w(part);
  } else {
    parts.push(part);
  }
}
function nextPart() {
  if (parts.length) return Promise.resolve(parts.shift());
  return new Promise(function (resolve) { waiting = resolve; });
}

// A task boundary (not a microtask): lets the messages that have come in (the next part, bytes
// from the page) run between two pieces of work.
var yielded = null;
var channel = null;
function breathe() {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = function () { var y = yielded; yielded = null; y(); };
  }
  return new Promise(function (resolve) {
    yielded = resolve;
    channel.port2.postMessage(0);
  });
}

async function onJob(job) {
  var audit = null;
  try {
    file = job.file;
    var first = file && job.range ? take(job.range) : null; // the first read starts before the module is ready
    await auditReady(job.wasm);
    audit = createAudit(job.token);
    var done = 0;
    var report = function (type, extra) {
      var m = { type: type, tried: audit.tried, done: done };
      for (var k in extra) m[k] = extra[k];
      postMessage(m);
    };
    // Tries bytes in pieces of about pieceBytes that end at a line end (a progress report about
    // every CHUNK); returns whether it found the secret.
    var tryAll = async function (bytes, index, pieceBytes) {
      var hit = null;
      var pieces = [];
      var reported = done;
      eachLinePiece(bytes, pieceBytes, function (piece) { pieces.push(piece); });
      for (var i = 0; i < pieces.length && !hit; i++) {
        if (i > 0) await breathe();
        var r = audit.tryLines(pieces[i], true);
        done += pieces[i].length;
        if (r.found) hit = r;
        else if (i < pieces.length - 1 && done - reported >= CHUNK) {
          reported = done;
          report('progress', {});
        }
      }
      if (hit) {
        report('done', { found: true, index: index, source: index < 0 ? 'builtin' : 'wordlist', secret: new TextDecoder().decode(hit.line) });
        hit.line.fill(0);
        return true;
      }
      report('progress', { closed: index });
      return false;
    };
    report('progress', {});
    if (await tryAll(new Uint8Array(job.builtin || new ArrayBuffer(0)), job.index, FIRST_PIECE)) return;
    var part = first;
    while (part) {
      postMessage({ type: 'next' });
      var bytes = await part.bytes;
      if (await tryAll(bytes, part.index, PIECE)) return;
      part = await nextPart();
    }
    report('done', { found: false });
  } catch (e) {
    postMessage({ type: 'error', code: e.code || 'ERR_AUDIT', message: String(e.message || e) });
  } finally {
    if (audit) audit.close();
  }
}
