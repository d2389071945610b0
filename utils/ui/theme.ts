/**
 * Chốt's one look: spacing, type scale, colours (light, and the dark variant of the ticker and the presenter)
 * and focus rings, as CSS custom properties. Every surface takes them from here: the extension's pages
 * through `applyTheme`, the overlay on the chat page inside its shadow root (`:host`), so a colour or a
 * size is changed in one place. Each surface's stylesheet uses only `var(--chot-…)` for these.
 */

const SCALE = {
  font: "system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  // spacing: 4 px steps, with 6 px for the tight rows of a side panel
  'space-xs': '4px',
  'space-sm': '6px',
  'space-md': '8px',
  'space-lg': '12px',
  'space-xl': '16px',
  'space-2xl': '24px',
  // type: 11 to 26 px; the presenter's sizes follow its window instead (vh)
  'text-xs': '11px',
  'text-sm': '12px',
  'text-md': '13px',
  'text-lg': '15px',
  'text-xl': '20px',
  'text-2xl': '26px',
  'radius-sm': '4px',
  'radius-md': '8px',
  'radius-pill': '999px',
  'focus-width': '2px',
  // the same on light and dark: an order's status on a badge or a row's edge, white text on colour
  'status-pending': '#d9a400',
  'status-waiting-badge': '#546e7a',
  'status-confirmed': '#2e7d32',
  'status-closed': '#8d6e63',
  'status-repeat': '#ef6c00',
  'on-colour': '#ffffff',
} as const;

type Colours = Record<
  | 'ink'
  | 'ink-soft'
  | 'muted'
  | 'paper'
  | 'surface'
  | 'line'
  | 'line-strong'
  | 'brand'
  | 'ok'
  | 'warn'
  | 'warn-bg'
  | 'danger'
  | 'danger-bg'
  | 'accent'
  | 'accent-bg'
  | 'focus'
  | 'shadow',
  string
>;

const LIGHT: Colours = {
  ink: '#1d1d1f',
  'ink-soft': '#3c3a35',
  muted: '#5f5b52',
  paper: '#fafaf7',
  surface: '#ffffff',
  line: '#e4e1d8',
  'line-strong': '#bbbbbb',
  brand: '#b3261e',
  ok: '#1e8e3e',
  warn: '#7a5200',
  'warn-bg': '#fff3cd',
  danger: '#b3261e',
  'danger-bg': '#fdecea',
  accent: '#1a73e8',
  'accent-bg': '#e8f0fe',
  focus: '#1a73e8',
  shadow: '0 1px 3px rgba(0, 0, 0, 0.12)',
};

/** On dark video and on the chat page: the ticker, the presenter's dark background, the badges. */
const DARK: Colours = {
  ink: '#ffffff',
  'ink-soft': '#eceff1',
  muted: '#cfd8dc',
  paper: '#101418',
  surface: 'rgba(20, 24, 28, 0.94)',
  line: 'rgba(255, 255, 255, 0.15)',
  'line-strong': 'rgba(255, 255, 255, 0.35)',
  brand: '#ff8a80',
  ok: '#81c784',
  warn: '#ffd54f',
  'warn-bg': 'rgba(255, 213, 79, 0.16)',
  danger: '#ef9a9a',
  'danger-bg': 'rgba(239, 154, 154, 0.16)',
  accent: '#ffd54f',
  'accent-bg': 'rgba(255, 255, 255, 0.12)',
  focus: '#ffd54f',
  shadow: '0 4px 16px rgba(0, 0, 0, 0.35)',
};

const declarations = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([name, value]) => `--chot-${name}: ${value};`)
    .join(' ');

/** The tokens, the dark variant (`.theme-dark` on any element) and the focus ring every control shows. */
export const THEME_CSS = `
:root, :host { ${declarations(SCALE)} ${declarations(LIGHT)} color-scheme: light; }
.theme-dark { ${declarations(DARK)} color-scheme: dark; }
:focus-visible { outline: var(--chot-focus-width) solid var(--chot-focus); outline-offset: 2px; }
`;

/** Puts the theme at the head of an extension page, before its own stylesheet's rules apply. */
export function applyTheme(doc: Document): void {
  if (doc.getElementById('chot-theme')) return;
  const style = doc.createElement('style');
  style.id = 'chot-theme';
  style.textContent = THEME_CSS;
  doc.head.prepend(style);
}
