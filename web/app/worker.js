// worker.js — an audit worker: its own script (scripts/build.mjs bundles it apart from the page's
// and the page makes a Blob of it), which loads only the audit module. Gets { token, builtin (its
// shard of the built-in list), wordlist (its slice of the user's list) } as ArrayBuffers or null;
// tries them in chunks and posts { type: 'progress' | 'done' | 'error' | 'csp', ... }. The page
// ends it.
import { auditCore, createAudit } from '../../wasm/api/audit.mjs';

export { createAudit };
export var ready = auditCore.init();
ready.catch(function () {});

var CHUNK = 1 << 20; // bytes of candidates between progress reports (and chances to cancel)

function countLines(list) {
  var n = list.length && list[list.length - 1] !== 10 ? 1 : 0; // every line is a candidate
  for (var i = list.indexOf(10); i >= 0; i = list.indexOf(10, i + 1)) n++;
  return n;
}

self.addEventListener('securitypolicyviolation', function (e) {
  postMessage({ type: 'csp', text: e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') });
});
self.onmessage = function (event) {
  var job = event.data;
  ready.then(function () {
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
      for (var at = 0; at < bytes.length; at += CHUNK) {
        var end = Math.min(bytes.length, at + CHUNK);
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
};
