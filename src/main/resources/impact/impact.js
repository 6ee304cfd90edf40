// Saath impact page: anonymous counts as charts (uPlot, served from the jar) and tables. No inline script or style,
// so the page runs under a Content-Security-Policy that allows scripts from this server only. Every value is set
// with textContent, never as HTML.
(function () {
  'use strict';

  var LABELS = {
    turns: 'Messages', conversations: 'New conversations', escalations: 'Escalations', claims: 'Claimed by a counsellor'
  };
  var WAITS = {
    under_1m: 'under 1 min', '1m_5m': '1–5 min', '5m_15m': '5–15 min', '15m_1h': '15–60 min', '1h_4h': '1–4 h',
    over_4h: 'over 4 h'
  };

  document.getElementById('signin-form').addEventListener('submit', function (event) {
    event.preventDefault();
    load(document.getElementById('key').value, document.getElementById('days').value);
  });

  function load(key, days) {
    document.getElementById('error').textContent = '';
    fetch('/v1/partner/impact?since=' + encodeURIComponent(days + 'd'), {
      headers: {'Authorization': 'Bearer ' + key}
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status === 401 ? 'That key was not accepted.'
          : 'The report could not be loaded (' + response.status + ').');
      }
      return response.json();
    }).then(show).catch(function (e) {
      document.getElementById('error').textContent = e.message;
    });
  }

  /** A count, or null for a suppressed one ("<5"), which charts leave out. */
  function count(value) {
    return typeof value === 'number' ? value : null;
  }

  function show(report) {
    var views = report.views;
    document.getElementById('signin').hidden = true;
    document.getElementById('report').hidden = false;
    document.getElementById('period').textContent = report.from + ' – ' + report.to + ' (UTC)'
      + (report.partner ? ' · ' + report.partner : '');
    document.getElementById('k').textContent = String(report.min_count);
    document.getElementById('k-round').textContent = String(report.min_count);
    document.getElementById('k-shown').textContent = '<' + report.min_count;
    totals(views.totals[0]);
    var days = views.by_day;
    chart('chart-days', days.map(function (r) { return Date.parse(r.day + 'T00:00:00Z') / 1000; }), [
      {label: LABELS.turns, values: days.map(function (r) { return count(r.turns); }), color: '#24476b'},
      {label: LABELS.conversations, values: days.map(function (r) { return count(r.conversations); }),
        color: '#2e7d32'}
    ], {time: true});
    var hours = views.by_hour;
    chart('chart-hours', hours.map(function (r) { return r.hour; }), [
      {label: LABELS.turns, values: hours.map(function (r) { return count(r.turns); }), color: '#24476b', bars: true}
    ], {time: false});
    var waits = views.time_to_human;
    chart('chart-waits', waits.map(function (r, i) { return i; }), [
      {label: LABELS.claims, values: waits.map(function (r) { return count(r.claims); }), color: '#f9a825',
        bars: true}
    ], {time: false, labels: waits.map(function (r) { return WAITS[r.bucket] || r.bucket; })});
    table('topics', views.by_topic_risk, ['topic', 'risk', 'turns']);
    table('places', views.by_country_language, ['country', 'language', 'turns', 'conversations']);
    table('escalations', views.escalations, Object.keys(views.escalations[0] || {state: 0, actor: 0,
      transitions: 0}));
    document.body.setAttribute('data-ready', 'true');
  }

  function totals(row) {
    var list = document.getElementById('totals');
    list.textContent = '';
    Object.keys(row).forEach(function (name) {
      var item = document.createElement('div');
      var term = document.createElement('dt');
      var value = document.createElement('dd');
      term.textContent = LABELS[name] || name;
      value.textContent = String(row[name]);
      value.setAttribute('data-measure', name);
      item.appendChild(term);
      item.appendChild(value);
      list.appendChild(item);
    });
  }

  function chart(id, x, series, options) {
    var element = document.getElementById(id);
    element.textContent = '';
    var labels = options.labels;
    var config = {
      width: Math.max(320, element.clientWidth || 640),
      height: 240,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      scales: {x: options.time ? {time: true} : {time: false, range: function (u, min, max) {
        return [min - 0.5, max + 0.5];
      }}},
      axes: [labels ? {splits: function () { return x; }, values: function (u, splits) {
        return splits.map(function (i) { return labels[i] || ''; });
      }} : (options.time ? {} : {splits: function () { return x; }}), {}],
      series: [{}].concat(series.map(function (s) {
        var line = {label: s.label, stroke: s.color, width: 2, points: {show: !s.bars}};
        if (s.bars) {
          line.fill = s.color;
          line.paths = uPlot.paths.bars({size: [0.6, 60]});
        }
        return line;
      }))
    };
    new uPlot(config, [x].concat(series.map(function (s) { return s.values; })), element);
  }

  function table(id, rows, columns) {
    var element = document.getElementById(id);
    element.textContent = '';
    var head = element.createTHead().insertRow();
    columns.forEach(function (c) {
      var th = document.createElement('th');
      th.textContent = LABELS[c] || c;
      head.appendChild(th);
    });
    var body = element.createTBody();
    if (rows.length === 0) {
      var cell = body.insertRow().insertCell();
      cell.colSpan = columns.length;
      cell.textContent = 'nothing counted in this period';
    }
    rows.forEach(function (r) {
      var tr = body.insertRow();
      columns.forEach(function (c) {
        var td = tr.insertCell();
        td.textContent = String(r[c]);
        if (typeof r[c] === 'number' || String(r[c]).charAt(0) === '<') {
          td.className = 'count';
        }
      });
    });
  }
}());
