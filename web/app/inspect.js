// inspect.js — the token inspector: a pasted token read by the core (inspectJwt: its parts, header,
// payload, times and findings, all in the core's words), shown as it arrives, its parts coloured;
// and, in the background, the audit's built-in list tried against it on the audit's workers
// ("signed with a known weak secret"), cancelable. Verification is in verify.js.
import { inspectJwt } from '../../wasm/api/inspect.mjs';
import { auditRun, workerCount } from './audit.js';
import { $id, plural, say } from './ui.js';

var SEVERITY = { danger: 'Danger', warning: 'Warning', info: 'Note' };

// A claim's time as people read it: the date in UTC and in this browser's zone.
function when(seconds) {
  var d = new Date(seconds * 1000);
  if (isNaN(d.getTime())) return String(seconds);
  return d.toISOString().replace('T', ' ').replace(/\.000Z$/, ' UTC') + ' (' + d.toLocaleString() + ' here)';
}

// findings: [{ code, severity, message }] as <li>s in list.
export function showFindings(list, findings) {
  list.replaceChildren.apply(list, (findings || []).map(function (f) {
    var li = document.createElement('li');
    li.className = f.severity;
    var sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = SEVERITY[f.severity] || f.severity;
    var code = document.createElement('small');
    code.className = 'code';
    code.textContent = f.code;
    li.append(sev, f.message, ' ', code);
    return li;
  }));
  list.hidden = !findings || findings.length === 0;
}

