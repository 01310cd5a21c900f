import { Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LAYER_LABELS, type MapItem } from '../items';

/** Enough to read through; past this the operator zooms in (the count says how many more). */
const MAX_ROWS = 150;
const LAYER_SHORT: Record<string, string> = { organisations: 'Member', requests: 'Request', caches: 'Cache', incident: 'Incident', annotations: 'Annotation', overlays: 'Overlay' };

/**
 * The features in view as a list, for the keyboard and screen readers, kept in step with
 * the map: it changes as the map moves. Arrow keys move through it, and the map rings the
 * one chosen; Enter (or Space) shows it on the map with its popup; Shift+Enter opens its record.
 */
export function FeatureList({ items, total, onActive, onOpen, onShow }: { items: readonly MapItem[]; total: number; onActive: (item: MapItem | null) => void; onOpen: (item: MapItem) => void; onShow: (item: MapItem) => void }) {
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const rows = items.slice(0, MAX_ROWS);
  const index = Math.min(active, Math.max(rows.length - 1, 0));
  const current = rows[index] ?? null;
  // The map rings the chosen feature while the list has the keyboard.
  useEffect(() => {
    onActive(focused ? current : null);
  }, [current, focused, onActive]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const onKey = (e: KeyboardEvent) => {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (move) setActive(Math.max(0, Math.min(rows.length - 1, index + move)));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(rows.length - 1);
    // The symbols are drawn on a canvas, out of the keyboard's reach: Enter here is the way to a popup.
    else if (e.key === 'Enter' && current) (e.shiftKey ? onOpen : onShow)(current);
    else if (e.key === ' ' && current) onShow(current);
    else return;
    e.preventDefault();
  };

  return (
    <Stack gap={4} style={{ minHeight: 0, flex: 1 }}>
      <Text size="sm" fw={600} id="map-list-title" aria-live="polite" data-testid="map-list-count">
        {total === 0 ? 'Nothing in view' : `${total} in view`}
        {total > MAX_ROWS ? ` (first ${MAX_ROWS}; zoom in to list the rest)` : ''}
      </Text>
      {/* Plain elements, and the browser's own scrolling: a long list of Mantine components
          costs every pan of the map (it changes as the map moves). */}
      <div className="eoc-map-list-scroll">
        <div
          ref={listRef}
          role="listbox"
          tabIndex={0}
          aria-labelledby="map-list-title"
          aria-activedescendant={current ? `map-item-${index}` : undefined}
          onKeyDown={onKey}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          data-testid="map-list"
          className="eoc-map-list"
        >
          {rows.map((it, i) => (
            <div
              key={it.key}
              id={`map-item-${i}`}
              role="option"
              aria-selected={i === index}
              data-index={i}
              data-key={it.key}
              data-testid="map-list-item"
              className="eoc-map-list-item"
              onClick={() => setActive(i)}
              onDoubleClick={() => onOpen(it)}
            >
              <span className="eoc-map-list-layer" title={LAYER_LABELS[it.layer]}>
                {LAYER_SHORT[it.layer] ?? it.layer}
              </span>
              <span className="eoc-map-list-text">
                <span className="eoc-map-list-label" title={it.label}>
                  {it.label}
                </span>
                <span className="eoc-map-list-kind">{it.kind}</span>
                {it.status && <span className="eoc-map-list-status">Status: {it.status}</span>}
              </span>
            </div>
          ))}
        </div>
      </div>
      <Text size="xs" c="dimmed">
        ↑ ↓ move · Enter shows it on the map with its popup · Shift+Enter opens the record
      </Text>
    </Stack>
  );
}
