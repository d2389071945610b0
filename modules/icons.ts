import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { addPublicAssets, defineWxtModule } from 'wxt/modules';
import { ICON_SIZES, ICON_VARIANTS, iconPaths } from '../utils/icons';

/** Renders assets/icons/chot-<variant>.svg to PNG at every size the manifest and the toolbar ask for. */
export default defineWxtModule({
  name: 'chot-icons',
  setup(wxt) {
    const out = resolve(wxt.config.wxtDir, 'chot-icons');
    for (const variant of ICON_VARIANTS) {
      const svg = readFileSync(resolve(wxt.config.root, `assets/icons/chot-${variant}.svg`), 'utf8');
      const paths = iconPaths(variant);
      for (const size of ICON_SIZES) {
        const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
        const file = join(out, paths[size]);
        mkdirSync(resolve(file, '..'), { recursive: true });
        writeFileSync(file, png);
      }
    }
    addPublicAssets(wxt, out);
  },
});
