// audit.js — the audit panel: the token tried against the built-in list and an optional wordlist,
// on one Web Worker per core (worker.js). The workers are Blobs of the page's own scripts' text, so
// they work from file:// under the page's CSP (worker-src blob:); they load only the audit module,
// whose binary they get from the page. The built-in list comes from the check module, here.
import { readData } from 'jsk:data';
import { builtinList, checkCore } from '../../wasm/api/check.mjs';
import { linePart } from '../../wasm/api/audit.mjs';
import { compileWasm } from '../../wasm/api/core.mjs';
import { auditTokenCheck } from '../../wasm/api/jwt.mjs';
import { $id, plural, say, sayError } from './ui.js';

// Cuts bytes into count contiguous slices at line ends: slice i as a new ArrayBuffer (or null).
function slices(bytes, count) {
  var out = [];
  for (var i = 0; i < count; i++) {
    var part = linePart(bytes, i, count);
    out.push(part.length ? part.slice().buffer : null);
  }
  return out;
}

var workerUrl = '';
var compiled = null; // the audit module (the page's one module, page-all, carries it), compiled once

function auditModule() {
  if (!compiled) {
    compiled = compileWasm(readData('jsk-wasm-all'));
    compiled.catch(function () { compiled = null; }); // tried again by the next audit
  }
  return compiled;
}

// Workers started ahead of an audit (auditWarm: the audit panel, once its token field holds a token
// the audit accepts): each is made, instantiates the audit module and warms its candidate loop up
// (worker.js) while the user is still choosing a wordlist; the next audit takes them. They have the
// token (the warm-up tries made-up lines against it, and throws the outcome away), nothing else.
var spare = [];
function newWorker(pageScript, token) {
  workerUrl = workerUrl || URL.createObjectURL(new Blob([pageScript], { type: 'text/javascript' }));
  var w = new Worker(workerUrl);
  auditModule().then(function (wasm) { w.postMessage({ type: 'init', wasm: wasm, token: token }); }, function () {});
  return w;
}
function idle(w) { // a spare worker's handlers, until an audit takes it
  w.onmessage = function (event) {
    var d = event.data || {};
    if (d.type === 'csp') console.error('Audit worker: Content Security Policy: ' + d.text);
  };
  w.onerror = function (e) { // a broken spare is dropped: an audit makes a new one
    e.preventDefault();
    w.terminate();
    spare = spare.filter(function (s) { return s !== w; });
  };
}
export function auditWarm(pageScript, n, token) {
  while (spare.length < n) {
    var w = newWorker(pageScript, token);
    idle(w);
    spare.push(w);
  }
}
export function auditCool() {
  spare.forEach(function (w) { w.terminate(); });
  spare = [];
}

// The wordlist is handed out in parts (byte ranges; a worker tries the lines that start in its
// part), one at a time, to whichever worker asks: the workers finish together even when one runs
// slower (a busier core), where a fixed half each would leave one idle while the other ends. Parts
// shrink towards the end of the file (a third of what is left per worker, 64 KB to 4 MB).
var PART_MIN = 64 << 10;
var PART_MAX = 4 << 20;

