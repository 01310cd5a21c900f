// After-action report at scale: drafting the report of an incident holding 100,000 records
// (ICS 214 entries, significant events and their reviews, decisions, resource requests and
// their events) through handle(), then exporting its DOCX, beside reading those records
// raw on better-sqlite3 in the same run. Targets: draft under 2 s, DOCX under 3 s.
//
// AAR_BENCH_RECORDS (default 100000) sets the size.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createBackend } from '../../electron/backend';
import type { Bench } from './run';
import { client, rng } from './seed';
import { fmt, report, timeIt } from './stats';

const RECORDS = Number(process.env.AAR_BENCH_RECORDS ?? 100_000);
const HOUR = 3_600_000;
const PRIORITIES = ['urgent', 'routine', 'low'] as const;

/** Shares of the record: most of an incident is its activity log. */
const SHARE = { decisions: 0.01, proposals: 0.02, requests: 0.03 };

function seed(file: string, incidentId: string, positionId: string, orgId: string, workstationId: string, start: number): Record<string, number> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const r = rng(7);
  const n = {
    decisions: Math.round(RECORDS * SHARE.decisions),
    proposals: Math.round(RECORDS * SHARE.proposals),
    requests: Math.round(RECORDS * SHARE.requests),
  };
  // Each request brings four events; each proposal its review.
  const entries = RECORDS - n.decisions - 2 * n.proposals - 5 * n.requests;
  const fact = (at: number) => ({ ws: workstationId, op: 'Bench Operator', pos: 'Coalition Duty Officer', rec: at, at });
  const insEntry = db.prepare(
    `INSERT INTO log_entries (id, workstation_id, operator_name, position_title, recorded_at, occurred_at, incident_id, position_id, category, text, source, transcribed)
     VALUES (@id, @ws, @op, @pos, @rec, @at, @inc, @p, 'Situation', @text, 'direct', 0)`,
  );
  const insProposal = db.prepare(
    `INSERT INTO significant_proposals (id, workstation_id, operator_name, position_title, recorded_at, occurred_at, incident_id, entry_id, proposer_position_id)
     VALUES (@id, @ws, @op, @pos, @rec, @at, @inc, @entry, @p)`,
  );
  const insReview = db.prepare(
    `INSERT INTO significant_reviews (id, workstation_id, operator_name, position_title, recorded_at, occurred_at, incident_id, proposal_id, entry_id, approved, approver_position_id)
     VALUES (@id, @ws, @op, @pos, @rec, @at, @inc, @proposal, @entry, @ok, @p)`,
  );
  const insDecision = db.prepare(
    `INSERT INTO decisions (id, workstation_id, operator_name, position_title, recorded_at, occurred_at, incident_id, title, decision, options, rationale, authority,
       made_by_name, made_by_position_id, made_by_position_title, links, snapshot)
     VALUES (@id, @ws, @op, @pos, @rec, @at, @inc, @title, 'Proceed as planned', @options, 'The situation required it', 'Coalition response plan', 'Bench Commander', @p, 'Incident Commander', '[]', @snapshot)`,
  );
  const insReq = db.prepare(
    `INSERT INTO requests (id, number, incident_id, requesting_organisation_id, requested_by_name, priority, priority_rank, delivery_location, status, status_since,
       is_open, submitted_at, aged_from, quantity_requested, quantity_filled, summary, search_text, created_at, updated_hlc)
     VALUES (@id, @number, @inc, @org, 'Bench Requester', @priority, @rank, 'Loading dock', @status, @since, @open, @submitted, @submitted, 10, @filled, '10 Surge cot', 'cot', @submitted, '0')`,
  );
  const insEvent = db.prepare(
    `INSERT INTO request_events (id, request_id, action, from_status, to_status, detail, workstation_id, operator_name, position_title, recorded_at, occurred_at)
     VALUES (?, ?, ?, NULL, ?, '{}', ?, 'Bench Operator', 'Coalition Duty Officer', ?, ?)`,
  );
  const snapshot = JSON.stringify({ capturedAt: start, activationLevel: 'Full activation', currentPeriod: null, openRequests: 3, logEntries: 10, logEntriesLastHour: 2, significantEvents: 1, pendingProposals: 0, messages: 0, decisionsInForce: 1 });
  const span = 72 * HOUR;
  const entryIds: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < entries; i++) {
      const id = uuidv7();
      const at = start + Math.floor((span * i) / entries);
      insEntry.run({ id, ...fact(at), inc: incidentId, p: positionId, text: `Facility ${i % 40} reports ${i % 17} beds available; generator fuel ${i % 48} hours` });
      if (i % Math.max(1, Math.floor(entries / n.proposals)) === 0 && entryIds.length < n.proposals) entryIds.push(id);
    }
    entryIds.forEach((entry, i) => {
      const at = start + Math.floor((span * i) / entryIds.length) + 60_000;
      const proposal = uuidv7();
      insProposal.run({ id: proposal, ...fact(at), inc: incidentId, entry, p: positionId });
      insReview.run({ id: uuidv7(), ...fact(at + 60_000), inc: incidentId, proposal, entry, ok: i % 10 === 0 ? 0 : 1, p: positionId });
    });
    for (let i = 0; i < n.decisions; i++) {
      const at = start + Math.floor((span * i) / n.decisions);
      insDecision.run({ id: uuidv7(), ...fact(at), inc: incidentId, title: `Decision ${i + 1}`, options: i % 3 ? JSON.stringify([{ text: 'Go', chosen: true }]) : '[]', p: positionId, snapshot });
    }
    for (let i = 0; i < n.requests; i++) {
      const id = uuidv7();
      const priority = PRIORITIES[i % 3]!;
      const submitted = start + Math.floor((span * i) / n.requests);
      const filled = r() < 0.8;
      const received = submitted + Math.floor(r() * 8 * HOUR);
      insReq.run({ id, number: `RR-${String(i + 1).padStart(5, '0')}`, inc: incidentId, org: orgId, priority, rank: i % 3 + 1, status: filled ? 'received' : 'sourcing', since: filled ? received : submitted, open: 1, submitted, filled: filled ? 10 : 0 });
      insEvent.run(uuidv7(), id, 'create', 'draft', workstationId, submitted, submitted);
      insEvent.run(uuidv7(), id, 'submit', 'submitted', workstationId, submitted, submitted);
      insEvent.run(uuidv7(), id, 'approve', 'resource_check', workstationId, submitted + 60_000, submitted + 60_000);
      insEvent.run(uuidv7(), id, filled ? 'receive' : 'check_resources', filled ? 'received' : 'sourcing', workstationId, filled ? received : submitted + 120_000, filled ? received : submitted + 120_000);
    }
  })();
  db.close();
  return { entries, proposals: entryIds.length * 2, decisions: n.decisions, requests: n.requests, requestEvents: n.requests * 4 };
}

