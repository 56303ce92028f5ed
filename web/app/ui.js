// ui.js — small helpers every panel uses: elements by id, counted nouns, transient status text,
// and errors shown as "CODE: message" (the message is the core's).
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

// An error as "CODE: message".
export function errorText(e) {
  return (e.code ? e.code + ': ' : '') + messageOf(e);
}

// Replaces el's content with <p class=cls><code>CODE</code> text</p> (no <code> without a code); returns the <p>.
export function say(el, cls, code, text) {
  var p = document.createElement('p');
  p.className = cls;
  if (code) {
    var c = document.createElement('code');
    c.textContent = code;
    p.append(c, ' ');
  }
  p.append(text);
  el.replaceChildren(p);
  return p;
}

export function sayError(el, e) {
  say(el, 'bad', e.code, messageOf(e));
}

// A byte count as people read a limit: "1 MiB", "8 KiB", else bytes.
export function byteSize(n) {
  if (n % 1048576 === 0) return n / 1048576 + ' MiB';
  if (n % 1024 === 0) return n / 1024 + ' KiB';
  return plural(n, 'byte');
}
