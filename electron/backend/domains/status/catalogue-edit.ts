import { newId as uuidv7 } from '../../db/ids';
import type { MethodParsedInput } from '../../../../shared/contract';
import { DISCIPLINES } from '../../../../shared/domain/disciplines';
import { seedId } from '../../db/migrations/002-incidents';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid, notFound } from '../../errors';
import { eeiSets, forgetCatalogue, statusTypes, typeByCode, typeById } from './catalogue';

type Input = MethodParsedInput<'status.saveType'>;

/**
 * Creates or edits a status type and the EEI sets that include it. A type's code and, once
 * reported, its kind are fixed: stored values and files refer to them.
 */
export function saveType(tx: WriteTx, db: Db, input: Input): string {
  const existing = input.id ? typeById(db).get(input.id) : undefined;
  if (input.id && !existing) throw notFound('That status type');
  if (existing && input.code && input.code !== existing.code) throw invalid(`The code of "${existing.label}" is fixed (${existing.code}): files and imports refer to it`);
  const code = existing?.code ?? input.code;
  if (!code) throw invalid('A new status type needs a code, such as beds.burn.available');
  const clash = typeByCode(db).get(code);
  if (clash && clash.id !== existing?.id) throw conflict(`The code ${code} is already used by "${clash.label}"`);
  if (existing && existing.kind !== input.kind) {
    const used = db.prepare('SELECT 1 FROM status_current WHERE type_id = ? LIMIT 1').get(existing.id);
    if (used) throw conflict(`"${existing.label}" has reports, so its kind cannot change; add a new status type instead`);
  }
  if (input.baselineTypeId) {
    const base = typeById(db).get(input.baselineTypeId);
    if (!base || base.id === existing?.id) throw invalid('The baseline must be another status type of the catalogue');
    if (base.kind !== 'number' || input.kind !== 'number') throw invalid('A baseline compares numbers: both status types must be numbers');
  }
  if (input.aggregate === 'sum' && input.kind !== 'number') throw invalid('Only numbers can be added up across facilities');
  const id = existing?.id ?? uuidv7();
  const ordinal = existing?.ordinal ?? Math.max(0, ...statusTypes(db).map((t) => t.ordinal)) + 1;
  tx.put('status_types', id, {
    code,
    label: input.label,
    group_name: input.group,
    ordinal,
    kind: input.kind,
    unit: input.unit?.trim() || null,
    min_value: input.min ?? null,
    max_value: input.max ?? null,
    choices: JSON.stringify(input.kind === 'choice' ? input.choices : []),
    baseline_type_id: input.baselineTypeId ?? null,
    jump_share: input.jumpShare ?? null,
    aggregate: input.aggregate,
    intervals: JSON.stringify(input.intervals),
    default_interval: input.defaultInterval,
    have_field: existing?.haveField ?? null,
  });
  const sets = eeiSets(db);
  for (const d of DISCIPLINES) {
    const ids = [...(sets.get(d) ?? [])];
    const want = input.disciplines.includes(d);
    if (want === ids.includes(id)) continue;
    const next = want ? [...ids, id] : ids.filter((x) => x !== id);
    tx.put('eei_sets', seedId('eei-set', d), { discipline: d, type_ids: JSON.stringify(next) });
  }
  forgetCatalogue(db);
  return id;
}