// One audit on n workers (the audit panel's, and the token inspector's automatic one): token, file
// (a File or null); on.progress(r) after each worker's report, on.end(r, state, data) once, with
// state 'found' | 'not-found' | 'cancelled' | 'error'. r.tried, r.done, r.total: per worker;
// r.cancel() ends it ('cancelled'). pageScript: the workers' source (the page's own two scripts).
// Every part (the built-in list's shards first, then the file's parts, in file order) has an index:
// a find ends the audit once every part before it has been tried, so the secret reported is the
// first in the lists' order, as the CLI's.
export function auditRun(pageScript, n, text, file, on) {
  var r = { n: n, workers: [], tried: [], done: [], total: [], finished: 0, over: false,
    t0: performance.now(), shown: 0, drawn: -Infinity, file: file ? file.name : '' };
  var size = file ? file.size : 0;
  var pos = 0;
  var nextIndex = 0;
  var open = {}; // indexes of the parts handed out and not yet tried to their end
  var hit = null; // { index, d }: the earliest find so far
  function end(state, d) {
    if (r.over) return;
    r.over = true;
    r.workers.forEach(function (w) { w.terminate(); });
    on.end(r, state, d);
  }
  r.cancel = function () { end('cancelled'); };
  function part() {
    if (hit || pos >= size) return null;
    var left = size - pos;
    var len = Math.min(PART_MAX, Math.max(PART_MIN, Math.floor(left / (3 * n))));
    if (left - len < PART_MIN) len = left;
    var p = { index: nextIndex++, start: pos, end: pos + len };
    pos += len;
    open[p.index] = true;
    return p;
  }
  function settle() {
    if (!hit) return;
    for (var k in open) if (Number(k) < hit.index) return;
    end('found', hit.d);
  }
  function message(i, event) {
    var d = event.data;
    if (r.over) return;
    if (d.type === 'csp') return console.error('Audit worker: Content Security Policy: ' + d.text);
    if (d.type === 'error') return end('error', d);
    if (d.type === 'next') return r.workers[i].postMessage({ type: 'range', range: part() });
    if (d.type === 'read') { // a worker that cannot read the File itself (worker.js): the page reads for it
      file.slice(d.from, d.to).arrayBuffer().then(function (b) {
        if (!r.over) r.workers[i].postMessage({ type: 'bytes', id: d.id, buffer: b }, [b]);
      }, function (e) { end('error', e); });
      return;
    }
    r.tried[i] = d.tried;
    r.done[i] = d.done;
    if (d.closed !== undefined) delete open[d.closed];
    if (d.type === 'done') {
      if (d.found) {
        delete open[d.index];
        if (!hit || d.index < hit.index) hit = { index: d.index, d: d };
      } else if (++r.finished === r.n) {
        return hit ? settle() : end('not-found');
      }
    }
    if (hit) return settle();
    on.progress(r);
  }
  // Each worker gets the audit module, compiled here once for the page (the workers start while it
  // compiles), its shard of the built-in list (cut here at line ends, transferred) and the first
  // part of the wordlist, which it reads from the File itself (a handle, not a copy).
  try {
    var builtin = slices(builtinList(), n);
    var warm = spare.splice(0, n);
    auditCool(); // more spare workers than this audit uses
    for (var i = 0; i < n; i++) {
      var w = i < warm.length ? warm[i] : newWorker(pageScript, null);
      w.onmessage = message.bind(null, i);
      w.onerror = function (e) {
        e.preventDefault();
        end('error', new Error('an audit worker failed: ' + (e.message || 'unknown error')));
      };
      r.workers.push(w);
      r.tried.push(0);
      r.done.push(0);
      r.total.push((builtin[i] ? builtin[i].byteLength : 0) + (i === 0 ? size : 0));
      open[i - n] = true; // the built-in list's shards come first
    }
    auditModule().then(function (wasm) {
      if (r.over) return;
      for (var i = 0; i < n; i++) {
        r.workers[i].postMessage({ type: 'job', wasm: wasm, token: text, builtin: builtin[i], index: i - n, file: file,
          range: part() }, builtin[i] ? [builtin[i]] : []);
      }
    }, function (e) { end('error', e); });
  } catch (e) {
    end('error', e);
  }
  return r;
}

// The number of workers: one per core (at most 8); data-workers on the audit section overrides it.
export function workerCount() {
  var n = parseInt($id('audit').dataset.workers, 10);
  return n >= 1 ? Math.min(n, 64) : Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
}

