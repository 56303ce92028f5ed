// worker.js — what the page's script does in an audit worker (a Worker made from that very script,
// where there is no document). Gets { token, wordlist (its own slice, an ArrayBuffer or null),
// shard: { index, count } (of the built-in list) }; posts { type: 'progress' | 'done' | 'error' |
// 'csp', ... }. The page ends it.
import * as kit from '../../wasm/api/index.mjs';

export var CHUNK = 256 * 1024; // bytes of candidates between progress reports (and chances to cancel)

export function runWorker() {
  self.addEventListener('securitypolicyviolation', function (e) {
    postMessage({ type: 'csp', text: e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') });
  });
  self.onmessage = function (event) {
    var job = event.data;
    kit.ready.then(function () {
      var list = new Uint8Array(job.wordlist || new ArrayBuffer(0));
      var lines = list.length && list[list.length - 1] !== 10 ? 1 : 0; // every line is a candidate
      for (var i = 0; i < list.length; i++) if (list[i] === 10) lines++;
      var base = 0;
      var builtin = null;
      var report = function (tried, type, r) {
        postMessage({ type: type || 'progress', tried: base + tried, lines: lines, builtin: builtin,
          found: !!(r && r.found), secret: r ? r.secret : null, source: r ? r.source : null });
      };
      report(0);
      var r = kit.auditToken(job.token, { shard: job.shard, chunkBytes: CHUNK, onProgress: report });
      if (!r.found) {
        base = builtin = r.tried;
        if (lines) r = kit.auditToken(job.token, { wordlist: list, builtin: false, chunkBytes: CHUNK, onProgress: report });
        else r.tried = 0;
      }
      report(r.tried, 'done', r);
    }).catch(function (e) {
      postMessage({ type: 'error', code: e.code || 'ERR_AUDIT', message: String(e.message || e) });
    });
  };
}
