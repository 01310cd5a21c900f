import 'leaflet/dist/leaflet.css';
import './map.css';
import './leaflet-icons';
import { Alert, Group, Paper, ScrollArea, Stack, Tabs, Text, Title, useComputedColorScheme } from '@mantine/core';
import type L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CircleMarker, MapContainer } from 'react-leaflet';
import type { PlaceResult } from '../../../../shared/contract';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useShell } from '../../lib/shell-context';
import { useSubview } from '../../lib/use-subview';
import { useActiveIncident } from '../incident/use-active-incident';
import { Basemap } from './basemap/Basemap';
import { PALETTES } from './basemap/palette';
import { PlaceLabels } from './basemap/PlaceLabels';
import { FirstView, type FirstViewTarget } from './basemap/FirstView';
import { createPointerStore, createValueStore } from './basemap/pointer';
import { prefetchAtlas, type Atlas } from './basemap/us-atlas';
import { ViewWatcher, type ViewState } from './basemap/ViewWatcher';
import { DrawController, type DrawApi } from './draw/DrawController';
import { DrawPanel } from './draw/DrawPanel';
import { openAnnotationForm, type Drawn } from './draw/AnnotationForm';
import { ImportExportPanel } from './io/ImportExportPanel';
import { annotationItem, cacheItem, orgItem, requestItem, type MapItem } from './items';
import { AnnotationLayer } from './layers/AnnotationLayer';
import { ANNOTATION_COLOURS, OVERLAY_COLOUR } from './layers/colours';
import { OverlayLayer } from './layers/OverlayLayer';
import { PackLayer } from './layers/PackLayer';
import { pointSet } from './layers/point-set';
import { SymbolLayer } from './layers/SymbolLayer';
import { cacheSymbol, organisationSymbol, requestSymbol } from './layers/symbols';
import { openRecord } from './open-record';
import { MapPacksPanel } from './packs/MapPacksPanel';
import { CoordsBar } from './panel/CoordsBar';
import { InViewList } from './panel/InViewList';
import { FeaturePopup } from './panel/FeaturePopup';
import { LayerPanel } from './panel/LayerPanel';
import { PlaceSearch } from './panel/PlaceSearch';
import { PrintPanel } from './print/PrintPanel';
import { usePrintInput } from './print/use-print-input';
import { useAnnotationActions } from './use-annotation-actions';
import { prefetchMapData, useMapData } from './use-map-data';
import { useVisibility } from './use-visibility';
import { timed } from './perf';

prefetchAtlas();
prefetchMapData();

/** Western Massachusetts, until the members say where the coalition is. */
const DEFAULT_VIEW = { center: [42.35, -72.6] as [number, number], zoom: 8 };
const ANNOTATION_STYLE = { note: ANNOTATION_COLOURS.note, site: ANNOTATION_COLOURS.site, area: ANNOTATION_COLOURS.area };

/**
 * The common operating picture: the built-in basemap (states, counties, the coalition's
 * region, towns and ZIP codes), a map pack where one is loaded, the members, open requests,
 * caches, the incident's location and area, annotations and imported overlays, each layer
 * switchable with its legend in words; beside it the features in view as a keyboard list.
 */
