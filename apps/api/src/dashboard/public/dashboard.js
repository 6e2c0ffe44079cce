// The dashboard page: one EventSource (snapshots with id = log position, reconnecting with
// Last-Event-ID), Chart.js from node_modules for the charts, tables for every figure.
const nf = new Intl.NumberFormat('fr-FR');
const eur = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const pct = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium', timeZone: 'Europe/Paris' });
const euros = (cents) => eur.format((cents ?? 0) / 100);

const PROGRAMS = {
  education: 'Notre école, faisons-la ensemble (FIP)',
  health: 'CNR santé (FIR)',
};
// The funnel's stages (domain.md's lifecycle): deposits "whatever their stage", validations and financing cumulative.
const FUNNEL = [
  ['intentions', 'Intentions de concertation'], ['drafting', 'En élaboration'], ['deposited', 'Déposés, quel que soit leur stade'],
  ['to_analyse', 'Déposés, à analyser'], ['under_analysis', 'En cours d’instruction'], ['to_complete', 'À compléter'],
  ['validated', 'Validés (cumul)'], ['rejected', 'Refusés'], ['financed', 'Financés (cumul)'], ['withdrawn', 'Abandonnés / classés sans suite'],
];
// Education counts the schools engaged (distinct UAI), health the projects declared.
const INTENTIONS = { education: 'Intentions (écoles engagées)', health: 'Intentions (projets)' };
const stageLabel = (key, name, program) => (key === 'intentions' ? INTENTIONS[program] ?? 'Intentions (écoles ; projets en santé)' : name);
// Education drills région → académie → département; health région → département → CTS; both together as education.
const CHILDREN = {
  education: { region: 'academie', academie: 'departement' },
  health: { region: 'departement', academie: 'departement', departement: 'cts' },
  '': { region: 'academie', academie: 'departement' },
};
const DECISIONS = { validate: 'Validé', reject: 'Refusé', request_completion: 'À compléter', reopen: 'Instruction rouverte', lapse: 'Classé sans suite' };
const ROLES = { holder: 'porteur', validator: 'instructeur', finance: 'gestionnaire', auditor: 'auditeur', admin: 'administrateur', system: 'système' };
const LEVELS = { region: 'Régions', academie: 'Académies', departement: 'Départements', cts: 'Territoires de santé' };
const FUNDS = { fip: 'FIP', fir: 'FIR' };

const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem('refonda-token') ?? '', snapshot: null, view: { level: 'region', parent: null, trail: [] } };
const charts = {};