// pageScript: the text of the page's two scripts (first.js's and index.js's), the workers' source.
export function initAudit(pageScript) {
  var auditToken = $id('audit-token');
  var auditFile = $id('audit-file');
  var start = $id('audit-start');
  var cancel = $id('audit-cancel');
  var bar = $id('audit-progress');
  var auditStatus = $id('audit-status');
  var auditResult = $id('audit-result');
  var auditSecret = $id('audit-secret');
  var reveal = $id('audit-reveal');
  var MASK = '\u2022'.repeat(10);
  var run = null; // the audit under way
  var found = '';

  function fmt(n) { return n.toLocaleString('en-US'); }
  function sum(a) {
    var s = 0;
    for (var i = 0; i < a.length; i++) {
      if (a[i] === null) return null;
      s += a[i];
    }
    return s;
  }
  function running(on) {
    var refocus = document.activeElement === (on ? start : cancel);
    start.disabled = on;
    auditFile.disabled = on;
    cancel.disabled = !on;
    if (refocus) (on ? cancel : start).focus();
  }

  function startAudit() {
    if (run) return;
    var text = auditToken.value.trim();
    var file = auditFile.files[0];
    found = '';
    auditSecret.textContent = '';
    auditResult.hidden = true;
    bar.max = 1;
    bar.value = 0;
    bar.hidden = false; // shown from the first audit on: before it, the status line says there is none
    try {
      auditTokenCheck(text); // a malformed or non-HMAC token is refused here, with its code
      if (typeof Worker === 'undefined' || !pageScript) throw new Error('this browser cannot run Web Workers');
      checkCore.loaded(); // the built-in list's dictionaries
    } catch (e) {
      return finish(null, 'error', e);
    }
    running(true);
    var n = workerCount();
    var r = auditRun(pageScript, n, text, file || null, { progress: progress, end: finish });
    if (r.over) return; // refused at once (finish has said why)
    run = r;
    auditStatus.textContent = 'Auditing on ' + plural(n, 'worker') + '\u2026';
  }

  function progress(r) {
    if (run !== r) return;
    var now = performance.now();
    if (now - r.drawn < 200) return; // the bar moves five times a second: each move is a frame to paint
    r.drawn = now;
    var tried = sum(r.tried);
    var total = sum(r.total); // bytes of the lists
    bar.max = total || 1;
    bar.value = sum(r.done);
    if (now - r.shown > 1000) { // the live region speaks at most once a second
      r.shown = now;
      auditStatus.textContent = 'Auditing on ' + plural(r.n, 'worker') + ': ' + fmt(tried) + ' candidates tried' +
        (total ? ' (' + Math.floor((100 * sum(r.done)) / total) + '%)' : '') + '\u2026';
    }
  }

  function finish(r, state, d) {
    if (r) {
      if (run !== null && run !== r) return;
      run = null;
      running(false);
    }
    var tried = r ? sum(r.tried) : 0;
    var seconds = r ? (performance.now() - r.t0) / 1000 : 0;
    var facts = r ? 'Tried ' + fmt(tried) + (tried === 1 ? ' candidate' : ' candidates') + ' in ' + seconds.toFixed(2) + ' s (' +
      fmt(Math.round(tried / Math.max(seconds, 1e-3))) + ' a second) on ' + plural(r.n, 'worker') + '.' : '';
    auditStatus.textContent = '';
    auditResult.hidden = false;
    auditResult.dataset.state = state;
    auditResult.dataset.tried = tried;
    auditResult.dataset.seconds = seconds;
    auditResult.dataset.workers = r ? r.n : 0;
    $id('audit-found').hidden = state !== 'found';
    auditSecret.textContent = '';
    if (r && state !== 'error') { // at the end, the bar counts candidates: all of them were tried
      bar.max = tried || 1;
      bar.value = tried;
    }
    var verdict = $id('audit-verdict');
    if (state === 'found') {
      found = d.secret;
      auditSecret.textContent = MASK;
      reveal.textContent = 'Reveal';
      say(verdict, 'bad', '', 'Found: this token is signed with a secret from ' + (d.source === 'wordlist'
        ? 'your wordlist (' + r.file + ')' : 'the built-in list of JWT defaults and common passwords') +
        '. Anyone with the list can sign tokens your server accepts: use a generated secret instead.');
    } else if (state === 'not-found') {
      say(verdict, '', '', 'Not found in ' + (r.file ? 'the built-in list or your wordlist' : 'the built-in list') +
        '. That does not make the secret strong: check the secret itself above.');
    } else if (state === 'cancelled') {
      say(verdict, '', '', 'Cancelled.');
    } else {
      sayError(verdict, d);
      facts = '';
    }
    $id('audit-facts').textContent = facts;
  }

  // Workers started ahead: once the token field holds a token the audit takes (and while no audit
  // runs), the workers are made and load the audit module; a token the audit refuses ends them.
  auditToken.addEventListener('input', function () {
    if (run) return;
    var text = auditToken.value.trim();
    try {
      auditTokenCheck(text);
      if (typeof Worker === 'undefined' || !pageScript) return;
    } catch (e) {
      return auditCool();
    }
    try {
      builtinList(); // made once, from the check module: ahead too
    } catch (e) {
      // made by the audit, once the check module has loaded
    }
    auditWarm(pageScript, workerCount(), text);
  });
  start.addEventListener('click', startAudit);
  cancel.addEventListener('click', function () { if (run) run.cancel(); });
  reveal.addEventListener('click', function () {
    var show = auditSecret.textContent === MASK;
    auditSecret.textContent = show ? found : MASK;
    reveal.textContent = show ? 'Hide' : 'Reveal';
  });


  return {
    disable: function () { start.disabled = true; },
  };
}