export function MapScreen() {
  const { coalition } = useShell();
  const { incident } = useActiveIncident();
  const incidentId = incident?.id ?? null;
  const { params } = useSubview();
  const focus = params.get('focus');
  const dark = useComputedColorScheme('dark') === 'dark';
  const palette = PALETTES[dark ? 'dark' : 'light'];
  const data = useMapData(incidentId);
  const [visible, setVisible] = useVisibility();
  // What the map shows changes on every pan and zoom: kept out of this screen's state, so
  // only the list and the coordinates follow it and the map's tree is not rendered again.
  const viewStore = useMemo(() => createValueStore<ViewState | null>(null), []);
  const pointerStore = useMemo(() => createPointerStore(), []);
  const [map, setMap] = useState<L.Map | null>(null);
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  const [selected, setSelected] = useState<MapItem | null>(null);
  const [active, setActive] = useState<MapItem | null>(null);
  const [tab, setTab] = useState<string | null>('list');
  const drawApi = useRef<DrawApi | null>(null);
  const annotations = useAnnotationActions(incidentId);

  const layers = data.layers;
  const orgPoints = useMemo(() => layers?.organisations ?? null, [layers]);
  const points = useMemo(
    () =>
      timed('items', () => ({
        organisations: pointSet(layers?.organisations ?? [], orgItem, organisationSymbol),
        requests: pointSet(layers?.requests ?? [], requestItem, requestSymbol),
        caches: pointSet(layers?.caches ?? [], cacheItem, cacheSymbol),
      })),
    [layers],
  );
  const shownAnnotations = useMemo(
    () => (data.annotations ?? []).filter((a) => (a.purpose === 'note' ? visible.annotations : visible.incident)),
    [data.annotations, visible.annotations, visible.incident],
  );
  const items = useMemo(() => {
    const out: MapItem[] = [];
    if (visible.requests) out.push(...points.requests.items);
    if (visible.organisations) out.push(...points.organisations.items);
    if (visible.caches) out.push(...points.caches.items);
    out.push(...shownAnnotations.map(annotationItem));
    return out;
  }, [points, shownAnnotations, visible.requests, visible.organisations, visible.caches]);

  // First view: the record asked for ("show on map") with its popup, or every member in sight.
  const wanted = useMemo(() => (focus ? [...points.organisations.items, ...points.requests.items, ...points.caches.items].find((i) => i.key === focus) : undefined), [focus, points]);
  const firstView = useMemo<FirstViewTarget | null>(() => (!layers ? null : wanted ? { centre: [wanted.latitude, wanted.longitude], zoom: 13 } : { points: layers.organisations }), [layers, wanted]);
  const popped = useRef(false);
  useEffect(() => {
    if (!wanted || popped.current) return;
    popped.current = true;
    setSelected(wanted);
  }, [wanted]);

  const closePopup = useCallback(() => setSelected(null), []);
  const onMap = useCallback((m: L.Map) => setMap(m), []);
  const open = useCallback((item: MapItem) => {
    if (!openRecord(item, coalition.timeZone)) setSelected(item);
  }, [coalition.timeZone]);
  const show = useCallback(
    (item: MapItem) => {
      map?.setView([item.latitude, item.longitude], Math.max(map.getZoom(), 13), { animate: false });
      setSelected(item);
    },
    [map],
  );
  const found = useCallback((r: PlaceResult) => map?.setView([r.latitude, r.longitude], r.kind === 'town' ? 12 : r.kind === 'zip' ? 13 : 14, { animate: false }), [map]);
  const onDrawn = useCallback((d: Drawn) => incidentId && openAnnotationForm(incidentId, d), [incidentId]);
  const selectedAnnotation = selected?.layer === 'annotations' || selected?.layer === 'incident' ? data.annotations?.find((a) => `annotations:${a.id}` === selected.key) : undefined;
  const print = usePrintInput({ map, atlas, orgPoints: orgPoints ?? [], visible, items, annotations: shownAnnotations, overlays: visible.overlays ? (data.overlays ?? []) : [], incident, coalition, layers, places: data.places });

  // Town labels are not part of it: they show only when zoomed in, and follow when read.
  const ready = !!layers && !!atlas && (!incidentId || !!data.annotations);
  const counts = useMemo(
    () => ({
      organisations: layers?.organisations.length,
      requests: layers?.requests.length,
      caches: layers?.caches.length,
      incident: data.annotations?.filter((a) => a.purpose !== 'note').length,
      annotations: data.annotations?.filter((a) => a.purpose === 'note').length,
      overlays: data.overlays?.reduce((n, o) => n + o.featureCount, 0),
    }),
    [layers, data.annotations, data.overlays],
  );
  const packName = data.packs.map((p) => p.name).join(', ') || null;

  return (
    <Stack gap="xs" data-testid="map-screen" data-ready={ready ? 'true' : 'false'} style={{ height: 'calc(100dvh - var(--app-shell-header-height, 68px) - 2 * var(--mantine-spacing-md))', minHeight: 480 }}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={1}>Map</Title>
          <Text size="sm" c="dimmed">
            {incident ? `${incident.exercise ? 'EXERCISE · ' : ''}${incident.name}` : 'No working incident: members, caches and every open request are shown; choose an incident to draw.'}
          </Text>
        </div>
        <PlaceSearch incidentId={incidentId} onFound={found} />
      </Group>
      {data.error && <ErrorPanel title="The map could not read everything" error={data.error} />}
      {layers && layers.unplaced.length > 0 && (
        <Alert color="yellow" title={`${layers.unplaced.length} not on the map`} data-testid="map-unplaced">
          {layers.unplaced.slice(0, 3).map((u) => `${u.label}: ${u.reason}`).join(' · ')}
          {layers.unplaced.length > 3 ? ` · and ${layers.unplaced.length - 3} more` : ''}
        </Alert>
      )}
      <Group gap="xs" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper withBorder style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
          <div style={{ flex: 1, minHeight: 0 }} data-testid="map-canvas" data-basemap={atlas ? 'drawn' : 'loading'}>
            <MapContainer center={DEFAULT_VIEW.center} zoom={DEFAULT_VIEW.zoom} minZoom={4} maxZoom={18} style={{ height: '100%', width: '100%' }} keyboard zoomSnap={1} attributionControl pmIgnore={false}>
              <FirstView target={firstView} />
              <ViewWatcher onView={viewStore.set} onPointer={pointerStore.set} onMap={onMap} />
              {visible.pack && data.packs.map((p) => <PackLayer key={p.id} pack={p} dark={dark} />)}
              <Basemap palette={palette} points={orgPoints} overPack={visible.pack && data.packs.length > 0} onReady={setAtlas} />
              {visible.places && data.places && <PlaceLabels places={data.places} />}
              {visible.overlays && data.overlays && <OverlayLayer overlays={data.overlays} onSelect={setSelected} colour={OVERLAY_COLOUR} />}
              <AnnotationLayer annotations={shownAnnotations} style={ANNOTATION_STYLE} onSelect={setSelected} onEdited={annotations.saveGeometry} />
              <SymbolLayer points={points} visible={visible} dark={dark} onSelect={setSelected} />
              {incidentId && <DrawController apiRef={drawApi} onDrawn={onDrawn} />}
              {active && <CircleMarker center={[active.latitude, active.longitude]} radius={24} interactive={false} pathOptions={{ color: '#ffb300', weight: 5, fill: false }} />}
              {selected && (
                <FeaturePopup
                  item={selected}
                  onOpen={open}
                  onClose={closePopup}
                  onEditAnnotation={selectedAnnotation ? () => annotations.edit(selectedAnnotation) : undefined}
                  onRemoveAnnotation={selectedAnnotation ? () => annotations.remove(selectedAnnotation, () => setSelected(null)) : undefined}
                />
              )}
            </MapContainer>
          </div>
          <CoordsBar pointerStore={pointerStore} viewStore={viewStore} />
        </Paper>
        <Paper withBorder p="xs" w={390} style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          <ScrollArea.Autosize mah="38%" type="auto" offsetScrollbars>
            <LayerPanel visible={visible} counts={counts} onChange={setVisible} packName={packName} />
          </ScrollArea.Autosize>
          <Tabs value={tab} onChange={setTab} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} mt="xs">
            <Tabs.List grow>
              <Tabs.Tab value="list">In view</Tabs.Tab>
              <Tabs.Tab value="draw">Draw</Tabs.Tab>
              <Tabs.Tab value="io">Files</Tabs.Tab>
              <Tabs.Tab value="packs">Packs</Tabs.Tab>
              <Tabs.Tab value="print">Print</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="list" pt="xs" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
              <InViewList items={items} viewStore={viewStore} onActive={setActive} onOpen={open} onShow={show} />
            </Tabs.Panel>
            <Tabs.Panel value="draw" pt="xs">
              <DrawPanel apiRef={drawApi} incidentName={incident?.name ?? null} />
            </Tabs.Panel>
            <Tabs.Panel value="io" pt="xs" style={{ overflow: 'auto' }}>
              <ImportExportPanel incidentId={incidentId} overlays={data.overlays ?? []} />
            </Tabs.Panel>
            <Tabs.Panel value="packs" pt="xs" style={{ overflow: 'auto' }}>
              <MapPacksPanel timeZone={coalition.timeZone} />
            </Tabs.Panel>
            <Tabs.Panel value="print" pt="xs" style={{ overflow: 'auto' }}>
              {print ? <PrintPanel build={print} defaultTitle={`Common operating picture${incident ? `: ${incident.name}` : ''}`} incidentId={incidentId} /> : <Text size="sm">The map is still drawing.</Text>}
            </Tabs.Panel>
          </Tabs>
        </Paper>
      </Group>
    </Stack>
  );
}