/** Builds an element; children are nodes or text (never parsed as HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : String(c ?? ''));
  return node;
}

function fillTable(table, headers, rows) {
  table.tHead.replaceChildren(el('tr', {}, headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : undefined }, h.label ?? h))));
  const body = rows.length ? rows : [el('tr', {}, el('td', { colspan: headers.length }, 'Aucune donnée pour le moment.'))];
  table.tBodies[0].replaceChildren(...body);
}

const num = (value, attrs = {}) => el('td', { class: 'num', ...attrs }, value);

async function api(path) {
  const res = await fetch(path, { headers: state.token ? { authorization: `Bearer ${state.token}` } : {} });
  if (!res.ok) throw Object.assign(new Error(`${path}: ${res.status}`), { status: res.status });
  return res.json();
}

function chart(id, config) {
  if (typeof Chart === 'undefined') return;
  if (charts[id]) {
    charts[id].data = config.data;
    charts[id].update('none');
  } else charts[id] = new Chart($(id), { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, locale: 'fr-FR', ...config.options } });
}

function renderFunnels(funnel) {
  const box = $('funnels');
  for (const [program, label] of Object.entries(PROGRAMS)) {
    const figures = funnel[program] ?? {};
    let card = box.querySelector(`[data-program-card="${program}"]`);
    if (!card) {
      card = el('article', { class: 'card', 'data-program-card': program, 'aria-labelledby': `funnel-${program}` },
        el('h3', { id: `funnel-${program}` }, label),
        el('div', { class: 'chart' }, el('canvas', { id: `funnel-chart-${program}`, role: 'img', 'aria-label': `Entonnoir ${label} ; chiffres dans le tableau` })),
        el('table', {}, el('caption', {}, `Dossiers — ${label}`), el('thead'), el('tbody')));
      box.append(card);
    }
    const rows = FUNNEL.map(([key, name]) => el('tr', {}, el('th', { scope: 'row' }, stageLabel(key, name, program)),
      num(nf.format(figures[key] ?? 0), { 'data-program': program, 'data-metric': key })));
    rows.push(el('tr', {}, el('th', { scope: 'row' }, 'Montant accordé'), num(euros(figures.grantedCents), { 'data-program': program, 'data-metric': 'grantedCents' })));
    fillTable(card.querySelector('table'), ['Étape', { label: 'Dossiers', num: true }], rows);
    chart(`funnel-chart-${program}`, {
      type: 'bar',
      data: { labels: FUNNEL.map(([k, n]) => stageLabel(k, n, program)), datasets: [{ label: 'Dossiers', data: FUNNEL.map(([k]) => figures[k] ?? 0), backgroundColor: '#000091' }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
}

async function renderTerritories() {
  const { level, parent, trail } = state.view;
  const program = $('territory-program').value;
  const q = new URLSearchParams({ level, ...(parent ? { parent } : {}), ...(program ? { program } : {}) });
  let items = [];
  try {
    items = (await api(`/dashboard/territories?${q}`)).items;
  } catch { /* the status line says why */ }
  const crumbs = [el('li', {}, el('button', { type: 'button', class: 'link', onclick: () => drill('region', null, []) }, 'France'))];
  trail.forEach((t, i) => crumbs.push(el('li', {}, i === trail.length - 1 ? el('span', { 'aria-current': 'page' }, t.label)
    : el('button', { type: 'button', class: 'link', onclick: () => drill(t.next, t.parent, trail.slice(0, i + 1)) }, t.label))));
  $('territory-trail').replaceChildren(...crumbs);
  const children = CHILDREN[program] ?? CHILDREN[''];
  const stages = FUNNEL.filter(([k]) => k !== 'drafting');
  const headers = [LEVELS[level], ...stages.map(([k, n]) => ({ label: stageLabel(k, n, program), num: true })), { label: 'Montant accordé', num: true }];
  fillTable($('territories'), headers, items.map((row) => {
    // A row '' holds the projects without this level (a health project without a CTS): nothing below it.
    const next = row.code ? children[row.level] : undefined;
    const name = next
      ? el('button', { type: 'button', class: 'link', 'aria-label': `Détailler ${row.label}`,
        onclick: () => drill(next, `${row.level}:${row.code}`, [...trail, { label: row.label, next, parent: `${row.level}:${row.code}` }]) }, row.label)
      : row.label;
    return el('tr', { 'data-territory': `${row.level}:${row.code}` }, el('th', { scope: 'row' }, name),
      stages.map(([k]) => num(nf.format(row.figures[k] ?? 0))), num(euros(row.figures.grantedCents)));
  }));
}

function drill(level, parent, trail) {
  state.view = { level, parent, trail };
  $('territory-level').value = level;
  renderTerritories().then(() => $('territories').querySelector('caption').focus?.());
}

function renderSchoolLevels(levels) {
  fillTable($('school-levels'), ['Niveau', { label: 'Écoles et établissements engagés', num: true }, { label: 'Projets déposés', num: true },
    { label: 'Projets validés', num: true }],
  (levels ?? []).map((l) => el('tr', { 'data-level': l.level }, el('th', { scope: 'row' }, l.label),
    num(nf.format(l.intentions)), num(nf.format(l.deposited)), num(nf.format(l.validated)))));
}

