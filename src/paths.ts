import envPaths from 'env-paths';

// XDG dirs on Linux, ~/Library/... on macOS, %LOCALAPPDATA% on Windows.
const dirs = () => envPaths('restaurant-menu', { suffix: '' });

export function cacheDir(): string {
  return process.env.RESTAURANT_MENU_CACHE_DIR || dirs().cache;
}

export function configDir(): string {
  return process.env.RESTAURANT_MENU_CONFIG_DIR || dirs().config;
}
