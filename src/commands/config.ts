import { ConfigStore, configFileIn, effectiveSetting, isSettingKey, SETTINGS, type SettingKey } from '../config.js';
import { UsageError } from '../errors.js';
import type { Notices } from '../notices.js';
import { configDir } from '../paths.js';

export interface SettingRow {
  key: SettingKey;
  value: string;
  from: 'env' | 'saved' | 'default';
  describe: string;
}

function checkKey(key: string): SettingKey {
  if (!isSettingKey(key)) throw new UsageError(`unknown setting '${key.slice(0, 40)}' (settings: ${Object.keys(SETTINGS).join(', ')})`);
  return key;
}

const store = (notices: Notices) => new ConfigStore(configDir(), notices);

export function configPath(): string {
  return configFileIn(configDir());
}

export function configGet(key: string, notices: Notices): string | undefined {
  return store(notices).read()[checkKey(key)];
}

export function configSet(key: string, value: string, notices: Notices): Promise<string> {
  return store(notices).set(checkKey(key), value);
}

export function configUnset(key: string, notices: Notices): Promise<void> {
  return store(notices).unset(checkKey(key));
}

/** What each setting resolves to without flags: environment > saved > default. */
export function configList(notices: Notices): SettingRow[] {
  const saved = store(notices).read();
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
    const { value, from } = effectiveSetting(key, undefined, saved);
    return { key, value, from: from as SettingRow['from'], describe: `${SETTINGS[key].describe} (default ${SETTINGS[key].default})` };
  });
}
