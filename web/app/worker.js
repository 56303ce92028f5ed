// worker.js — what the page's script does in an audit worker (a Worker made from that very script,
// where there is no document): it loads only the audit module, whose binary (base64 text, a data
// block of the page) comes in the first message. Gets { wasm, token, builtin (its shard of the
// built-in list), wordlist (its slice of the user's list) }, the lists as ArrayBuffers or null;
// tries them in chunks and posts { type: 'progress' | 'done' | 'error' | 'csp', ... }. The page
// ends it.
import { postData } from 'jsk:data';
import { auditCore, createAudit } from '../../wasm/api/audit.mjs';

/** Loads the audit module from its binary (the page's data block jsk-wasm-audit). */
function auditReady(wasm) {
  postData('jsk-wasm-audit', wasm);
  return auditCore.init();
}

var CHUNK = 1 << 20; // bytes of candidates between progress reports (and chances to cancel)

function countLines(list) {
  var n = list.length && list[list.length - 1] !== 10 ? 1 : 0; // every line is a candidate
  for (var i = list.indexOf(10); i >= 0; i = list.indexOf(10, i + 1)) n++;
  return n;
}

export function runWorker() {
  self.addEventListener('securitypolicyviolation', function (e) {
    postMessage({ type: 'csp', text: e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') });
  });
  self.onmessage = onJob;
}

function onJob(event) {
  var job = event.data;
  auditReady(job.wasm).then(function () {
    var builtin = new Uint8Array(job.builtin || new ArrayBuffer(0));
    var list = new Uint8Array(job.wordlist || new ArrayBuffer(0));
    var counts = { builtin: countLines(builtin), lines: countLines(list) };
    var audit = createAudit(job.token);
    var report = function (type, source, r) {
      postMessage({ type: type, tried: audit.tried, lines: counts.lines, builtin: counts.builtin,
        found: !!(r && r.found), secret: r && r.found ? new TextDecoder().decode(r.line) : null, source: source });
    };
    report('progress', null, null);
    var sources = [['builtin', builtin], ['wordlist', list]];
    for (var s = 0; s < sources.length; s++) {
      var bytes = sources[s][1];
      for (var at = 0, end = 0; at < bytes.length; at = end) {
        // Chunks end at a line end, so that no line is carried (and copied) into the next one.
        end = at + CHUNK >= bytes.length ? bytes.length : bytes.lastIndexOf(10, at + CHUNK) + 1;
        if (end <= at) end = Math.min(bytes.length, at + CHUNK); // a line longer than a chunk
        var r = audit.tryLines(bytes.subarray(at, end), end === bytes.length);
        if (r.found) {
          report('done', sources[s][0], r);
          r.line.fill(0);
          audit.close();
          return;
        }
        report('progress', null, null);
      }
    }
    report('done', null, null);
    audit.close();
  }).catch(function (e) {
    postMessage({ type: 'error', code: e.code || 'ERR_AUDIT', message: String(e.message || e) });
  });
}
