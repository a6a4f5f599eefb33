// The board's one stylesheet and its icon, served by the relay (the page loads nothing else, and
// nothing from anywhere else). Light and dark by prefers-color-scheme, a print style, and a TV
// mode (`<html class="tv">`): type sized to the screen (24 px on 1920 px), no links, the cards
// packed in columns, so one region's day fits a 1920×1080 screen without scrolling. No inline style anywhere: the policy allows only this file.
import { createHash } from 'node:crypto';

export const CSS = `
:root {
  color-scheme: light dark;
  --bg: #fbfaf7; --fg: #1d1d1b; --muted: #55554f; --card: #ffffff; --line: #deddd6; --accent: #0b5d8f;
  --vegan-bg: #d6f2dc; --vegan-fg: #114a22; --vegetarian-bg: #e3f2cf; --vegetarian-fg: #2f4a0e;
  --fish-bg: #d8ecfa; --fish-fg: #0b3f66; --meat-bg: #fbe0dc; --meat-fg: #7a1d12;
  --stale-bg: #fff1bf; --stale-fg: #5a3d00;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #151513; --fg: #ecebe6; --muted: #b3b2aa; --card: #1f1f1c; --line: #3a3a35; --accent: #8cc8f0;
    --vegan-bg: #173d22; --vegan-fg: #c4f0cf; --vegetarian-bg: #2b3a16; --vegetarian-fg: #dcefc0;
    --fish-bg: #14324a; --fish-fg: #c9e5fa; --meat-bg: #4a1f19; --meat-fg: #fbd3cc;
    --stale-bg: #4a3b08; --stale-fg: #ffe9a3;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
body { margin: 0 auto; padding: 1rem; max-width: 80rem; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.25rem; margin: 1.25rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .35rem; }
p { margin: .25rem 0; }
a { color: var(--accent); }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; }
.asof { color: var(--muted); }
.notice { background: var(--stale-bg); color: var(--stale-fg); border-radius: .4rem; padding: .4rem .7rem; width: 100%; }
.menus { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); }
.menu { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .7rem .85rem; min-width: 0; }
.dishes { margin: 0; padding-left: 1.1rem; }
.dishes li { margin: .2rem 0; }
.dish, h3, .gloss, .facts li { overflow-wrap: anywhere; }
.gloss { display: block; color: var(--muted); font-style: italic; }
.diet, .stale { display: inline-block; font-size: .8em; font-weight: 600; border-radius: .3rem; padding: 0 .35rem; margin-left: .25rem; white-space: nowrap; }
.diet-vegan { background: var(--vegan-bg); color: var(--vegan-fg); }
.diet-vegetarian { background: var(--vegetarian-bg); color: var(--vegetarian-fg); }
.diet-fish { background: var(--fish-bg); color: var(--fish-fg); }
.diet-meat { background: var(--meat-bg); color: var(--meat-fg); }
.stale { background: var(--stale-bg); color: var(--stale-fg); font-weight: 500; white-space: normal; margin: 0 0 .35rem; }
.links { margin-top: .45rem; font-size: .9rem; display: flex; flex-wrap: wrap; gap: .2rem .9rem; }
.empty { font-size: 1.1rem; margin: 1.5rem 0; }
.facts { color: var(--muted); margin: 1.25rem 0 0; padding-left: 1.1rem; }
nav { margin-top: 1.5rem; border-top: 1px solid var(--line); padding-top: .6rem; color: var(--muted); font-size: .9rem; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
nav a[aria-current] { font-weight: 700; color: var(--fg); text-decoration: none; }

/* TV: read across a room; the page fills the screen, four cards a row on 1920 px. */
html.tv { font-size: clamp(16px, 1.25vw, 40px); }
html.tv body { max-width: none; padding: 1.2rem 1.6rem; }
html.tv h1 { font-size: 2rem; }
html.tv h2 { font-size: 1.4rem; margin: .6rem 0 .4rem; }
html.tv h3 { font-size: 1.2rem; }
html.tv .menus { display: block; columns: 4 17rem; column-gap: .7rem; }
html.tv .menu { break-inside: avoid; margin-bottom: .7rem; padding: .5rem .75rem; }

@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --card: #fff; --line: #999; --accent: #000; }
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  nav, .links { display: none; }
  .menus { display: block; columns: 2; column-gap: 1.5rem; }
  .menu { break-inside: avoid; border: 0; border-bottom: 1px solid var(--line); border-radius: 0; padding: .3rem 0; margin-bottom: .4rem; }
  .diet, .stale { border: 1px solid #000; background: none; color: #000; }
}
`;

/** A plate with a fork and knife, for the browser's tab (so it does not ask the API for /favicon.ico). */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="11" fill="#f5f3ea" stroke="#0b5d8f" stroke-width="2"/><circle cx="16" cy="16" r="6" fill="none" stroke="#0b5d8f" stroke-width="1.5"/><path d="M3 5v9M1.5 5v4.5a1.5 1.5 0 0 0 3 0V5M3 14v13M29 5c-2 2-2 7 0 9v13" fill="none" stroke="#1d1d1b" stroke-width="1.6" stroke-linecap="round"/></svg>`;

/** Changes with the stylesheet, so a browser that keeps it for a day sees a new one at once. */
export const ASSET_VERSION = createHash('sha256').update(CSS).update(ICON).digest('hex').slice(0, 10);
