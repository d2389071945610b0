/** The overlay's styles, inside its shadow root: nothing leaks into the site, nothing of the site's leaks in. */
export const OVERLAY_STYLE = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; }
.ticker { position: fixed; z-index: 2147483647; width: 240px; background: rgba(20, 24, 28, 0.94); color: #fff;
  border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,0.35); font-size: 13px; line-height: 1.35; user-select: none; }
.ticker[hidden] { display: none; }
.head { display: flex; align-items: center; gap: 4px; padding: 4px 6px 4px 10px; cursor: grab; border-radius: 10px 10px 0 0; background: rgba(255,255,255,0.06); }
.head:focus-visible { outline: 2px solid #ffd54f; }
.brand { font-weight: 700; flex: 1; }
button { font: inherit; color: inherit; background: rgba(255,255,255,0.12); border: 0; border-radius: 6px; padding: 2px 7px; cursor: pointer; }
button:hover { background: rgba(255,255,255,0.24); }
button:focus-visible { outline: 2px solid #ffd54f; }
.body { padding: 6px 10px 10px; }
.tonnes { font-size: 22px; font-weight: 800; }
.split { display: flex; gap: 10px; color: #cfd8dc; font-size: 12px; }
.confirmed { color: #81c784; }
.bar { height: 6px; background: rgba(255,255,255,0.15); border-radius: 3px; margin: 6px 0 2px; overflow: hidden; }
.bar > div { height: 100%; background: #ffd54f; }
.goal { font-size: 11px; color: #cfd8dc; }
.latest { list-style: none; margin: 6px 0 0; padding: 0; font-size: 12px; }
.latest li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pill { position: fixed; z-index: 2147483647; background: rgba(20,24,28,0.94); color: #fff; border-radius: 999px; padding: 4px 12px; font-size: 13px; font-weight: 700; box-shadow: 0 2px 8px rgba(0,0,0,0.35); }
.badges { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; }
.badge { position: fixed; z-index: 2147483646; display: flex; align-items: center; gap: 2px; height: 20px; padding: 0 2px 0 6px;
  border-radius: 10px; font-size: 11px; line-height: 20px; white-space: nowrap; color: #fff; background: #546e7a; box-shadow: 0 1px 3px rgba(0,0,0,0.3); }
.badge[data-status="confirmed"] { background: #2e7d32; }
.badge[data-status="rejected"], .badge[data-status="cancelled"] { background: #8d6e63; text-decoration: line-through; }
.badge[data-repeat="true"][data-status="pending"] { background: #ef6c00; }
.badge button { padding: 0 5px; height: 16px; line-height: 16px; font-size: 11px; border-radius: 8px; }
.badge .dot { display: none; }
/* Where a row leaves no room for the whole badge: its status dot, opening leftwards over the row (the dot
   stays under the pointer, never a button) while pointed at or focused. */
.badge[data-size="dot"] { justify-content: flex-end; overflow: hidden; }
.badge[data-size="dot"] .dot { display: block; flex: none; width: 12px; height: 12px; border-radius: 6px; box-shadow: inset 0 0 0 2px rgba(255,255,255,0.85); }
.badge[data-size="dot"]:not(:hover):not(:focus-within) { width: 12px; height: 12px; padding: 0; gap: 0; border-radius: 6px; }
.badge[data-size="dot"]:is(:hover, :focus-within) { margin-top: -4px; }
.badge.ruler { visibility: hidden; top: 0; left: 0; }
`;