export const aarBench: Bench = {
  name: 'aar',
  title: `After-action report of an incident of ${RECORDS.toLocaleString('en-US')} records`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-aar-'));
    try {
      let backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
      let call = client(backend);
      await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'EOC-1' });
      const { positions } = await call('position.list', {});
      const duty = positions.find((p) => p.code === 'HCCDO')!;
      await call('session.signIn', { operatorName: 'Bench Planner', positionId: positions.find((p) => p.code === 'PSC')!.id });
      const { levels } = await call('incident.levels', {});
      const start = Date.now() - 80 * HOUR;
      const { incident } = await call('incident.create', { name: 'Bench ice storm', exercise: false, activationLevelId: levels[0]!.id, startedAt: start, firstPeriod: { startsAt: start, endsAt: start + 12 * HOUR } });
      const { organisation } = await call('directory.saveOrganisation', { name: 'Bench General Hospital', discipline: 'hospital', membership: 'core', town: 'Springfield', zip: '01103' });
      const info = await call('system.info', {});
      await backend.close();
      const file = path.join(dir, 'eoc.sqlite');
      const seededAt = performance.now();
      const counts = seed(file, incident.id, duty.id, organisation.id, info.workstationId, start);
      console.log(`  seeded ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`);

      // Baseline: every record of the incident read raw, as the draft's sources would need them.
      const raw = new Database(file, { readonly: true });
      const rawRead = await timeIt(() => {
        let rows = 0;
        for (const sql of [
          'SELECT * FROM log_entries WHERE incident_id = ?',
          'SELECT * FROM significant_proposals WHERE incident_id = ?',
          'SELECT * FROM significant_reviews WHERE incident_id = ?',
          'SELECT * FROM decisions WHERE incident_id = ?',
          'SELECT * FROM requests WHERE incident_id = ?',
          'SELECT e.* FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.incident_id = ?',
        ])
          rows += raw.prepare(sql).all(incident.id).length;
        return rows;
      });
      raw.close();

      backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
      call = client(backend);
      const draft = await timeIt(() => call('aar.draft', { incidentId: incident.id }));
      const redraft = await timeIt(() => call('aar.draft', { incidentId: incident.id }));
      const view = await timeIt(() => call('aar.get', { incidentId: incident.id }));
      const figures = await timeIt(() => call('aar.record', { incidentId: incident.id }));
      // The first export of a process also loads and compiles the document libraries; the second is the steady cost.
      const docx = await timeIt(() => call('aar.exportDocx', { incidentId: incident.id }));
      const docxAgain = await timeIt(() => call('aar.exportDocx', { incidentId: incident.id }));
      const pdf = await timeIt(() => call('aar.exportPdf', { incidentId: incident.id }));
      const pdfAgain = await timeIt(() => call('aar.exportPdf', { incidentId: incident.id }));
      await backend.close();
      const baseline = `raw read of the ${rawRead.value.toLocaleString('en-US')} records ${fmt(rawRead.ms)}`;
      report(`draft (first: report, objectives, ${draft.value.candidates} candidates)`, fmt(draft.ms), baseline, draft.ms < 2000 ? 'target < 2 s: met' : 'target < 2 s: MISSED');
      report('redraft (candidates refreshed)', fmt(redraft.ms), baseline);
      report(`figures from the record (${figures.value.tables.length} tables)`, fmt(figures.ms), baseline);
      report('report view (aar.get)', fmt(view.ms), baseline);
      report(`DOCX export, first in the process (${Math.round(docx.value.bytes / 1024)} KB)`, fmt(docx.ms), baseline, docx.ms < 3000 ? 'target < 3 s: met' : 'target < 3 s: MISSED');
      report('DOCX export, again', fmt(docxAgain.ms), baseline, docxAgain.ms < 3000 ? 'target < 3 s: met' : 'target < 3 s: MISSED');
      report(`PDF export, first in the process (${Math.round(pdf.value.bytes / 1024)} KB)`, fmt(pdf.ms), baseline);
      report('PDF export, again', fmt(pdfAgain.ms), baseline);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
