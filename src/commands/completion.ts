// Shell completion. `restaurant-menu completion bash|zsh|fish` prints a script; the script asks
// `restaurant-menu __complete <index> -- <words...>` for the candidates of the word being
// completed: commands, options and their values (from the settings table), config keys, and
// restaurant identifiers and names from the disk cache. It never makes a network request.
import type { Restaurant } from '../api/model.js';
import { cachedRestaurantList } from '../api/model.js';
import { readCacheFile } from '../cache/store.js';
import type { CommandSpec } from '../cli.js';
import { UsageError } from '../errors.js';
import { cacheDir } from '../paths.js';
import { longFlag, settingDef, SETTINGS, type Env, type SettingKey } from '../settings.js';
import { fold } from '../text.js';

const NAME = 'restaurant-menu';
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function completionScript(shell: string): string {
  switch (shell.trim().toLowerCase()) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
    default:
      throw new UsageError(`no completion for '${shell.slice(0, 20)}': choose bash, zsh or fish`);
  }
}

const BASH = `# ${NAME} completion for bash.
# Install: ${NAME} completion bash > ~/.local/share/bash-completion/completions/${NAME}
# (or add  eval "$(${NAME} completion bash)"  to ~/.bashrc)
_restaurant_menu() {
  local IFS=$'\\n' candidate
  local -a candidates
  candidates=($(command ${NAME} __complete "$((COMP_CWORD - 1))" -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
  COMPREPLY=()
  for candidate in "\${candidates[@]}"; do
    COMPREPLY+=("$(printf '%q' "$candidate")")
  done
}
complete -F _restaurant_menu ${NAME}
`;

const ZSH = `#compdef ${NAME}
# ${NAME} completion for zsh.
# Install: ${NAME} completion zsh > "\${fpath[1]}/_${NAME}"   (then restart zsh)
# (or add  eval "$(${NAME} completion zsh)"  to ~/.zshrc, after compinit)
_restaurant_menu() {
  local -a candidates
  candidates=("\${(@f)$(command ${NAME} __complete "$((CURRENT - 2))" -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  (( \${#candidates} )) && compadd -U -- "\${candidates[@]}"
}
if [[ "\${funcstack[1]}" = "_restaurant_menu" ]]; then _restaurant_menu "$@"; else compdef _restaurant_menu ${NAME}; fi
`;

const FISH = `# ${NAME} completion for fish.
# Install: ${NAME} completion fish > ~/.config/fish/completions/${NAME}.fish
function __restaurant_menu_complete
    set -l words (commandline -opc)[2..-1] (commandline -ct)
    command ${NAME} __complete (math (count $words) - 1) -- $words 2>/dev/null
end
complete -c ${NAME} -f -a '(__restaurant_menu_complete)'
`;

/** The restaurants in the disk cache (any API, any age): never a request. */
function cachedRestaurants(env: Env): Restaurant[] {
  const { entries } = readCacheFile(`${cacheDir(env)}/cache.json`);
  const byId = new Map<string, Restaurant>();
  for (const [key, entry] of Object.entries(entries)) {
    if (!key.endsWith('/restaurant')) continue;
    for (const r of cachedRestaurantList(entry.body) ?? []) byId.set(r.id, r);
  }
  return [...byId.values()];
}

function valuesOf(key: SettingKey, env: Env): string[] {
  if (key === 'favorites' || key === 'onlyFavorites') return cachedRestaurants(env).map((r) => r.id);
  return [...(settingDef(key).values ?? [])];
}

/** The settings whose flag is `flag`, among a command's options. */
function optionKey(spec: CommandSpec | undefined, flag: string): SettingKey | undefined {
  return spec?.options?.find((k) => longFlag(k) === flag || settingDef(k).flag?.split(/[ ,]+/)[0] === flag);
}

function optionFlags(spec: CommandSpec | undefined): string[] {
  const flags = (spec?.options ?? []).flatMap((k) => [longFlag(k)!, settingDef(k).negate].filter((f): f is string => Boolean(f)));
  return [...flags, '--help'];
}

/** Candidates for `words[index]`, the word being completed (it may be empty). */
export function complete(commands: CommandSpec[], index: number, words: string[], env: Env): string[] {
  const current = words[index] ?? '';
  const before = words.slice(0, index);
  const fits = (candidate: string) => fold(candidate).startsWith(fold(current.replace(/^["']/, ''))) || candidate.startsWith(current);

  // The command: the first word that is not an option (or its value); `show` when there is none.
  let spec: CommandSpec | undefined;
  let sub: CommandSpec | undefined;
  const positional: string[] = [];
  const valueFlags = new Set((Object.keys(SETTINGS) as SettingKey[]).filter((k) => settingDef(k).flag?.includes('<')).map((k) => longFlag(k)!));
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    if (word.startsWith('-')) {
      if (valueFlags.has(word)) i++;
      continue;
    }
    if (!spec) spec = commands.find((c) => c.name === word);
    else if (spec.subcommands && !sub) sub = spec.subcommands.find((c) => c.name === word);
    else positional.push(word);
    if (!spec) {
      spec = commands.find((c) => c.name === 'show');
      positional.push(word);
    }
  }
  const command = sub ?? spec;

  // The value of an option: regions, diets, colours, ...
  const previous = before.at(-1);
  if (previous?.startsWith('--')) {
    const key = optionKey(command ?? commands.find((c) => c.name === 'show'), previous);
    if (key && settingDef(key).flag?.includes('<')) return valuesOf(key, env).filter(fits);
  }
  if (current.startsWith('-')) return optionFlags(command ?? commands.find((c) => c.name === 'show')).filter(fits);

  const restaurants = () => cachedRestaurants(env).flatMap((r) => [r.id, r.name]);
  if (!spec) {
    const names = commands.filter((c) => !c.name.startsWith('_')).map((c) => c.name);
    return [...names, ...restaurants()].filter(fits);
  }
  if (spec.subcommands && !sub) return spec.subcommands.map((c) => c.name).filter(fits);
  if (spec.name === 'completion' && positional.length === 0) return [...SHELLS].filter(fits);
  if (spec.name === 'config' && sub && ['get', 'set', 'unset'].includes(sub.name)) {
    const saved = (Object.keys(SETTINGS) as SettingKey[]).filter((k) => settingDef(k).saved);
    if (positional.length === 0) return saved.filter(fits);
    if (sub.name === 'set' && positional.length === 1 && saved.includes(positional[0] as SettingKey)) {
      return valuesOf(positional[0] as SettingKey, env).filter(fits);
    }
    return [];
  }
  if (spec.name === 'show') return restaurants().filter(fits);
  return [];
}
