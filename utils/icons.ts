// The toolbar and store icons: drawn as SVG in assets/icons, rendered to PNG at build time
// (modules/icons.ts). The background switches a tab's toolbar icon to "active" while its chat is read.

export const ICON_SIZES = [16, 32, 48, 128] as const;
export const ICON_VARIANTS = ['active', 'idle'] as const;
export type IconVariant = (typeof ICON_VARIANTS)[number];

/** Where each size of a variant lands in the built extension, as the manifest and action.setIcon take it. */
export function iconPaths(variant: IconVariant): Record<(typeof ICON_SIZES)[number], string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${variant}-${size}.png`])) as Record<(typeof ICON_SIZES)[number], string>;
}
