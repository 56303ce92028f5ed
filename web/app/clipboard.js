// clipboard.js — copy buttons, and clearing the clipboard CLEAR_SECONDS after a copy when the box
// is ticked: unless it is known to hold something else by then (known only where reading it is
// allowed already; else it is emptied all the same). A page without the focus may not write it:
// then it waits for the focus.
import { $id, tell } from './ui.js';

export var CLEAR_SECONDS = 30;
var clipClear = null; // the box, found by initClipboard() (this module also loads in the audit workers)
var clip = { text: null, timer: 0, status: null };

function scheduleClear(text, status) {
  clearTimeout(clip.timer);
  window.removeEventListener('focus', clearClipboard);
  clip.text = clipClear.checked ? text : null;
  clip.status = status;
  if (clip.text !== null) clip.timer = setTimeout(clearClipboard, CLEAR_SECONDS * 1000);
  return clip.text !== null;
}

function clearClipboard() {
  window.removeEventListener('focus', clearClipboard);
  var text = clip.text;
  var status = clip.status;
  var cb = navigator.clipboard;
  if (text === null) return;
  if (!cb || !cb.writeText) {
    clip.text = null;
    return tell(status, 'Could not clear the clipboard: this browser does not let pages write it.', 10000);
  }
  // Read only where that is already allowed: asking would put a permission prompt up, long after
  // the copy. Unknown (null): emptied all the same, as the box promised.
  var query = navigator.permissions && navigator.permissions.query
    ? navigator.permissions.query({ name: 'clipboard-read' }).then(function (p) { return p.state === 'granted'; })
    : Promise.resolve(false);
  query.catch(function () { return false; }).then(function (granted) {
    return granted && cb.readText ? cb.readText().then(function (now) { return now === text; }) : null;
  }).catch(function () { return null; }).then(function (ours) {
    if (clip.text !== text) return; // cancelled, or a newer copy took over
    if (ours === false) {
      clip.text = null;
      return tell(status, 'Clipboard left alone: it holds something else now.', 10000);
    }
    return cb.writeText('').then(function () {
      if (clip.text === text) clip.text = null;
      tell(status, 'Clipboard cleared.', 10000);
    }, function () {
      if (clip.text !== text) return;
      if (!document.hasFocus()) {
        window.addEventListener('focus', clearClipboard);
        tell(status, 'The clipboard will be cleared when this page has the focus again.', 0);
      } else {
        clip.text = null;
        tell(status, 'Could not clear the clipboard: copy something else over the secret.', 10000);
      }
    });
  });
}

export function initClipboard() {
  clipClear = $id('clip-clear');
  clipClear.addEventListener('change', function () {
    if (!clipClear.checked && clip.text !== null) {
      scheduleClear(null, clip.status);
      tell(clip.status, '');
    }
  });
}

// Copy buttons: the clipboard API, else a selection and execCommand, else say so. text() is
// what to copy; the fallback selects it in field (shown unmasked for the moment).
export function wireCopy(button, field, text, status, failText) {
  function copied(ok, value) {
    var clearing = ok && scheduleClear(value, status);
    tell(status, ok ? (clearing ? 'Copied; the clipboard will be cleared in ' + CLEAR_SECONDS + ' s.' : 'Copied.') : failText);
  }
  function fallback(value) {
    var shown = field.value;
    field.value = value;
    field.focus();
    field.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    field.value = shown;
    copied(ok, value);
  }
  button.addEventListener('click', function () {
    var value = text();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).then(function () { copied(true, value); }, function () { fallback(value); });
    } else {
      fallback(value);
    }
  });
}
