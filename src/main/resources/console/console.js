// Saath counsellor console. Plain JavaScript from the jar (no inline script: the page's CSP allows 'self' only).
// Every action shows its outcome; a failed one can be retried with the same Idempotency-Key, so it acts once.
'use strict';

const RISK_WORDS = { none: 'no risk seen', low: 'low', moderate: 'moderate', high: 'high', imminent: 'imminent' };
const LANGUAGES = { en: 'English', ur: 'Urdu', roman_ur: 'Roman Urdu', ar: 'Arabic' };
const URGENT = new Set(['high', 'imminent']);
// why a conversation left the queue without the counsellor (state.left, from the server)
const LEFT_WORDS = {
  ended_chat: 'The person has left: they ended the chat.',
  stopped: 'The person has left: they asked the service to stop.',
  withdrawn: 'The person no longer wants a counsellor and cancelled the request.',
  data_deleted: 'The person has left and asked for their data to be deleted; nothing about them is kept.',
  retention: 'This conversation was removed after the retention period.',
  default: 'The person has left this conversation.'
};

let session = null;             // { token, name, partner }
let state = { escalations: [] };
let clockOffset = 0;            // server time minus this browser's time, for honest countdowns
let selected = null;
let events = null;
let canned = [];
let alertsOn = false;
let audio = null;
const seenOffers = new Set();
const unsent = new Map();       // idempotency key -> { escalation, text, error }

const $ = id => document.getElementById(id);
const REGIONS = window.Intl && Intl.DisplayNames ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

function countryName(code) {
  if (!code) return 'not known';
  try {
    return REGIONS ? REGIONS.of(code) + ' (' + code + ')' : code;
  } catch (e) {
    return code;
  }
}

function newKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function riskBadge(risk) {
  return el('span', 'risk: ' + (RISK_WORDS[risk] || risk), 'risk risk-' + risk);
}

/** Calls the partner API as the signed-in counsellor; rejects with a readable reason. */
async function api(method, path, body, key) {
  const headers = { 'Authorization': 'Bearer ' + session.token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new Error('no connection to Saath; check the network and retry');
  }
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) {
    signedOut('Your session has ended. Please sign in again.');
    throw new Error('signed out');
  }
  if (!response.ok) throw new Error(data.error || ('failed with status ' + response.status));
  return data;
}

// ---- sign-in and the live stream ----------------------------------------------------------------------------

$('signin').addEventListener('submit', async ev => {
  ev.preventDefault();
  $('signin-error').textContent = '';
  $('signin-button').disabled = true;
  try {
    const response = await fetch('/v1/console/sign-in', { method: 'POST', headers: { 'Content-Type':
      'application/json' }, body: JSON.stringify({ login: $('login').value.trim(), password: $('password').value }) });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || 'sign-in failed');
    session = data;
    $('password').value = '';
    $('who').textContent = data.name + ' · ' + data.partner;
    $('signin-form').classList.add('hidden');
    $('app').classList.remove('hidden');
    $('alerts').classList.remove('hidden');
    $('signout').classList.remove('hidden');
    connect();
    loadCanned();
  } catch (e) {
    $('signin-error').textContent = e.message === 'Failed to fetch' ? 'No connection to Saath.' : e.message;
  } finally {
    $('signin-button').disabled = false;
  }
});

async function connect() {
  if (!session) return;
  $('live').textContent = 'Connecting…';
  try {
    const { token } = await api('POST', '/v1/partner/stream-token');
    events = new EventSource('/v1/partner/stream?token=' + encodeURIComponent(token));
    events.addEventListener('open', () => { $('live').textContent = 'Live'; });
    events.addEventListener('state', ev => {
      state = JSON.parse(ev.data);
      clockOffset = Date.parse(state.server_time) - Date.now();
      $('live').textContent = 'Live';
      alertNewOffers();
      updateBanner();
      render();
    });
    events.addEventListener('expired', () => signedOut('Your session has ended. Please sign in again.'));
    events.addEventListener('error', () => {
      if (!session) return;
      $('live').textContent = 'Connection lost — reconnecting…';
      events.close();
      setTimeout(connect, 3000);
    });
  } catch (e) {
    if (session) {
      $('live').textContent = 'Connection lost — reconnecting…';
      setTimeout(connect, 3000);
    }
  }
}

function signedOut(message) {
  session = null;
  if (events) events.close();
  $('app').classList.add('hidden');
  $('alerts').classList.add('hidden');
  $('signout').classList.add('hidden');
  $('signin-form').classList.remove('hidden');
  $('who').textContent = '';
  $('live').textContent = '';
  $('signin-error').textContent = message || '';
}

$('signout').addEventListener('click', async () => {
  const token = session && session.token;
  signedOut('You have signed out.');
  if (token) await fetch('/v1/console/sign-out', { method: 'POST', headers: { 'Authorization': 'Bearer ' + token } });
});

// ---- alerts: an opt-in sound and browser notification for new high and imminent offers --------------------

$('alerts').addEventListener('click', async () => {
  alertsOn = !alertsOn;
  $('alerts').setAttribute('aria-pressed', String(alertsOn));
  $('alerts').textContent = alertsOn ? 'Alerts on' : 'Turn on alerts';
  if (alertsOn) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (Context && !audio) audio = new Context();
    if (audio) audio.resume();
    if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
    beep();
  }
});

function beep() {
  if (!audio) return;
  [0, 0.3].forEach(start => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime + start);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.25);
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + start);
    osc.stop(audio.currentTime + start + 0.25);
  });
}

$('alert-banner').addEventListener('click', () => {
  const first = ($('alert-banner').dataset.alerted || '').split(' ')[0];
  if (first) select(first);
});

/** The banner stays while an offer it announced still waits for a claim. */
function updateBanner() {
  const ids = ($('alert-banner').dataset.alerted || '').split(' ').filter(Boolean);
  const waiting = ids.some(id => state.escalations.some(e => e.id === id && e.state === 'offered'));
  $('alert-banner').classList.toggle('hidden', !waiting);
}

function alertNewOffers() {
  const fresh = state.escalations.filter(e => e.state === 'offered' && URGENT.has(e.risk) && !seenOffers.has(e.id));
  state.escalations.forEach(e => seenOffers.add(e.id));
  if (!fresh.length) return;
  const e = fresh[0];
  const text = 'New ' + e.risk + ' offer: ' + e.topic + ' · ' + (LANGUAGES[e.language] || e.language)
    + (fresh.length > 1 ? ' (and ' + (fresh.length - 1) + ' more)' : '');
  const banner = $('alert-banner');
  banner.textContent = text;
  banner.dataset.alerted = fresh.map(f => f.id).join(' ');
  banner.classList.remove('hidden');
  if (!alertsOn) return;
  beep();
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      const n = new Notification('Saath: ' + text, { body: 'Claim it before the deadline.', tag: e.id });
      n.onclick = () => { window.focus(); select(e.id); };
      banner.dataset.notified = fresh.map(f => f.id).join(' ');
    } catch (err) {
      banner.dataset.notified = '';   // the in-page banner and the sound still say it
    }
  }
}

// ---- rendering ----------------------------------------------------------------------------------------------

function current() {
  return state.escalations.find(e => e.id === selected);
}

function select(id) {
  selected = id;
  document.body.classList.toggle('detail-open', !!id);
  const e = current();
  const held = e && (e.state === 'claimed' || e.state === 'active');
  $('context').open = !(held && window.matchMedia('(max-width: 700px)').matches);
  $('outcome').textContent = '';
  $('outcome').className = '';
  render();
  fillCanned();
}

$('back').addEventListener('click', () => select(null));

// on a phone, the chat comes first once the counsellor holds the conversation; the context folds away
window.matchMedia('(max-width: 700px)').addEventListener('change', ev => {
  const e = current();
  if (ev.matches && e && (e.state === 'claimed' || e.state === 'active')) $('context').open = false;
});

function countdown(e) {
  if (!e.deadline) return '';
  const left = Math.round((Date.parse(e.deadline) - (Date.now() + clockOffset)) / 1000);
  if (left <= 0) return 'deadline passed — moving to the next partner';
  return 'claim within ' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
}

function tickCountdowns() {
  document.querySelectorAll('[data-deadline-for]').forEach(node => {
    const e = state.escalations.find(x => x.id === node.dataset.deadlineFor);
    if (e) node.textContent = countdown(e);
  });
  const zoneClock = $('local-time');
  if (zoneClock) zoneClock.textContent = localTime(zoneClock.dataset.zone);
}
setInterval(tickCountdowns, 1000);

function localTime(zone) {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', weekday: 'short' })
      .format(new Date(Date.now() + clockOffset));
  } catch (e) {
    return 'unknown';
  }
}

function renderQueue() {
  const queue = $('queue');
  const focused = document.activeElement && document.activeElement.closest('#queue li');
  const focusedId = focused ? focused.dataset.id : null;
  queue.replaceChildren();
  $('empty').classList.toggle('hidden', state.escalations.length > 0);
  for (const e of state.escalations) {
    const li = el('li', null, e.id === selected ? 'selected' : '');
    li.dataset.id = e.id;
    li.dataset.state = e.state;
    const button = el('button');
    button.type = 'button';
    button.append(riskBadge(e.risk), ' ', el('span', e.topic + ' · ' + (LANGUAGES[e.language] || e.language)
      + ' · ' + (e.country || '?') + ' · ' + e.state));
    if (e.held_by) button.append(el('small', ' · held by ' + e.held_by));
    button.append(el('br'));
    if (e.deadline) {
      const c = el('span', countdown(e), 'countdown');
      c.dataset.deadlineFor = e.id;
      button.append(c);
    } else {
      button.append(el('small', 'waiting since ' + new Date(e.waiting_since).toLocaleTimeString()));
    }
    button.addEventListener('click', () => select(e.id));
    li.append(button);
    queue.append(li);
    if (e.id === focusedId) button.focus();   // a live update must not take keyboard focus away
  }
}

function fact(dl, term, value, id) {
  const dd = el('dd', value);
  if (id) dd.id = id;
  dl.append(el('dt', term), dd);
  return dd;
}

