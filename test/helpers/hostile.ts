// A hostile upstream: restaurant names, regions, dishes and links written by someone who wants
// to take over the terminal that prints them (window title, clipboard, disguised links, screen
// clearing, reordered lines).
import type { MenuApi } from './menu-api.js';

const ESC = '\u001b';
const BEL = '\u0007';

export const HOSTILE_NAME = `X${ESC}]0;pwned${BEL} \u202eevil`;
export const HOSTILE_DISHES = [
  `Soup ${ESC}]52;c;ZWNobyBwd25lZA==${BEL}${ESC}[2J`,
  `Link ${ESC}]8;;http://evil.example/${BEL}click me${ESC}]8;;${BEL}`,
  'Tab\there\nnewline\r\u0085NEL',
  'C1 \u009b31m red and \u009d0;title\u009c',
  'Bidi \u202egnirts\u202c and isolate \u2066x\u2069',
  'DEL\u007f and NUL\u0000',
  `Hidden ${ESC}[8mtext${ESC}[0m`,
];

/** Makes the stand-in serve the hostile restaurant (id `evil`) alongside the real ones. */
export function serveHostile(api: MenuApi): void {
  api.restaurants = [
    ...api.restaurants,
    {
      identifier: 'evil',
      name: HOSTILE_NAME,
      region: `Solna${ESC}[2J`,
      homepage: 'javascript:alert(1)',
      menuUrl: `https://evil.example/menu${ESC}]8;;http://x/${BEL}`,
      coordinate: [59.35, 18.02],
      map_url: `javascript:alert(2)`,
    },
  ];
  api.dishes.evil = HOSTILE_DISHES;
}

/**
 * Every control character in some output that the format itself did not put there: anything
 * below 0x20 but the tab and newline of the records, DEL, C1 controls and bidi controls.
 * Our own colour codes (SGR) are removed first when `colour` is set.
 */
export function strayControls(text: string, colour = false): string[] {
  const own = colour ? text.replace(/\x1b\[[0-9;]*m/g, '') : text;
  return [...own.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`);
}