function renderEnvelopes(envelopes) {
  const rate = (f) => (f.creditsCents > 0 ? f.consumedCents / f.creditsCents : 0);
  fillTable($('envelopes'), ['Enveloppe', 'Fonds', { label: 'AE ouvertes', num: true }, { label: 'AE engagées', num: true }, { label: 'AE %', num: true },
    { label: 'CP ouverts', num: true }, { label: 'CP payés', num: true }, { label: 'CP %', num: true }],
  envelopes.map((e) => el('tr', { 'data-envelope': e.envelopeId }, el('th', { scope: 'row' }, e.label, el('br'), el('small', {}, e.envelopeId)),
    el('td', {}, FUNDS[e.fund] ?? e.fund), num(euros(e.ae.creditsCents)), num(euros(e.ae.consumedCents)), num(pct.format(rate(e.ae))),
    num(euros(e.cp.creditsCents)), num(euros(e.cp.consumedCents)), num(pct.format(rate(e.cp))))));
  chart('envelopes-chart', {
    type: 'bar',
    data: {
      labels: envelopes.map((e) => e.label),
      datasets: [
        { label: 'AE engagées (%)', data: envelopes.map((e) => Math.round(rate(e.ae) * 1000) / 10), backgroundColor: '#000091' },
        { label: 'CP payés (%)', data: envelopes.map((e) => Math.round(rate(e.cp) * 1000) / 10), backgroundColor: '#e1000f' },
      ],
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% des crédits ouverts' } } } },
  });
}

async function renderDecisions(publicRows) {
  let rows = publicRows;
  let details = false;
  if (state.token) {
    try {
      rows = (await api('/dashboard/decisions?limit=10')).items;
      details = true;
    } catch { /* keep the public rows */ }
  }
  const territory = (d) => d.academie ? `Académie ${d.academie}` : `Département ${d.departement}`;
  const headers = ['Date', 'Programme', 'Territoire', 'Décision', { label: 'Montant accordé', num: true }, ...(details ? ['Projet', 'Motif', 'Par'] : [])];
  fillTable($('decisions'), headers, rows.map((d) => el('tr', { 'data-position': d.position },
    el('td', {}, dateTime.format(new Date(d.at))), el('td', {}, PROGRAMS[d.program] ?? d.program), el('td', {}, territory(d)),
    el('td', {}, DECISIONS[d.command] ?? d.command), num(d.grantedCents === null ? '—' : euros(d.grantedCents)),
    ...(details ? [el('td', {}, d.title ?? ''), el('td', {}, d.reason ?? ''), el('td', {}, ROLES[d.by?.role] ?? d.by?.role ?? '')] : []))));
}

function renderWorkload(items) {
  fillTable($('workload'), ['Région', { label: 'À instruire', num: true }, { label: 'moins de 7 j', num: true }, { label: '7 à 30 j', num: true },
    { label: 'plus de 30 j', num: true }, { label: 'À compléter', num: true }, { label: 'Échéances dépassées', num: true }, { label: 'Échéances sous 7 j', num: true }],
  items.map((w) => el('tr', {}, el('th', { scope: 'row' }, w.label), num(nf.format(w.queue)), num(nf.format(w.ages.under7Days)),
    num(nf.format(w.ages.from7To30Days)), num(nf.format(w.ages.over30Days)), num(nf.format(w.awaitingHolder)),
    num(nf.format(w.deadlines.overdue)), num(nf.format(w.deadlines.dueWithin7Days)))));
}

function renderSeries(points) {
  const days = [...new Set(points.map((p) => p.day))].sort();
  const sum = (metric) => days.map((d) => points.filter((p) => p.day === d && p.metric === metric).reduce((t, p) => t + p.count, 0));
  const series = [['intentions', 'Intentions déclarées (projets)', '#000091'], ['deposited', 'Dépôts', '#6a6af4'], ['validated', 'Validations', '#18753c']];
  chart('series-chart', {
    type: 'line',
    data: { labels: days.map((d) => new Date(`${d}T12:00:00Z`).toLocaleDateString('fr-FR')), datasets: series.map(([m, label, color]) => ({ label, data: sum(m), borderColor: color, backgroundColor: color })) },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  const totals = series.map(([m, label]) => `${label} : ${nf.format(sum(m).reduce((a, b) => a + b, 0))}`).join(' · ');
  $('series-summary').textContent = days.length ? `Sur la période : ${totals}.` : 'Aucune activité sur la période.';
}

async function renderWorkflows() {
  const { items } = await api('/dashboard/workflows');
  $('workflows').replaceChildren(...items.map((w) => {
    const label = Object.fromEntries(w.states.map((s) => [s.name, s.label]));
    const table = el('table', {}, el('caption', {}, 'Transitions'), el('thead'), el('tbody'));
    fillTable(table, ['Depuis', 'Action', 'Vers', 'Par'], w.transitions.flatMap((t) => t.from.map((f) => el('tr', {},
      el('td', {}, label[f] ?? f), el('td', {}, t.label, t.reasonRequired ? ' (motivée)' : ''), el('td', {}, label[t.to] ?? t.to),
      el('td', {}, t.roles.map((r) => ROLES[r] ?? r).join(', '))))));
    return el('article', { class: 'card', 'aria-labelledby': `wf-${w.program}` },
      el('h3', { id: `wf-${w.program}` }, `${w.title} (version ${w.version})`),
      el('p', {}, 'États : '), el('ol', {}, w.states.map((s) => el('li', {}, s.label, s.initial ? ' — départ' : '', s.final ? ' — état final' : ''))),
      table, el('details', {}, el('summary', {}, 'Diagramme Mermaid (texte)'), el('pre', {}, w.mermaid)));
  }));
}

function render(snapshot) {
  state.snapshot = snapshot;
  renderFunnels(snapshot.funnel);
  renderSchoolLevels(snapshot.schoolLevels);
  renderEnvelopes(snapshot.envelopes);
  renderWorkload(snapshot.workload);
  renderSeries(snapshot.series);
  void renderDecisions(snapshot.decisions);
  void renderTerritories();
  document.body.dataset.position = snapshot.position;
  const status = $('live-status');
  status.classList.remove('stale');
  status.textContent = `En direct · mis à jour à ${time.format(new Date())} (position ${nf.format(Number(snapshot.position))} du journal)`;
}

let source;
function connect() {
  source?.close();
  source = new EventSource(`/dashboard/stream${state.token ? `?access_token=${encodeURIComponent(state.token)}` : ''}`);
  source.addEventListener('snapshot', (e) => render(JSON.parse(e.data)));
  source.addEventListener('error', () => {
    const status = $('live-status');
    status.classList.add('stale');
    if (source.readyState !== EventSource.CLOSED) {
      status.textContent = 'Connexion perdue, reconnexion en cours…';
      return;
    }
    void explainRefusal(status);
  });
}

// EventSource does not tell why the stream was refused: a plain read does (401/403: a token is needed; otherwise too
// many streams are open from here or the API is stopping, and it is worth trying again later).
async function explainRefusal(status) {
  const res = await fetch('/dashboard/summary', { headers: state.token ? { authorization: `Bearer ${state.token}` } : {} }).catch(() => undefined);
  if (res && (res.status === 401 || res.status === 403)) {
    status.textContent = 'Flux indisponible : le tableau de bord n’est pas public, saisissez un jeton d’accès.';
    return;
  }
  status.textContent = 'Flux refusé pour l’instant (trop de connexions ouvertes depuis ce poste, ou serveur en arrêt) : nouvel essai dans 30 s.';
  setTimeout(connect, 30_000);
}

$('token').value = state.token;
$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.token = $('token').value.trim();
  sessionStorage.setItem('refonda-token', state.token);
  connect();
  void renderWorkflows().catch(() => {});
});
$('token-clear').addEventListener('click', () => {
  state.token = '';
  $('token').value = '';
  sessionStorage.removeItem('refonda-token');
  connect();
});
$('territory-level').addEventListener('change', (e) => drill(e.target.value, state.view.parent, state.view.trail));
// Each program drills its own way: a new program starts again from the régions.
$('territory-program').addEventListener('change', () => drill('region', null, []));
connect();
renderWorkflows().catch(() => {});
