import { THEME_CSS } from '../ui/theme';

/**
 * The overlay's styles, inside its shadow root: nothing leaks into the site, nothing of the site's leaks in.
 * The theme's tokens are declared on the root's host (`:host`), so a page's own custom properties of the
 * same names never reach in; the ticker and the badges take its dark variant.
 */
export const OVERLAY_STYLE = `${THEME_CSS}
:host { all: initial; }
* { box-sizing: border-box; font-family: var(--chot-font); }
.ticker { position: fixed; z-index: 2147483647; width: 240px; background: var(--chot-surface); color: var(--chot-ink);
  border-radius: var(--chot-radius-md); box-shadow: var(--chot-shadow); font-size: var(--chot-text-md); line-height: 1.35; user-select: none; }
.ticker[hidden] { display: none; }
.head { display: flex; align-items: center; gap: var(--chot-space-xs); padding: var(--chot-space-xs) var(--chot-space-sm) var(--chot-space-xs) 10px; cursor: grab;
  border-radius: var(--chot-radius-md) var(--chot-radius-md) 0 0; background: var(--chot-accent-bg); }
.head:focus-visible { outline-offset: -2px; }
.brand { font-weight: 700; flex: 1; }
button { font: inherit; color: inherit; background: var(--chot-accent-bg); border: 0; border-radius: var(--chot-radius-sm); padding: 2px 7px; cursor: pointer; }
button:hover { background: var(--chot-line-strong); }
.body { padding: var(--chot-space-sm) 10px 10px; }
.tonnes { font-size: var(--chot-text-2xl); font-weight: 800; line-height: 1.15; }
.split { display: flex; gap: 10px; color: var(--chot-muted); font-size: var(--chot-text-sm); }
.confirmed { color: var(--chot-ok); }
.bar { height: 6px; background: var(--chot-line); border-radius: 3px; margin: var(--chot-space-sm) 0 2px; overflow: hidden; }
.bar > div { height: 100%; background: var(--chot-accent); }
.goal { font-size: var(--chot-text-xs); color: var(--chot-muted); }
.latest { list-style: none; margin: var(--chot-space-sm) 0 0; padding: 0; font-size: var(--chot-text-sm); }
.latest li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pill { position: fixed; z-index: 2147483647; background: var(--chot-surface); color: var(--chot-ink); border-radius: var(--chot-radius-pill); padding: var(--chot-space-xs) var(--chot-space-lg);
  font-size: var(--chot-text-md); font-weight: 700; box-shadow: var(--chot-shadow); }
.badges { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; }
.badge { position: fixed; z-index: 2147483646; display: flex; align-items: center; gap: 2px; height: 20px; padding: 0 2px 0 var(--chot-space-sm);
  border-radius: 10px; font-size: var(--chot-text-xs); line-height: 20px; white-space: nowrap; color: var(--chot-on-colour); background: var(--chot-status-waiting-badge);
  box-shadow: 0 1px 3px rgba(0,0,0,0.3); }
.badge[data-status="confirmed"] { background: var(--chot-status-confirmed); }
.badge[data-status="rejected"], .badge[data-status="cancelled"] { background: var(--chot-status-closed); text-decoration: line-through; }
.badge[data-repeat="true"][data-status="pending"] { background: var(--chot-status-repeat); }
.badge button { padding: 0 5px; height: 16px; line-height: 16px; font-size: var(--chot-text-xs); border-radius: 8px; background: rgba(255,255,255,0.16); }
.badge button:hover { background: rgba(255,255,255,0.32); }
.badge .dot { display: none; }
/* Where a row leaves no room for the whole badge: its status dot, opening leftwards over the row (the dot
   stays under the pointer, never a button) while pointed at or focused. */
.badge[data-size="dot"] { justify-content: flex-end; overflow: hidden; }
.badge[data-size="dot"] .dot { display: block; flex: none; width: 12px; height: 12px; border-radius: 6px; box-shadow: inset 0 0 0 2px rgba(255,255,255,0.85); }
.badge[data-size="dot"]:not(:hover):not(:focus-within) { width: 12px; height: 12px; padding: 0; gap: 0; border-radius: 6px; }
.badge[data-size="dot"]:is(:hover, :focus-within) { margin-top: -4px; }
.badge.ruler { visibility: hidden; top: 0; left: 0; }
`;
