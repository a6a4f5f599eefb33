// A hostile upstream: restaurant names, regions, dishes and links written by someone who wants
// to take over the terminal that prints them (window title, clipboard, disguised links, screen
// clearing, reordered lines), or to pass one name off as another (invisible and format
// characters, Hangul fillers, stacks of combining marks).
import type { MenuApi } from './menu-api.js';

const ESC = '\u001b';
const BEL = '\u0007';

export const HOSTILE_NAME = `X${ESC}]0;pwned${BEL} \u202eevil\u200b\u3164`;
export const HOSTILE_DISHES = [
  `Soup ${ESC}]52;c;ZWNobyBwd25lZA==${BEL}${ESC}[2J`,
  `Link ${ESC}]8;;http://evil.example/${BEL}click me${ESC}]8;;${BEL}`,
  'Tab\there\nnewline\r\u0085NEL',
  'C1 \u009b31m red and \u009d0;title\u009c',
  'Bidi \u202egnirts\u202c and isolate \u2066x\u2069',
  'DEL\u007f and NUL\u0000',
  `Hidden ${ESC}[8mtext${ESC}[0m`,
  'Invisible Biku\u200bpan\u2060\u2061\u2064\u206a\u206f\ufff9\ufffb\u{e0001}\u{e0041}\u200f\u061c\u00ad\ufeff',
  'Hangul fillers \u3164\u115f\u1160\uffa0 and a zalgo e' + '\u0301'.repeat(400),
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
 * below 0x20 but the tab and newline of the records, DEL, C1 controls, format characters (bidi
 * controls, zero-width and invisible characters, tags: Unicode category Cf), Hangul fillers, and
 * runs of more than 3 combining marks. Our own colour codes (SGR) are removed first when `colour`
 * is set.
 */
export function strayControls(text: string, colour = false): string[] {
  const own = colour ? text.replace(/\x1b\[[0-9;]*m/g, '') : text;
  return [...own.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u115f\u1160\u3164\uffa0]|\p{M}{4,}/gu)].map(
    (m) => `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')}${m[0].length > 2 ? ` (+${[...m[0]].length - 1})` : ''} at ${m.index}`,
  );
}