function renderContext(e) {
  const dl = $('facts');
  dl.replaceChildren();
  fact(dl, 'Risk now', RISK_WORDS[e.risk] || e.risk);
  fact(dl, 'Topic', e.topic);
  fact(dl, 'Language', LANGUAGES[e.language] || e.language);
  fact(dl, 'Country', countryName(e.country));
  if (e.zone) {
    const dd = fact(dl, 'Their local time', '');
    const time = el('span', localTime(e.zone));
    time.id = 'local-time';
    time.dataset.zone = e.zone;
    dd.append(time, el('small', ' (' + e.zone + ')'));
    if (e.zone_note) dd.append(el('br'), el('small', e.zone_note));
  }
  fact(dl, 'Waiting since', new Date(e.waiting_since).toLocaleTimeString());
  if (e.held_by) fact(dl, 'Held by', e.held_by);
  const timeline = $('risk-timeline');
  timeline.replaceChildren();
  for (const p of e.risk_timeline || []) {
    const li = el('li');
    li.append(el('small', new Date(p.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + ' '),
      riskBadge(p.risk));
    li.title = 'conversation risk after this message: ' + p.conversation_risk;
    timeline.append(li);
  }
  const transcript = $('transcript');
  transcript.replaceChildren();
  const noConsent = { yes: '', no: 'The person did not agree to share what they wrote before the handoff. You see '
    + 'how urgent it is, never their words.', not_asked: 'The person has not been asked yet whether you may read '
    + 'what they wrote before the handoff.' };
  $('no-consent').textContent = noConsent[e.consent] === undefined ? noConsent.not_asked : noConsent[e.consent];
  for (const t of e.transcript || []) {
    const li = el('li', t.text, 'msg from-person');
    li.dir = 'auto';
    li.append(el('span', 'risk ' + t.risk + ' · ' + new Date(t.at).toLocaleTimeString(), 'meta'));
    transcript.append(li);
  }
}

function renderMessages(e) {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren();
  for (const m of (e && e.messages) || []) {
    const li = el('li', m.text, 'msg from-' + m.from);
    li.dir = 'auto';
    const who = m.from === 'person' ? 'person · risk ' + m.risk + (m.signals ? ' · ' + m.signals : '')
      : m.from === 'counsellor' ? (m.by || 'counsellor')
      : m.from === 'undelivered' ? 'delivery to the person' : 'Saath (automated)';
    li.append(el('span', who + ' · ' + new Date(m.at).toLocaleTimeString(), 'meta'));
    list.append(li);
  }
  if (atBottom) list.scrollTop = list.scrollHeight;
  const pending = $('unsent');
  pending.replaceChildren();
  for (const [key, u] of unsent) {
    if (!e || u.escalation !== e.id) continue;
    const li = el('li', u.text, 'msg failed');
    li.dir = 'auto';
    li.dataset.key = key;
    const note = el('span', u.error ? 'Not sent: ' + u.error : 'Sending…', 'meta');
    li.append(note);
    if (u.error) {
      const retry = el('button', 'Retry');
      retry.type = 'button';
      retry.className = 'secondary retry';
      retry.addEventListener('click', () => send(key));
      li.append(retry);
    }
    pending.append(li);
  }
}

function render() {
  renderQueue();
  const e = current();
  if (selected && !e) {
    const left = (state.left || []).find(l => l.id === selected);
    $('title').textContent = left ? LEFT_WORDS[left.reason] || LEFT_WORDS.default
      : 'This conversation has left your queue.';
    if (left) $('outcome').textContent = '';   // what was last done in it no longer matters
  } else {
    $('title').textContent = e ? 'Risk: ' + (RISK_WORDS[e.risk] || e.risk) + ' · ' + e.topic : 'Select a conversation';
  }
  const held = e && (e.state === 'claimed' || e.state === 'active');
  $('actions').classList.toggle('hidden', !e);
  $('context').classList.toggle('hidden', !e);
  $('chat-title').classList.toggle('hidden', !held);
  $('composer').classList.toggle('hidden', !held);
  $('claim').classList.toggle('hidden', !e || e.state !== 'offered');
  $('decline').classList.toggle('hidden', !e || e.state !== 'offered');
  $('resolve').classList.toggle('hidden', !held);
  const targets = (e && e.transfer_to) || [];
  $('transfer-box').classList.toggle('hidden', targets.length === 0);
  const targetBox = $('transfer-to');
  const chosen = targetBox.value;
  targetBox.replaceChildren(...targets.map(p => { const o = el('option', p.name); o.value = p.id; return o; }));
  if (targets.some(p => p.id === chosen)) targetBox.value = chosen;
  if (e) renderContext(e);
  renderMessages(e);
}

// ---- actions: each shows its outcome; a failure keeps its key so that Retry acts once -------------------------

async function act(label, done, path, body, key) {
  const outcome = $('outcome');
  outcome.className = '';
  outcome.replaceChildren(label + '…');
  try {
    const result = await api('POST', path, body, key);
    outcome.className = 'done';
    outcome.replaceChildren(done);
    return result;
  } catch (err) {
    if (!session) return null;
    outcome.className = 'failed';
    const retry = el('button', 'Retry');
    retry.type = 'button';
    retry.className = 'secondary retry';
    retry.addEventListener('click', () => act(label, done, path, body, key));
    outcome.replaceChildren('Could not ' + label.toLowerCase() + ': ' + err.message + ' ', retry);
    return null;
  }
}

function escalationPath(action) {
  return '/v1/partner/escalations/' + encodeURIComponent(selected) + '/' + action;
}

$('claim').addEventListener('click', () => act('Claim', 'Claimed. The person has been told a counsellor has joined.',
  escalationPath('claim'), undefined, newKey()));
$('decline').addEventListener('click', () => act('Decline', 'Declined. The offer moves to the next partner.',
  escalationPath('decline'), undefined, newKey()));
$('transfer').addEventListener('click', () => {
  const to = $('transfer-to');
  act('Transfer', 'Transferred to ' + to.options[to.selectedIndex].text + '.', escalationPath('transfer'),
    { partner: to.value }, newKey());
});

$('send').addEventListener('click', () => {
  const text = $('reply').value.trim();
  if (!text || !selected) return;
  const key = newKey();
  unsent.set(key, { escalation: selected, text, error: null });
  $('reply').value = '';
  send(key);
});

async function send(key) {
  const u = unsent.get(key);
  u.error = null;
  renderMessages(current());
  try {
    await api('POST', '/v1/partner/escalations/' + encodeURIComponent(u.escalation) + '/messages', { text: u.text },
      key);
    unsent.delete(key);
  } catch (err) {
    u.error = err.message;
  }
  renderMessages(current());
}

// ---- resolve: deliberate, with a required outcome --------------------------------------------------------------

let resolveKey = null;
$('resolve').addEventListener('click', () => {
  const e = current();
  if (!e) return;
  resolveKey = newKey();
  $('resolve-form').reset();
  $('resolve-error').textContent = '';
  const crisis = URGENT.has(e.risk);
  $('resolve-crisis').classList.toggle('hidden', !crisis);
  $('resolve-crisis').textContent = crisis ? 'This conversation\'s risk is ' + e.risk + '. Saath will give the '
    + 'person a crisis line for ' + (e.country ? countryName(e.country) : 'their country') + ' that is open now.' : '';
  $('resolve-dialog').showModal();
});
$('resolve-cancel').addEventListener('click', () => $('resolve-dialog').close());
$('resolve-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const choice = $('resolve-form').querySelector('input[name=outcome]:checked');
  if (!choice) {
    $('resolve-error').textContent = 'Choose an outcome first.';
    return;
  }
  $('resolve-confirm').disabled = true;
  try {
    await api('POST', escalationPath('resolve'), { outcome: choice.value }, resolveKey);
    $('resolve-dialog').close();
    $('outcome').className = 'done';
    $('outcome').textContent = 'Resolved (' + choice.parentElement.textContent.trim() + '). The person is back with '
      + 'the automated assistant.';
  } catch (err) {
    $('resolve-error').textContent = 'Could not resolve: ' + err.message + '. Press the button again to retry.';
  } finally {
    $('resolve-confirm').disabled = false;
  }
});

