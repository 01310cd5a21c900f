import type L from 'leaflet';

/** While the operator draws, a click places a corner: it must not also open a feature's popup. */
export const isDrawing = (map: L.Map): boolean => !!map.pm?.globalDrawModeEnabled();
