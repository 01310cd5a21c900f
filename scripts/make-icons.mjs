// Regenerates build/ (electron-builder's buildResources) from the app's one icon,
// renderer/public/icon.svg: the Linux PNG set, the Windows .ico, the macOS .icns and the
// NSIS installer's icons. Run after changing the icon: `node scripts/make-icons.mjs`;
// the results are committed, so packaging needs neither this script nor its libraries.
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';
import png2icons from 'png2icons';
import { root } from './build-if-stale.mjs';

const svg = fs.readFileSync(path.join(root, 'renderer/public/icon.svg'), 'utf8');
const out = path.join(root, 'build');
const render = (size) => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

// Linux: electron-builder installs build/icons/<n>x<n>.png into the hicolor theme (deb,
// AppImage); 16–512 are the theme's sizes, 1024 for high-density desktops.
fs.mkdirSync(path.join(out, 'icons'), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  fs.writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), render(size));
}
const large = render(1024);
fs.writeFileSync(path.join(out, 'icon.png'), large);

// Windows: one .ico with every size Explorer and the taskbar ask for (16–256, PNG-compressed).
const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, true, true);
// macOS: .icns with 16–1024 (and @2x) entries.
const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error('png2icons could not convert the icon');
fs.writeFileSync(path.join(out, 'icon.ico'), ico);
fs.writeFileSync(path.join(out, 'icon.icns'), icns);
// NSIS: the installer's and uninstaller's own icons, and the header of the assisted installer.
for (const name of ['installerIcon.ico', 'uninstallerIcon.ico', 'installerHeaderIcon.ico']) fs.writeFileSync(path.join(out, name), ico);
console.log(`Icons written to ${path.relative(root, out)}/`);