// ---- canned replies: per language, editable by the partner -----------------------------------------------------

async function loadCanned() {
  try {
    canned = (await api('GET', '/v1/partner/canned-replies')).replies;
  } catch (e) {
    canned = [];
  }
  fillCanned();
}

function fillCanned() {
  const e = current();
  const language = e ? e.language : 'en';
  const mine = canned.filter(r => r.language === language);
  const picker = $('canned');
  picker.replaceChildren(el('option', 'Insert a canned reply (' + (LANGUAGES[language] || language) + ')…'),
    ...mine.map(r => { const o = el('option', r.text); o.value = r.id; o.dir = 'auto'; return o; }));
  picker.firstChild.value = '';
  const list = $('canned-list');
  list.replaceChildren();
  for (const r of mine) {
    const li = el('li');
    const area = el('textarea', r.text);
    area.dir = 'auto';
    area.rows = 2;
    area.setAttribute('aria-label', 'Canned reply');
    const save = el('button', 'Save', 'secondary');
    save.type = 'button';
    save.addEventListener('click', () => cannedCall('PUT', r.id, { text: area.value }, 'Saved.'));
    const remove = el('button', 'Delete', 'secondary');
    remove.type = 'button';
    remove.addEventListener('click', () => cannedCall('DELETE', r.id, undefined, 'Deleted.'));
    const row = el('div', null, 'row');
    row.append(save, remove);
    li.append(area, row);
    list.append(li);
  }
}

async function cannedCall(method, id, body, done) {
  try {
    await api(method, '/v1/partner/canned-replies' + (id ? '/' + encodeURIComponent(id) : ''), body);
    $('canned-status').textContent = done;
    await loadCanned();
  } catch (err) {
    $('canned-status').textContent = 'Not saved: ' + err.message;
  }
}

$('canned').addEventListener('change', () => {
  const reply = canned.find(r => r.id === $('canned').value);
  if (reply) {
    const box = $('reply');
    box.value = box.value ? box.value + ' ' + reply.text : reply.text;
    box.focus();
  }
  $('canned').value = '';
});
$('canned-add').addEventListener('click', () => {
  const e = current();
  const text = $('canned-new').value.trim();
  if (!text) return;
  cannedCall('POST', null, { language: e ? e.language : 'en', text }, 'Added.')
    .then(() => { $('canned-new').value = ''; });
});
