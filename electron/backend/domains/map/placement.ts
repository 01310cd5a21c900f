import type { Placement } from '../../../../shared/contract';
import type { OrganisationPlace } from '../directory/queries';
import { geocodeText } from '../geocode/geocode';

export interface Placed {
  latitude: number;
  longitude: number;
  placement: Placement;
}

/** Where an organisation is drawn, from the directory's own location and its source. */
export function placeOrganisation(o: OrganisationPlace): Placed | null {
  if (o.latitude === null || o.longitude === null) return null;
  const words =
    o.locationSource === 'entered'
      ? 'Coordinates entered in the directory'
      : o.locationSource === 'zip'
        ? `Centre of ZIP code ${o.zip ?? ''}`.trim()
        : o.locationSource === 'town'
          ? `Centre of the town of ${o.town}`
          : 'Location from the directory';
  const source = o.locationSource === 'entered' || o.locationSource === 'zip' || o.locationSource === 'town' ? o.locationSource : 'entered';
  return { latitude: o.latitude, longitude: o.longitude, placement: { source, words } };
}

/**
 * Where a record that names its place in words is drawn (a request's delivery location, a
 * cache's storage place): a ZIP code or town named in the words, unless that is the
 * organisation's own town, where the organisation's location is the better point; otherwise
 * at the organisation (the requester, the owner). Towns are looked for in the states the
 * coalition's members are in, the organisation's own first.
 */
export function placeByWords(words: string, org: OrganisationPlace | undefined, role: string, memberStates: readonly string[]): Placed | null {
  const states = [...new Set([...(org?.state ? [org.state] : []), ...memberStates])];
  const found = geocodeText(words, states);
  const orgPlace = org ? placeOrganisation(org) : null;
  const sameTown = found && org && found.source === 'town' && found.place.toLowerCase().startsWith(`${org.town.toLowerCase()},`);
  if (found && !(sameTown && orgPlace)) {
    return {
      latitude: found.latitude,
      longitude: found.longitude,
      placement: { source: found.source, words: found.source === 'zip' ? `Centre of ZIP code ${found.place}, named in "${words}"` : `Centre of ${found.place}, named in "${words}"` },
    };
  }
  if (orgPlace && org) return { ...orgPlace, placement: { source: 'organisation', words: `At the ${role}, ${org.name}` } };
  return null;
}
