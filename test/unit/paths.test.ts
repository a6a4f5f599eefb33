// Where the cache and the settings live, on each platform, from the environment alone.
import { expect, test } from 'vitest';
import { cacheDir, configDir } from '../../src/store/paths.js';

test.each([
  ['linux', { HOME: '/home/a' }, '/home/a/.cache/restaurant-menu', '/home/a/.config/restaurant-menu'],
  ['linux', { HOME: '/home/a', XDG_CACHE_HOME: '/x/c', XDG_CONFIG_HOME: '/x/f' }, '/x/c/restaurant-menu', '/x/f/restaurant-menu'],
  ['linux', { HOME: '/home/a', XDG_CACHE_HOME: 'rel', XDG_CONFIG_HOME: 'rel' }, '/home/a/.cache/restaurant-menu', '/home/a/.config/restaurant-menu'],
  ['linux', { HOME: '' }, '.cache/restaurant-menu', '.config/restaurant-menu'],
  ['linux', { HOME: '/h', RESTAURANT_MENU_CACHE_DIR: '/own/c', RESTAURANT_MENU_CONFIG_DIR: '/own/f' }, '/own/c', '/own/f'],
  ['darwin', { HOME: '/Users/a' }, '/Users/a/Library/Caches/restaurant-menu', '/Users/a/Library/Preferences/restaurant-menu'],
  ['win32', { USERPROFILE: '/u', LOCALAPPDATA: '/l', APPDATA: '/r' }, '/l/restaurant-menu/Cache', '/r/restaurant-menu/Config'],
  ['win32', { USERPROFILE: '/u' }, '/u/AppData/Local/restaurant-menu/Cache', '/u/AppData/Roaming/restaurant-menu/Config'],
] as const)('%s %j: cache %s, settings %s', (platform, env, cache, config) => {
  expect(cacheDir(env, platform)).toBe(cache);
  expect(configDir(env, platform)).toBe(config);
});
