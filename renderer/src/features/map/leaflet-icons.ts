import L from 'leaflet';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';

/**
 * Leaflet finds its default marker images from a CSS rule, which fails once the bundler has
 * inlined them, and geoman's point tool uses that marker. Name the bundled images instead,
 * so the marker comes from the bundle (same origin, allowed by the CSP), never a guessed path.
 */
L.Icon.Default.imagePath = '';
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });
