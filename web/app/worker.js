// worker.js — what the page's script does in an audit worker (a Worker made from that very script,
// where there is no document): it loads only the audit module, compiled once by the page for all
// its workers (a WebAssembly.Module: one compilation, one tier-up), which comes in the first
// message, and streams its part of the lists. Gets { wasm,
// token, builtin (its shard of the built-in list, an ArrayBuffer or null), file (the user's
// wordlist, a File: a handle, not a copy, or null), start, end (its byte range of the file) };
// posts { type: 'progress' | 'done' | 'error' | 'csp', tried, done, total (bytes), ... }. The page
// ends it.
import { postData } from 'jsk:data';
import { auditCore, createAudit, eachLinePiece } from '../../wasm/api/audit.mjs';

/** Instantiates the audit module (the page's data block jsk-wasm-all: the page's one module after
 * the generator carries the audit; compiled by the page). */
function auditReady(wasm) {
  postData('jsk-wasm-all', wasm);
  return auditCore.init();
}

var CHUNK = 1 << 20; // bytes of candidates between progress reports (and chances to cancel)
var READ = 4 << 20; // bytes read from the file at a time

export function runWorker() {
  self.addEventListener('securitypolicyviolation', function (e) {
    postMessage({ type: 'csp', text: e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') });
  });
  self.onmessage = function (event) {
    if (event.data && event.data.type === 'bytes') return answered(event.data);
    return onJob(event);
  };
}

// bytes in pieces of about CHUNK that end at a line end, so that no line is carried (and copied)
// into the next one; the last piece is final when the bytes are.
function pieces(bytes, final, each) {
  return eachLinePiece(bytes, CHUNK, function (piece, last) { return each(piece, final || !last, piece.length); });
}

// Where a worker cannot read the File it was given (WebKit, for a page opened from file://: the
// read fails with NotReadableError), it asks the page for each byte range instead ({ type: 'read',
// id, from, to }; the page answers { type: 'bytes', id, buffer }, transferred).
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
  return file.slice(from, to).arrayBuffer().then(function (b) { return new Uint8Array(b); });
}
function answered(d) {
  var resolve = asked[d.id];
  delete asked[d.id];
  if (resolve) resolve(new Uint8Array(d.buffer));
}
// Whether this worker can read the File itself: one byte, read once.
async function canRead(file) {
  try {
    await file.slice(0, Math.min(1, file.size)).arrayBuffer();
    return true;
  } catch (e) {
    return false;
  }
}

// The lines of the file that start in [start, end): from the first line start at or after start
// (the line through byte start - 1 is the previous worker's) to the end of the line that holds
// byte end - 1, read READ bytes at a time; each chunk goes to each(bytes, final), which returns
// true to stop.
async function eachChunk(file, start, end, each) {
  var size = file.size;
  var pos = start;
  if (start > 0) {
    for (pos = start - 1; pos < size;) {
      var head = await read(file, pos, Math.min(size, pos + 65536));
      var nl = head.indexOf(10);
      if (nl >= 0) {
        pos += nl + 1;
        break;
      }
      pos += head.length;
    }
  }
  // The next chunk is read while this one is tried (the browser reads files off this thread).
  var next = pos < size && (pos < end || pos === start) ? read(file, pos, Math.min(size, pos + READ)) : null;
  while (next) {
    var chunk = await next;
    var n = chunk.length;
    var last = false;
    if (pos + n >= end) { // this chunk reaches the range's end: stop after the line that holds end - 1
      var stop = chunk.indexOf(10, Math.max(0, end - 1 - pos));
      if (stop >= 0) {
        n = stop + 1;
        last = true;
      }
    }
    var final = last || pos + n >= size;
    next = final || n === 0 ? null : read(file, pos + n, Math.min(size, pos + n + READ));
    if (pieces(chunk.subarray(0, n), final, each)) {
      if (next) next.catch(function () {});
      return true;
    }
    pos += n;
  }
  return false;
}

async function onJob(event) {
  var job = event.data;
  var audit = null;
  try {
    await auditReady(job.wasm);
    audit = createAudit(job.token);
    var builtin = new Uint8Array(job.builtin || new ArrayBuffer(0));
    var total = builtin.length + (job.file ? Math.max(0, job.end - job.start) : 0);
    var done = 0;
    var report = function (type, source, r) {
      postMessage({ type: type, tried: audit.tried, done: Math.min(done, total), total: total, found: !!(r && r.found),
        secret: r && r.found ? new TextDecoder().decode(r.line) : null, source: source });
    };
    var hit = null;
    var each = function (source) {
      return function (bytes, final, used) {
        var r = audit.tryLines(bytes, final);
        done += used;
        if (r.found) {
          hit = [source, r];
          return true;
        }
        report('progress', null, null);
        return false;
      };
    };
    report('progress', null, null);
    pieces(builtin, true, each('builtin'));
    if (!hit && job.file && job.start < job.end) {
      viaPage = !(await canRead(job.file));
      await eachChunk(job.file, job.start, job.end, each('wordlist'));
    }
    report('done', hit && hit[0], hit && hit[1]);
    if (hit) hit[1].line.fill(0);
  } catch (e) {
    postMessage({ type: 'error', code: e.code || 'ERR_AUDIT', message: String(e.message || e) });
  } finally {
    if (audit) audit.close();
  }
}
