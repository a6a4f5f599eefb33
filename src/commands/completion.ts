// `restaurant-menu completion bash|zsh|fish`: prints a shell completion script. What the script
// calls on every <TAB> is src/completion/complete.ts, a bundle of its own.
import type { Args, CommandSpec } from '../cli/command.js';
import type { Run } from '../cli/run.js';
import { EXIT } from '../errors.js';

export const command = {
  name: 'completion',
  description: 'print a shell completion script: bash, zsh or fish',
  args: ['<shell>'],
  needs: 'a shell: bash, zsh or fish',
  examples: [
    'restaurant-menu completion bash >> ~/.bashrc',
    'restaurant-menu completion zsh > ~/.zfunc/_restaurant-menu  # in $fpath',
    'restaurant-menu completion fish | source  # in config.fish',
  ],
} as const satisfies CommandSpec;

export async function run(run: Run, [shell]: Args): Promise<number> {
  const { completionScript } = await import('../completion/scripts.js');
  return run.print({ stdout: completionScript(String(shell)), notes: [] }, EXIT.ok);
}
