'use strict';
let key = null;
let selected = null;
let state = { escalations: [] };

function api(method, path, body) {
  return fetch(path, {
    method,
    headers: Object.assign({ 'Authorization': 'Bearer ' + key }, body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined
  }).then(r => r.ok ? r.json() : r.json().then(e => Promise.reject(e.error || r.status)));
}

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

function render() {
  const queue = document.getElementById('queue');
  queue.replaceChildren();
  document.getElementById('empty').classList.toggle('hidden', state.escalations.length > 0);
  for (const e of state.escalations) {
    const li = document.createElement('li');
    li.dataset.id = e.id;
    li.dataset.state = e.state;
    li.className = e.id === selected ? 'selected' : '';
    li.append(text('span', e.risk, 'risk risk-' + e.risk), ' ', text('span', e.topic + ' · ' + e.language + ' · '
      + e.state), document.createElement('br'), text('small', 'waiting since ' + new Date(e.waiting_since)
      .toLocaleTimeString()));
    li.onclick = () => { selected = e.id; render(); };
    queue.append(li);
  }
  const current = state.escalations.find(e => e.id === selected);
  document.getElementById('actions').classList.toggle('hidden', !current);
  document.getElementById('composer').classList.toggle('hidden', !current || current.state === 'offered');
  document.getElementById('claim').classList.toggle('hidden', !current || current.state !== 'offered');
  document.getElementById('title').textContent = current
    ? 'Risk: ' + current.risk + ' · ' + current.topic : 'Select a conversation';
  const messages = document.getElementById('messages');
  messages.replaceChildren();
  for (const m of (current && current.messages) || []) {
    const div = text('div', m.text, 'msg from-' + m.from);
    if (m.from === 'person') div.append(text('div', 'risk ' + m.risk + (m.signals ? ' · ' + m.signals : ''),
      'signals'));
    messages.append(div);
  }
}

document.getElementById('signin').onclick = () => {
  key = document.getElementById('key').value.trim();
  fetch('/v1/partner/stream-token', { method: 'POST', headers: { 'Authorization': 'Bearer ' + key } })
    .then(r => r.ok ? r.json() : Promise.reject('That key was not accepted.'))
    .then(session => {
      document.getElementById('who').textContent = session.partner;
      document.getElementById('signin-form').classList.add('hidden');
      document.getElementById('app').classList.remove('hidden');
      const events = new EventSource('/v1/partner/stream?token=' + encodeURIComponent(session.token));
      events.addEventListener('state', ev => { state = JSON.parse(ev.data); render(); });
    })
    .catch(error => { document.getElementById('signin-error').textContent = error; });
};
document.getElementById('claim').onclick = () => api('POST', '/v1/partner/escalations/' + selected + '/claim');
document.getElementById('resolve').onclick = () =>
  api('POST', '/v1/partner/escalations/' + selected + '/resolve').then(() => { selected = null; render(); });
document.getElementById('send').onclick = () => {
  const reply = document.getElementById('reply');
  if (!reply.value.trim()) return;
  api('POST', '/v1/partner/escalations/' + selected + '/messages', { text: reply.value })
    .then(() => { reply.value = ''; });
};
