// The shell completion scripts `restaurant-menu completion bash|zsh|fish` prints. Each calls
// `restaurant-menu __complete <index> --shell <shell> -- <words...>` on every <TAB> (complete.ts).
import { UsageError } from '../errors.js';

const NAME = 'restaurant-menu';

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

// bash: no bash-completion needed, bash 3.2 (macOS) too. The binary quotes each candidate for
// the line (bashReplies below): bash inserts COMPREPLY as it is, with no quoting of its own. It is
// given the word as bash split it and, as $2, the text readline replaces (after an opening quote).
const BASH = `# ${NAME} completion for bash. Append it to ~/.bashrc:
#   ${NAME} completion bash >> ~/.bashrc
# or load it from ~/.bashrc:
#   eval "$(${NAME} completion bash)"
_restaurant_menu() {
  local candidate out line=\${COMP_LINE:0:COMP_POINT} rest word i
  local -a words=() args
  # bash splits \`http://host:80\` at each \`:\` (COMP_WORDBREAKS): join the pieces the line has
  # no space between, as bash-completion's _get_comp_words_by_ref -n : does (by hand, without
  # COMP_LINE, the words are taken as they are).
  line=\${line#*"\${COMP_WORDS[0]}"}
  for (( i = 1; i <= COMP_CWORD; i++ )); do
    word=\${COMP_WORDS[i]}
    rest=\${line#"\${line%%[![:space:]]*}"}
    if (( \${#words[@]} )) && [[ -n $line && $rest == "$line" && ( $word == : || \${words[\${#words[@]} - 1]} == *: ) ]]; then
      words[\${#words[@]} - 1]+=$word
    else
      words+=("$word")
    fi
    line=\${rest#"$word"}
  done
  args=(__complete "$((\${#words[@]} - 1))" --shell bash)
  if (( $# >= 2 )); then args+=(--text "$2"); fi
  COMPREPLY=()
  # A command substitution waits for all the output (a process substitution may be read short).
  out=$(command ${NAME} "\${args[@]}" -- "\${words[@]}" 2>/dev/null) || return 0
  [[ -n $out ]] || return 0
  while IFS= read -r candidate; do
    COMPREPLY+=("$candidate")
  done <<< "$out"
}
complete -F _restaurant_menu ${NAME}
`;

// zsh: `compadd -U` offers the candidates as they are (they already fit the word, accents and case
// folded), and zsh quotes them for the line; a word they fit only folded is kept, not erased. The last line makes one file work both ways: autoloaded
// from $fpath as _restaurant-menu (it completes), or eval'd after compinit (it registers).
const ZSH = `#compdef ${NAME}
# ${NAME} completion for zsh. Save it as _${NAME} in a directory of $fpath:
#   mkdir -p ~/.zfunc && ${NAME} completion zsh > ~/.zfunc/_${NAME}
# with, in ~/.zshrc, before compinit:  fpath=(~/.zfunc $fpath)
# or load it from ~/.zshrc, after compinit:
#   eval "$(${NAME} completion zsh)"
_restaurant_menu() {
  local -a candidates
  candidates=("\${(@f)$(command ${NAME} __complete "$((CURRENT - 2))" --shell zsh -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  (( \${#candidates} )) || return 1
  compadd -U -- "\${candidates[@]}"
  # Several that fit the word only with case or accents folded (\`jons\`: jons, Jöns Jacob) may
  # share less than its length: inserting that would cut the word. Keep it and list them; a
  # second <TAB> goes through them (auto_menu).
  local common=\${candidates[1]} candidate
  for candidate in "\${candidates[@]:1}"; do
    while [[ $candidate != "$common"* ]]; do common=\${common[1,-2]}; done
  done
  if (( \${#candidates} > 1 && \${#common} < \${#PREFIX} )) && [[ $compstate[insert] == *unambiguous* ]]; then
    compstate[insert]=''
    compstate[list]='list force'
  fi
}
if [[ \${funcstack[1]-} == _${NAME} ]]; then
  _restaurant_menu "$@"
elif (( \${+functions[compdef]} )); then
  compdef _restaurant_menu ${NAME}
else
  print -u2 "${NAME}: run 'autoload -U compinit && compinit' before loading its completion"
fi
`;

// fish: (commandline -opc) is the words before the cursor's, unquoted; the current word is passed
// as one argument even when empty. fish filters the candidates by its own rules (case-insensitive,
// not accent-folded: \`jons\` offers the identifier jons, not the name Jöns Jacob).
const FISH = `# ${NAME} completion for fish. Save it where fish looks for completions:
#   ${NAME} completion fish > ~/.config/fish/completions/${NAME}.fish
# or add this line to ~/.config/fish/config.fish:
#   ${NAME} completion fish | source
function __restaurant_menu_complete
    set -l words (commandline -opc)[2..-1]
    set -l current (commandline -ct)
    command ${NAME} __complete (count $words) --shell fish -- $words "$current" 2>/dev/null
end
complete -c ${NAME} -f -a '(__restaurant_menu_complete)'
`;
