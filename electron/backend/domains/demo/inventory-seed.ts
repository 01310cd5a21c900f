import { v7 as uuidv7 } from 'uuid';
import { catalogKind, normalizeKind, type ResourceCategory, type ResourceClass } from '../../../../shared/domain/nims';
import type { WriteTx } from '../../db/writer';
import type { DemoDirectory } from './directory-seed';
import type { Rng } from './prng';

interface Holding {
  owner: string;
  kind: string;
  type?: string;
  name: string;
  held: number;
  location: string;
  status?: 'available' | 'conditionally_available' | 'not_available';
}

/** Caches the coalition keeps and stock members have declared, all marked demo. */
export function seedInventory(tx: WriteTx, dir: DemoDirectory, rng: Rng, now: number): Map<string, string> {
  const coalition = dir.coalitionOrgId;
  const first = (d: Parameters<DemoDirectory['byDiscipline']['get']>[0], i = 0) => dir.byDiscipline.get(d)![i]!;
  const org = (d: Parameters<DemoDirectory['byDiscipline']['get']>[0], i = 0) => first(d, i).id;
  const cache = 'Coalition cache, Northampton warehouse (demo)';
  const holdings: Holding[] = [
    { owner: coalition, kind: 'N95 respirator', name: 'Coalition cache N95 respirators', held: 24000, location: cache },
    { owner: coalition, kind: 'Surgical mask', name: 'Coalition cache surgical masks', held: 60000, location: cache },
    { owner: coalition, kind: 'Isolation gown', name: 'Coalition cache isolation gowns', held: 12000, location: cache },
    { owner: coalition, kind: 'Exam gloves', name: 'Coalition cache exam gloves', held: 2500, location: cache },
    { owner: coalition, kind: 'Face shield', name: 'Coalition cache face shields', held: 6000, location: cache },
    { owner: coalition, kind: 'Ventilator (portable)', name: 'Coalition cache portable ventilators', held: 12, location: cache },
    { owner: coalition, kind: 'Surge cot', name: 'Coalition cache surge cots', held: 250, location: cache },
    { owner: coalition, kind: 'Evacuation sled', name: 'Coalition cache evacuation sleds', held: 80, location: cache },
    { owner: coalition, kind: 'Mass casualty incident trailer', name: 'MCI trailer 1', held: 1, location: 'Springfield fire station 3 (demo)' },
    { owner: coalition, kind: 'Mass casualty incident trailer', name: 'MCI trailer 2', held: 1, location: 'Pittsfield EMS garage (demo)', status: 'conditionally_available' },
    { owner: coalition, kind: 'Medical surge trailer', name: 'Medical surge trailer', held: 1, location: cache },
    { owner: coalition, kind: 'Decontamination system', name: 'Coalition decontamination system', held: 2, location: cache, status: 'not_available' },
    { owner: coalition, kind: 'Portable shelter (tent)', name: 'Coalition portable shelters', held: 6, location: cache },
    { owner: org('emergency_management'), kind: 'Generator (mobile)', type: '2', name: 'Mobile generators (60 kW)', held: 3, location: 'Town DPW yard (demo)' },
    { owner: org('emergency_management', 1), kind: 'Generator (mobile)', type: '3', name: 'Mobile generators (25 kW)', held: 4, location: 'Highway garage (demo)' },
    { owner: org('emergency_management', 1), kind: 'Light tower', name: 'Light towers', held: 5, location: 'Highway garage (demo)' },
    { owner: org('hospital'), kind: 'N95 respirator', name: `${first('hospital').name} N95 stock`, held: 3000, location: 'Materials management (demo)' },
    { owner: org('hospital', 1), kind: 'N95 respirator', name: `${first('hospital', 1).name} N95 stock`, held: 1800, location: 'Central supply (demo)' },
    { owner: org('hospital', 2), kind: 'Ventilator (portable)', name: `${first('hospital', 2).name} transport ventilators`, held: 6, location: 'Respiratory therapy (demo)' },
    { owner: org('ems'), kind: 'Ambulance (ground)', type: '1', name: `${first('ems').name} ALS ambulances`, held: 6, location: 'Station 1 (demo)' },
    { owner: org('ems', 1), kind: 'Ambulance strike team', type: '2', name: `${first('ems', 1).name} strike team`, held: 1, location: 'Headquarters (demo)' },
    { owner: org('ems', 2), kind: 'Ambulance bus', name: `${first('ems', 2).name} ambulance bus`, held: 1, location: 'Headquarters (demo)' },
    { owner: org('other', 0), kind: 'Medical Reserve Corps team', type: '3', name: 'MRC shelter support teams', held: 4, location: 'On call (demo)' },
    { owner: org('behavioral_health'), kind: 'Behavioral health team', name: 'Crisis counseling teams', held: 2, location: 'On call (demo)' },
    { owner: org('pharmacy'), kind: 'Hand sanitizer', name: 'Hand sanitizer stock', held: 150, location: 'Back room (demo)' },
    { owner: org('community_health_center'), kind: 'Oxygen cylinder (E)', name: 'E cylinders', held: 40, location: 'Clinic storage (demo)' },
    { owner: org('pharmacy', 1), kind: 'Bottled water', name: 'Bottled water', held: 300, location: 'Loading bay (demo)' },
    { owner: org('long_term_care'), kind: 'Wheelchair', name: 'Spare wheelchairs', held: 12, location: 'Basement storage (demo)' },
  ];
  const ids = new Map<string, string>();
  for (const h of holdings) {
    const cat = catalogKind(h.kind)!;
    const id = uuidv7();
    tx.put('inventory', id, {
      category: cat.category as ResourceCategory,
      resource_class: cat.resourceClass as ResourceClass,
      kind: cat.kind,
      kind_key: normalizeKind(cat.kind),
      type: h.type ?? null,
      name: h.name,
      unit: cat.unit,
      location: h.location,
      owner_organisation_id: h.owner,
      status: h.status ?? 'available',
      counted_quantity: h.held,
      consumed_at_count: 0,
      last_counted_at: now - rng.int(1, 60) * 86_400_000,
      notes: 'Demonstration data.',
      consumable: cat.consumable ? 1 : 0,
      demo: 1,
    });
    ids.set(h.name, id);
  }
  return ids;
}
