/**
 * The command tables of the bash and zsh scripts (shims/completions/complete.bash
 * and complete.zsh), as shell functions both shells read alike (case patterns,
 * arrays). A command path is its canonical names joined by spaces ("registry
 * update"; "" for tool itself). The functions set variables the calling _tool
 * function declared local:
 *   _tool_command PATH WORD      WORD is a command under PATH: _tool_path=its path
 *   _tool_takes_value PATH OPT   OPT takes a value (the next word)
 *   _tool_commands PATH          _tool_words/_tool_descs: the commands under PATH; 1 when none
 *   _tool_options PATH           _tool_words/_tool_descs: its options
 *   _tool_argument PATH N        _tool_kind (and _tool_words): what its Nth argument completes to
 *   _tool_value PATH OPT         _tool_kind (and _tool_words): what OPT's value completes to
 * _tool_descs holds "word:description" pairs, as zsh's _describe takes them.
 */
import type { CommandSpec, Completer } from './model.js';

/** A word in single quotes, for sh, bash and zsh. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const key = (command: CommandSpec) => command.path.join(' ');

function caseFunction(name: string, subject: string, branches: string[], otherwise: string | undefined): string[] {
  return [`${name}() {`, `  case ${subject} in`, ...branches.map((branch) => `    ${branch} ;;`), ...(otherwise ? [`    *) ${otherwise} ;;`] : []), '  esac', '}'];
}

function assign(completer: Completer): string {
  if (completer.kind === 'words') return `_tool_kind=words; _tool_words=(${completer.words.map(shQuote).join(' ')})`;
  return `_tool_kind=${completer.kind}`;
}

/** Sets _tool_words to the words and _tool_descs to "word:description" for each. */
function offer(pairs: Array<[word: string, description: string]>): string {
  const words = pairs.map(([word]) => shQuote(word)).join(' ');
  const descs = pairs.map(([word, description]) => shQuote(`${word.replace(/:/g, '\\:')}:${description}`)).join(' ');
  return `_tool_words=(${words}); _tool_descs=(${descs})`;
}

function commandLookup(commands: CommandSpec[]): string[] {
  const branches = commands.flatMap((parent) =>
    parent.commands.map((child) => `${child.names.map((name) => shQuote(`${key(parent)}:${name}`)).join('|')}) _tool_path=${shQuote(key(child))}`),
  );
  return caseFunction('_tool_command', '"$1:$2"', branches, 'return 1');
}

function takesValue(commands: CommandSpec[]): string[] {
  const patterns = commands.flatMap((command) =>
    command.options.filter((option) => option.value).flatMap((option) => option.flags.map((flag) => shQuote(`${key(command)}:${flag}`))),
  );
  return caseFunction('_tool_takes_value', '"$1:$2"', patterns.length > 0 ? [`${patterns.join('|')}) return 0`] : [], 'return 1');
}

function commandOffers(commands: CommandSpec[]): string[] {
  const branches = commands
    .filter((command) => command.commands.length > 0)
    .map((command) => `${shQuote(key(command))}) ${offer(command.commands.flatMap((child) => child.names.map((name): [string, string] => [name, child.description])))}`);
  return caseFunction('_tool_commands', '$1', branches, 'return 1');
}

function optionOffers(commands: CommandSpec[]): string[] {
  const branches = commands.map((command) => `${shQuote(key(command))}) ${offer(command.options.flatMap((option) => option.flags.map((flag): [string, string] => [flag, option.description])))}`);
  return caseFunction('_tool_options', '$1', branches, 'return 1');
}

function argumentLookup(commands: CommandSpec[]): string[] {
  const branches = commands.flatMap((command) =>
    command.positionals.map((completer, index) => {
      const repeats = command.variadic && index === command.positionals.length - 1;
      return `${shQuote(`${key(command)}:${repeats ? '' : index}`)}${repeats ? '*' : ''}) ${assign(completer)}`;
    }),
  );
  return caseFunction('_tool_argument', '"$1:$2"', branches, '_tool_kind=nothing');
}

function valueLookup(commands: CommandSpec[]): string[] {
  const branches = commands.flatMap((command) =>
    command.options.flatMap((option) => (option.value ? [`${option.flags.map((flag) => shQuote(`${key(command)}:${flag}`)).join('|')}) ${assign(option.value)}`] : [])),
  );
  return caseFunction('_tool_value', '"$1:$2"', branches, '_tool_kind=nothing');
}

/** The six lookup functions, from every command of the model. */
export function posixTables(commands: CommandSpec[]): string {
  return [
    ...commandLookup(commands),
    ...takesValue(commands),
    ...commandOffers(commands),
    ...optionOffers(commands),
    ...argumentLookup(commands),
    ...valueLookup(commands),
  ].join('\n');
}
