// ui.js — small helpers every panel uses: elements by id, counted nouns, transient status text,
// and errors shown words first: the core's message, then its code in small print.
export function $id(id) {
  return document.getElementById(id);
}

export function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

// Status messages that go away by themselves (ms 0: they stay).
export function tell(status, text, ms) {
  status.textContent = text;
  clearTimeout(status.jskTimer);
  if (ms !== 0) status.jskTimer = setTimeout(function () { status.textContent = ''; }, ms || 4000);
}

// An error's message without the API function's name.
export function messageOf(e) {
  return String(e.message).replace(/^[A-Za-z]+: /, '');
}

// An error as text: the message, then "(CODE)".
export function errorText(e) {
  return messageOf(e) + (e.code ? ' (' + e.code + ')' : '');
}

// The message ending with a full stop (the core's messages are phrases).
function sentence(text) {
  var t = String(text);
  return /[.!?)]$/.test(t) ? t : t + '.';
}

// Replaces el's content with <p class=cls>text <small class=code>CODE</small></p> (the code in
// small print after the words, none without a code); returns the <p>.
export function say(el, cls, code, text) {
  var p = document.createElement('p');
  p.className = cls;
  p.append(code ? sentence(text) : text);
  if (code) {
    var c = document.createElement('small');
    c.className = 'code';
    c.textContent = code;
    p.append(' ', c);
  }
  el.replaceChildren(p);
  return p;
}

export function sayError(el, e) {
  say(el, 'bad', e.code, messageOf(e));
}

// The same in a status line (a <span>): words first, the code in small print; text replaces the
// core's message when the panel can say more.
export function statusError(el, e, text) {
  el.className = 'bad';
  var c = document.createElement('small');
  c.className = 'code';
  c.textContent = e.code || '';
  el.replaceChildren(sentence(text || messageOf(e)), ' ', c);
}

// A byte count as people read a limit: "1 MiB", "8 KiB", else bytes.
export function byteSize(n) {
  if (n % 1048576 === 0) return n / 1048576 + ' MiB';
  if (n % 1024 === 0) return n / 1024 + ' KiB';
  return plural(n, 'byte');
}
