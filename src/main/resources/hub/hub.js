/* Saath help hub: the safety plan's print button, and the web chat. Nothing is stored in the browser except the
   chat's session token, in this tab's sessionStorage. */
(function () {
  'use strict';

  var print = document.getElementById('print');
  if (print) {
    var grow = function () {
      Array.prototype.forEach.call(document.querySelectorAll('textarea'), function (t) {
        t.style.height = 'auto';
        t.style.height = t.scrollHeight + 'px';
      });
    };
    window.addEventListener('beforeprint', grow);
    print.hidden = false;
    print.addEventListener('click', function () { grow(); window.print(); });
  }

  var box = document.getElementById('chatbox');
  if (!box || !window.fetch || !window.JSON) { return; }
  var words = box.dataset;
  var log = document.getElementById('log');
  var form = document.getElementById('send');
  var input = document.getElementById('text');
  var state = document.getElementById('state');
  var KEY = 'saath.chat.session';
  var kept = null;
  var lastSeq = 0;
  var queue = Promise.resolve();
  var polling = null;

  function stored() {
    try { return window.sessionStorage.getItem(KEY); } catch (e) { return kept; }
  }
  function store(token) {
    kept = token;
    try {
      if (token) { window.sessionStorage.setItem(KEY, token); } else { window.sessionStorage.removeItem(KEY); }
    } catch (e) { /* storage refused: the token lives in this page only */ }
  }
  function session() {
    var token = stored();
    if (token) { return Promise.resolve(token); }
    return fetch('/v1/hub/session', { method: 'POST', credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('session ' + r.status); }
      return r.json();
    }).then(function (body) { store(body.token); return body.token; });
  }
  function messageId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function say(text) { state.textContent = text || ''; }

  function add(kind, text, helplines) {
    var li = document.createElement('li');
    li.className = 'from-' + kind;
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = kind === 'you' ? words.chatYou : kind === 'counsellor' ? words.chatCounsellor : words.chatBot;
    li.appendChild(who);
    var body = document.createElement('span');
    body.className = 'text';
    body.setAttribute('dir', 'auto');  // each message in its own direction: English from a counsellor on an Urdu page
    body.textContent = text;
    li.appendChild(body);
    var calls = document.createElement('span');
    calls.className = 'calls';
    (helplines || []).forEach(function (h) {
      (h.contacts || []).forEach(function (c) {
        if (c.type !== 'phone') { return; }
        var a = document.createElement('a');
        a.className = 'act';
        a.href = 'tel:' + c.value.replace(/\([^)]*[A-Za-z][^)]*\)/g, '').replace(/[^0-9+]/g, '');
        a.textContent = words.contactPhone + ' ' + h.name + ' ' + c.value;
        calls.appendChild(a);
      });
    });
    if (calls.childNodes.length) { li.appendChild(calls); }
    log.appendChild(li);
    li.scrollIntoView({ block: 'nearest' });
    return li;
  }

  function post(token, id, text) {
    return fetch('/v1/hub/messages', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Saath-Session': token },
      body: JSON.stringify({ id: id, text: text, country: words.country })
    });
  }

  function send(text, id, mine, after) {
    say(words.chatSending);
    queue = queue.then(function () {
      return session().then(function (token) {
        return post(token, id, text).then(function (r) {
          if (r.status === 401) { store(null); throw new Error('session'); }
          if (r.status === 429) { throw new Error('busy'); }
          if (!r.ok) { throw new Error('status ' + r.status); }
          return r.json();
        });
      }).then(function (result) {
        mine.classList.remove('failed');
        var retry = mine.querySelector('button');
        if (retry) { mine.removeChild(retry); }
        (result.replies || []).forEach(function (reply) { add('bot', reply.text, reply.helplines); });
        say('');
        if (after) { after(result); } else { poll(); }
      }).catch(function (e) {
        mine.classList.add('failed');
        say(e.message === 'busy' ? words.chatBusy : words.chatFailed);
        if (!mine.querySelector('button')) {
          var again = document.createElement('button');
          again.type = 'button';
          again.className = 'quiet';
          again.textContent = document.querySelector('#send button').textContent;
          again.addEventListener('click', function () { send(text, id, mine, after); });
          mine.appendChild(again);
        }
      });
    });
  }

  function fetchNotes() {
    var token = stored();
    if (!token || document.visibilityState === 'hidden') { return; }
    fetch('/v1/hub/messages?after=' + lastSeq, {
      credentials: 'same-origin', headers: { 'X-Saath-Session': token }
    }).then(function (r) { return r.ok ? r.json() : { messages: [] }; }).then(function (body) {
      (body.messages || []).forEach(function (m) {
        if (m.seq <= lastSeq) { return; }
        lastSeq = m.seq;
        add(m.sender === 'counsellor' ? 'counsellor' : 'bot', m.text);
      });
    }).catch(function () { /* offline for a moment: the next poll tries again */ });
  }
  function poll() {
    if (!polling) { polling = window.setInterval(fetchNotes, 3000); }
    fetchNotes();
  }
  function stop() {
    if (polling) { window.clearInterval(polling); polling = null; }
    lastSeq = 0;
  }

  box.hidden = false;
  if (stored()) { poll(); }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    send(text, messageId(), add('you', text));
    input.focus();
  });
  document.getElementById('forget').addEventListener('click', function () {
    if (!stored()) { say(words.chatDeleted); return; }
    var phrase = words.chatDeletePhrase;
    send(phrase, messageId(), add('you', phrase), function () {
      // "delete my data" works in every state, a counsellor's chat included: the session ends here
      stop();
      store(null);
      say(words.chatDeleted);
    });
  });
})();