// pageScript: the audit workers' source. hooks.onToken(report|null) after each reading (the
// verifier uses the token the inspector found).
export function initInspector(pageScript, hooks) {
  var input = $id('inspect-token');
  var empty = $id('inspect-empty');
  var error = $id('inspect-error');
  var notes = $id('inspect-notes');
  var view = $id('inspect-view');
  var auditLine = $id('inspect-audit');
  var stop = $id('inspect-audit-cancel');
  var timer = 0;
  var run = null;
  var audited = ''; // the token the background audit is (or was) about
  var last = null;

  function stopAudit() {
    if (run) run.cancel();
    run = null;
  }

  // The built-in list tried against the token, in the background: one run per token.
  function audit(report, token) {
    if (token === audited) return;
    stopAudit();
    audited = token;
    auditLine.className = 'hint';
    if (!/^HS(256|384|512)$/.test(report.alg || '')) { // no HMAC secret to look for
      auditLine.textContent = '';
      return;
    }
    if (typeof Worker === 'undefined' || !pageScript) {
      auditLine.textContent = 'This browser cannot run the known-weak-secret check (no Web Workers).';
      return;
    }
    if (!hooks.auditReady()) { // the built-in list is the check module's: tried again once it has loaded
      audited = '';
      auditLine.textContent = 'The known-weak-secret check starts once the page has loaded.';
      return;
    }
    auditLine.textContent = 'Trying the built-in list of known weak secrets against it\u2026';
    stop.hidden = false;
    var r = auditRun(pageScript, workerCount(), token, null, {
      progress: function () {},
      end: function (done, state, d) {
        if (run !== done && run !== null) return;
        run = null;
        stop.hidden = true;
        if (state === 'found') {
          say(auditLine, 'bad', '', 'Signed with a known weak secret: \u201c' + d.secret + '\u201d, from the built-in list of ' +
            'JWT defaults and common passwords. Anyone with that list can sign tokens your server accepts: ' +
            'replace the secret with a generated one and revoke these tokens.');
        } else if (state === 'not-found') {
          say(auditLine, 'hint', '', 'Not signed with any secret of the built-in list (' +
            plural(done.tried.reduce(function (a, b) { return a + b; }, 0), 'known weak secret') + ' tried). That does not make its secret strong.');
        } else if (state === 'cancelled') {
          say(auditLine, 'hint', '', 'Known-weak-secret check stopped.');
        } else {
          say(auditLine, 'bad', d && d.code, 'The known-weak-secret check failed: ' + ((d && d.message) || 'unknown error'));
        }
        hooks.onAudit(state, d);
      },
    });
    run = r.over ? null : r;
  }

  // The token's text with its parts in coloured spans (offsets are the core's, in the text).
  // (inspectJwt's offsets index the string: UTF-16 code units.)
  function showParts(text, report) {
    var pre = $id('inspect-parts');
    var out = [];
    var from = report.token.offset;
    report.parts.forEach(function (p, i) {
      if (p.offset > from) out.push(document.createTextNode(text.slice(from, p.offset)));
      var span = document.createElement('span');
      span.className = 'part-' + ['header', 'payload', 'signature'][i];
      span.textContent = text.slice(p.offset, p.offset + p.length);
      out.push(span);
      from = p.offset + p.length;
    });
    pre.replaceChildren.apply(pre, out);
  }

  function pretty(json) {
    try {
      return JSON.stringify(JSON.parse(json), null, 2);
    } catch (e) {
      return json;
    }
  }

  function render() {
    timer = 0;
    var text = input.value;
    var report = null;
    if (text.trim() === '') {
      stopAudit();
      audited = '';
      empty.hidden = false;
      error.hidden = true;
      notes.hidden = true;
      view.hidden = true;
      auditLine.textContent = '';
      stop.hidden = true;
      last = null;
      hooks.onToken(null);
      return;
    }
    empty.hidden = true;
    try {
      report = inspectJwt(text, { now: Date.now() / 1000 });
    } catch (e) {
      // Not a token (the core says which part and what is wrong), too large, or not loaded yet.
      stopAudit();
      audited = '';
      last = null;
      view.hidden = true;
      notes.hidden = true;
      error.hidden = false;
      say(error, 'bad', e.code, e.code === 'ERR_NOT_READY' ? 'The inspector is still loading: a moment.'
        : String(e.message).replace(/^inspectJwt: /, ''));
      auditLine.textContent = '';
      stop.hidden = true;
      hooks.onToken(null);
      return;
    }
    last = report;
    notes.replaceChildren.apply(notes, (report.notes || []).map(function (n) {
      var li = document.createElement('li');
      li.textContent = n.message;
      return li;
    }));
    notes.hidden = !report.notes || report.notes.length === 0;
    error.hidden = true;
    view.hidden = false;
    var token = text.slice(report.token.offset, report.token.offset + report.token.length);
    showParts(text, report);
    var facts = [['Algorithm', (report.alg || 'none given') + ' (from the header)'], ['Type', report.typ], ['Key id (kid)', report.kid]];
    ['iat', 'nbf', 'exp'].forEach(function (c) {
      var v = report.claims[c];
      if (v !== null && v !== undefined) facts.push([{ iat: 'Issued (iat)', nbf: 'Not before (nbf)', exp: 'Expires (exp)' }[c], when(v)]);
    });
    var dl = $id('inspect-facts');
    dl.replaceChildren();
    facts.forEach(function (f) {
      if (f[1] === null || f[1] === undefined) return;
      var dt = document.createElement('dt');
      dt.textContent = f[0];
      var dd = document.createElement('dd');
      dd.textContent = f[1];
      dl.append(dt, dd);
    });
    var times = $id('inspect-times');
    times.textContent = report.times && report.times.text ? report.times.text : '';
    times.className = report.times && (report.times.expired || report.times.not_yet_valid) ? 'bad' : '';
    showFindings($id('inspect-findings'), report.findings);
    $id('inspect-header').textContent = pretty(report.header);
    $id('inspect-payload').textContent = report.payload === null ? '(not UTF-8 text)' : report.payload_is_json ? pretty(report.payload) : report.payload;
    audit(report, token);
    hooks.onToken(report, token);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, 150); // live, but not on every keystroke of a long paste
  });
  stop.addEventListener('click', stopAudit);

  return {
    // Called when the modules it needs have loaded: reads what was pasted before.
    ready: function () { if (input.value) render(); },
    // The token as the inspector read it (null when none), and the text it came from.
    report: function () { return last; },
    show: function (token) {
      input.value = token;
      render();
    },
  };
}
