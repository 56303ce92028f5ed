// generator.js — the generator panel: one secret in a format, or a .env block (a secret per name,
// per environment). Whether a size or a name is acceptable is the core's answer: the panel asks
// it (describeSecret, generateSecret) and only words the answer.
import * as kit from '../../wasm/api/generate.mjs';
import { GENERATE_LIMITS, KEY_BYTES } from 'jsk:policy';
import { wireCopy } from './clipboard.js';
import { $id, messageOf, plural, tell } from './ui.js';

var DEFAULT_NAMES = ['JWT_ACCESS_TOKEN_SECRET', 'JWT_REFRESH_TOKEN_SECRET', 'JWT_EMAIL_TOKEN_SECRET'];
var NOTHING = { text: '', key: '', what: '', file: '', jwk: false };

// hooks: onAlg(alg) when the algorithm is set, onChange() after every generation.
export function initGenerator(hooks) {
  var form = $id('generate-form');
  var output = $id('secret');
  var size = $id('size');
  var copy = $id('copy');
  var copyStatus = $id('copy-status');
  var maskButton = $id('mask');
  var download = $id('download');
  var genError = $id('gen-error');
  var bytesInput = $id('bytes');
  var names = $id('names');
  // What the generator made: the text (whatever the field shows while masked), the one secret the
  // sign panel uses and how it names it, and the file name when it is .env text.
  var made = NOTHING;
  var masked = false;
  // One secret's key: its bytes and what they were drawn for. A format switch shows the same key
  // another way; a new size or algorithm, or "New secret", draws a new one.
  var key = null;
  var keyFor = '';
  var envName = $id('env-name');

  function nameInputs() {
    return Array.prototype.slice.call(names.querySelectorAll('input'));
  }
  function labelNames() {
    nameInputs().forEach(function (input, i, all) {
      input.setAttribute('aria-label', 'Variable name ' + (i + 1));
      var remove = input.nextElementSibling;
      remove.setAttribute('aria-label', 'Remove ' + (input.value.trim() || 'variable name ' + (i + 1)));
      remove.disabled = all.length === 1;
    });
  }
  function addName(value) {
    var li = document.createElement('li');
    var input = document.createElement('input');
    input.type = 'text';
    input.className = 'mono';
    input.value = value;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.setAttribute('autocapitalize', 'characters');
    input.setAttribute('aria-describedby', 'gen-error');
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Remove';
    li.append(input, remove);
    names.appendChild(li);
    labelNames();
    return input;
  }
  DEFAULT_NAMES.forEach(addName);
  names.addEventListener('input', labelNames);
  names.addEventListener('click', function (event) {
    var li = event.target.closest('button') && event.target.closest('li');
    if (!li || nameInputs().length === 1) return;
    var next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    labelNames();
    next.querySelector('input').focus();
    generate();
  });
  $id('name-add').addEventListener('click', function () {
    addName('').focus();
  });

  // The generator's settings, or what is wrong with them ({ error, bad: the fields at fault }).
  // The page's own rules only: a whole number typed, no empty or repeated name in the block.
  function settings() {
    var alg = form.elements.alg.value;
    var several = form.elements.mode.value === 'several';
    var raw = bytesInput.value.trim();
    var s = { alg: alg, several: several, format: several ? 'env' : form.elements.format.value, bytes: Number(raw),
      envs: [], layout: form.elements.layout.value, names: [], inputs: [], error: '', bad: [] };
    if (!/^\d+$/.test(raw)) {
      s.sizeUnreadable = true; // not a whole number: nothing to ask the core
      return sizeError(s);
    }
    if (!several) return s;
    form.querySelectorAll('input[name=env]:checked').forEach(function (box) { s.envs.push(box.value); });
    // Which names are acceptable (empty, repeated, too long, ...) is the core's answer (several()).
    nameInputs().forEach(function (input) {
      s.names.push(input.value.trim());
      s.inputs.push(input);
    });
    return s;
  }
  function sizeError(s) {
    s.error = 'Size: a whole number of bytes from ' + KEY_BYTES[s.alg] + ' (' + s.alg + ') to ' + GENERATE_LIMITS.bytes_max + '.';
    s.bad.push(bytesInput);
    return s;
  }
  function nameError(s, input, problem) {
    if (!s.error) s.error = 'Cannot write the .env files: ' + problem + (/\.$/.test(problem) ? '' : '.');
    if (s.bad.indexOf(input) < 0) s.bad.push(input);
  }

  // .env files: a secret per name, per environment, in the layout chosen, as the core writes them
  // (generateEnvFiles: one file per environment, prefixed names, a rotation pair, Kubernetes
  // manifests; each variable once per file). A name the core refuses marks its field. The field
  // shows one file at a time (the File menu); Copy and Download take that file.
  var fileMenu = $id('env-file');
  var fileIndex = 0;
  var envSet = null; // the last set of files, and what it was made for
  var envSpec = '';
  function several(s, fresh) {
    var spec = JSON.stringify([s.alg, s.bytes, s.layout, s.names, s.envs]);
    if (fresh || !envSet || envSpec !== spec) {
      try {
        envSet = hooks.envFiles({ names: s.names, environments: s.envs, layout: s.layout, alg: s.alg, bytes: s.bytes });
        envSpec = spec;
      } catch (e) {
        envSet = null;
        if (e.code === 'ERR_NOT_READY') {
          s.error = 'The .env writer is still loading: a moment, then press New secret.';
          return null;
        }
        if (!e.item || e.item.option !== 'names') throw e;
        nameError(s, s.inputs[e.item.index], messageOf(e).replace(/^names\[\d+\]: /,
          (s.names[e.item.index] || 'variable name ' + (e.item.index + 1) + ' is empty') + ': '));
        return null;
      }
    }
    var names = envSet.files.map(function (f) { return f.name; });
    if (fileIndex >= names.length) fileIndex = 0;
    if (fileMenu.options.length !== names.length || names.some(function (n, i) { return fileMenu.options[i].value !== n; })) {
      fileMenu.replaceChildren.apply(fileMenu, names.map(function (n) { return new Option(n, n); }));
    }
    fileMenu.selectedIndex = fileIndex;
    var f = envSet.files[fileIndex];
    var value = /^\s*[A-Za-z_][A-Za-z0-9_]*(?:=|: ')([A-Za-z0-9_-]+)/m.exec(f.content);
    return { text: f.content, key: value ? value[1] : '', what: 'the generated ' + f.variables[0] + ' of ' + f.name,
      file: f.name, jwk: false, count: f.content.split('\n').length, files: names.length };
  }
  fileMenu.addEventListener('change', function () {
    fileIndex = fileMenu.selectedIndex;
    generate(false);
  });

  function present(s) {
    if (s.format === 'env') {
      var name = envName.value.trim();
      try {
        return kit.envLine(name, kit.encode(key, 'base64url'));
      } catch (e) {
        if (e.code !== 'ERR_BAD_NAME') throw e;
        s.error = 'Variable name ' + JSON.stringify(name) + ': ' + messageOf(e) + '.';
        s.bad.push(envName);
        return null;
      }
    }
    if (s.format === 'jwk') return hooks.jwk(key, s.alg);
    return kit.encode(key, s.format);
  }
  function single(s, fresh) {
    var spec = s.alg + ':' + s.bytes;
    if (fresh || !key || keyFor !== spec) {
      if (key) key.fill(0);
      key = kit.decode(kit.generateSecret({ alg: s.alg, bytes: s.bytes, format: 'base64url' }), 'base64url');
      keyFor = spec;
    }
    return present(s);
  }

  // fresh: draw a new key (else a format switch shows the current one another way).
  function generate(fresh) {
    var s = settings();
    var info;
    var made1;
    if (!s.sizeUnreadable) {
      try {
        info = kit.describeSecret({ alg: s.alg, bytes: s.bytes, format: s.format });
      } catch (e) {
        if (e.code === 'ERR_KEY_TOO_SHORT' || e.code === 'ERR_OUT_OF_RANGE') {
          s.error = ''; // the size first, as the names cannot be written without one
          s.bad = [];
          sizeError(s);
        } else if (!s.error) {
          s.error = 'Cannot generate: ' + messageOf(e) + ' (' + e.code + ').';
        }
      }
    }
    if (!s.error) {
      try {
        made1 = s.several ? several(s, fresh !== false) : single(s, fresh !== false);
      } catch (e) {
        s.error = e.code === 'ERR_NOT_READY' ? 'The JWK maker is still loading: try again in a moment.'
          : 'Cannot generate: ' + messageOf(e) + ' (' + e.code + ').';
      }
    }
    $id('format-field').hidden = s.several;
    $id('several').hidden = !s.several;
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    s.bad.forEach(function (el) { el.setAttribute('aria-invalid', 'true'); });
    $id('env-name-field').hidden = s.several || s.format !== 'env';
    genError.textContent = s.error;
    if (s.error) {
      made = NOTHING;
      size.textContent = 'Nothing generated: fix the settings below.';
    } else {
      var encoding = s.format === 'env' ? 'base64url' : s.format === 'jwk' ? 'base64url in a JWK (kid: its RFC 7638 thumbprint)' : s.format;
      var each = plural(info.bytes, 'random byte') + ' = ' + info.entropyBits + ' bits of entropy, ' +
        plural(info.characters, 'character') + ' as ' + encoding;
      if (s.several) {
        made = made1;
        var n = s.names.length * Math.max(1, s.envs.length) * (s.layout === 'rotation' ? 2 : 1);
        size.textContent = plural(n, 'secret') + ' (' + plural(s.names.length, 'name') +
          (s.envs.length ? ' \u00d7 ' + plural(s.envs.length, 'environment') : '') +
          (s.layout === 'rotation' ? ' \u00d7 current and previous' : '') + ') in ' + plural(made.files, 'file') +
          ', each ' + each + '.';
      } else {
        var text = made1;
        made = { text: text, key: s.format === 'env' ? text.slice(text.indexOf('=') + 1) : text,
          what: 'the generated secret', file: s.format === 'env' ? 'jwt-secret.env' : '', jwk: s.format === 'jwk' };
        size.textContent = each;
      }
    }
    $id('secret-label').textContent = s.several ? 'Your secrets: ' + (made.file || '.env') : 'Your ' + s.alg + ' secret';
    $id('env-file-field').hidden = !s.several || !made.files || made.files < 2;
    output.rows = s.several ? Math.min(2 * (made.count || 3), 16) : s.format === 'jwk' ? 5 : 2; // lines wrap
    download.textContent = 'Download ' + (made.file || '.env');
    copy.disabled = !made.text;
    download.hidden = !made.file;
    tell(copyStatus, '', 0);
    render();
    hooks.onChange();
  }

  // The field shows the secrets, or bullets in their place (variable names and comments stay).
  function maskOf(text) {
    if (made.jwk) return text.replace(/("k"\s*:\s*")([^"]*)/, function (m, pre, k) { return pre + '\u2022'.repeat(k.length); });
    if (!made.file) return '\u2022'.repeat(text.length);
    // The core writes NAME=value lines (and NAME: 'value' in a Kubernetes manifest); no value it
    // makes has an '=' or a quote.
    return text.split('\n').map(function (line) {
      if (/^#/.test(line)) return line;
      return line.replace(/^([A-Za-z_][A-Za-z0-9_]*=)(.*)$/, function (m, name, v) { return name + '\u2022'.repeat(v.length); })
        .replace(/^(\s+[A-Za-z_][A-Za-z0-9_]*: ')([^']*)'$/, function (m, name, v) { return name + '\u2022'.repeat(v.length) + "'"; });
    }).join('\n');
  }
  function render() {
    output.value = masked ? maskOf(made.text) : made.text;
  }
  maskButton.addEventListener('click', function () {
    masked = !masked;
    maskButton.textContent = masked ? 'Show' : 'Hide';
    render();
  });

  function setAlg(alg) {
    form.elements.alg.value = alg;
    bytesInput.min = KEY_BYTES[alg];
    bytesInput.value = KEY_BYTES[alg];
    hooks.onAlg(alg);
  }

  // .env text as a file: one line each, "\n" line ends (the last one too), nothing trailing.
  download.addEventListener('click', function () {
    if (!made.text || !made.file) return;
    var url = URL.createObjectURL(new Blob([/\n$/.test(made.text) ? made.text : made.text + '\n'], { type: 'text/plain;charset=utf-8' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = made.file;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    tell(copyStatus, 'Downloading ' + made.file + (made.file.charAt(0) === '.'
      ? ' (browsers save it without its leading dot: rename it to ' + made.file + ').' : '.'), 8000);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    generate(true);
  });
  form.addEventListener('change', function (event) {
    if (event.target.name === 'alg') setAlg(event.target.value);
    generate(event.target.name !== 'format' && event.target.name !== 'name');
  });
  envName.addEventListener('input', function () { generate(false); });
  wireCopy(copy, output, function () { return made.text; }, copyStatus, 'Copy failed: select the secret and copy it by hand.');

  // What the commands beside the secret are for: { alg, bytes, format, name } (null while the
  // settings are wrong).
  function spec() {
    var s = settings();
    if (s.error) return null;
    if (s.several) return { alg: s.alg, bytes: s.bytes, format: 'env', name: s.names[0] };
    return s.format === 'env' ? { alg: s.alg, bytes: s.bytes, format: 'env', name: envName.value.trim() || undefined }
      : { alg: s.alg, bytes: s.bytes, format: s.format };
  }

  return {
    generate: generate,
    spec: spec,
    setAlg: setAlg,
    made: function () { return made; },
    ready: function () {
      copy.disabled = false;
      generate(true);
    },
    focus: function () { output.focus(); },
  };
}
