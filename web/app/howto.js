// howto.js — "make it locally, store it, rotate it": the commands the core writes for the generator's
// current settings (makeCommands, storeCommands: the jwt module), each with a Copy button.
import { makeCommands, storeCommands } from '../../wasm/api/envfiles.mjs';
import { wireCopy } from './clipboard.js';
import { $id, say } from './ui.js';

function list(el, commands) {
  el.replaceChildren.apply(el, commands.map(function (c) {
    var li = document.createElement('li');
    var what = document.createElement('span');
    what.className = 'what';
    what.textContent = c.tool + ': ' + c.what;
    var row = document.createElement('div');
    row.className = 'cmd';
    var pre = document.createElement('textarea'); // a field: Copy's fallback selects it
    pre.readOnly = true;
    pre.spellcheck = false;
    pre.rows = Math.min(12, c.command.split('\n').length);
    pre.value = c.command;
    pre.setAttribute('aria-label', c.tool + ' command');
    var copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'secondary';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', 'Copy the ' + c.tool + ' command');
    var status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'sr-only';
    row.append(pre, copy, status);
    li.append(what, row);
    wireCopy(copy, pre, function () { return c.command; }, status, 'Copy failed: select the command and copy it by hand.');
    return li;
  }));
}

// A command's field as tall as its wrapped text.
function fit(field) {
  field.style.height = 'auto';
  field.style.height = field.scrollHeight + 2 + 'px';
}

// settings(): the generator's { alg, bytes, format, name } (format 'env' with the variable's name).
export function initHowto(settings) {
  var make = $id('howto-make');
  var store = $id('howto-store');
  function update() {
    var s = settings();
    if (!s) return;
    try {
      list(make, makeCommands(s));
      list(store, storeCommands({ alg: s.alg, bytes: s.bytes, name: s.name }));
      document.querySelectorAll('#howto textarea').forEach(fit);
    } catch (e) {
      var li = document.createElement('li');
      say(li, 'bad', e.code, e.message.replace(/^[A-Za-z]+: /, ''));
      make.replaceChildren(li);
      store.replaceChildren();
    }
  }
  // A closed <details> has no layout: its fields are fitted when it opens.
  $id('howto-store-box').addEventListener('toggle', function () { document.querySelectorAll('#howto textarea').forEach(fit); });
  var width = 0;
  window.addEventListener('resize', function () {
    if (innerWidth === width) return;
    width = innerWidth;
    document.querySelectorAll('#howto textarea').forEach(fit);
  });
  return { update: update };
}
