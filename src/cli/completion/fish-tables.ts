/**
 * The command tables of the fish script (shims/completions/complete.fish) as fish
 * functions: the same lookups posix-tables.ts makes for bash and zsh, except
 * that _commands and _options print "word<TAB>description" lines, and
 * _argument and _value call __tool_reply with the kind of candidates.
 */
import type { CommandSpec, Completer } from './model.js';

/** A word in fish's single quotes, where only \ and ' are escaped. */
export function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

const key = (command: CommandSpec) => command.path.join(' ');

/** A fish function around `switch SUBJECT`: each branch is [patterns, body lines]. */
function switchFunction(signature: string, subject: string, branches: Array<[patterns: string[], body: string[]]>, after: string[] = []): string[] {
  const cases = branches.flatMap(([patterns, body]) => [`        case ${patterns.map(fishQuote).join(' ')}`, ...body.map((line) => `            ${line}`)]);
  return [`function ${signature}`, ...(cases.length > 0 ? [`    switch ${subject}`, ...cases, '    end'] : []), ...after.map((line) => `    ${line}`), 'end'];
}

function reply(completer: Completer): string {
  return `__tool_reply ${completer.kind} "$first"${completer.kind === 'words' ? ` ${completer.words.map(fishQuote).join(' ')}` : ''}`;
}

function described(pairs: Array<[string, string]>): string {
  return `printf '%s\\t%s\\n' ${pairs.map(([word, description]) => `${fishQuote(word)} ${fishQuote(description)}`).join(' ')}`;
}

type Branch = [patterns: string[], body: string[]];

function commandLookup(commands: CommandSpec[]): string[] {
  const branches = commands.flatMap((parent) => parent.commands.map((child): Branch => [child.names.map((name) => `${key(parent)}:${name}`), [`echo ${fishQuote(key(child))}`]]));
  return switchFunction('__tool_command --argument-names at word', '"$at:$word"', [...branches, [['*'], ['return 1']]]);
}

function takesValue(commands: CommandSpec[]): string[] {
  const patterns = commands.flatMap((command) => command.options.filter((option) => option.value).flatMap((option) => option.flags.map((flag) => `${key(command)}:${flag}`)));
  return switchFunction('__tool_takes_value --argument-names at option', '"$at:$option"', patterns.length > 0 ? [[patterns, ['return 0']]] : [], ['return 1']);
}

function commandOffers(commands: CommandSpec[]): string[] {
  const branches = commands
    .filter((command) => command.commands.length > 0)
    .map((command): Branch => [[key(command)], [described(command.commands.flatMap((child) => child.names.map((name): [string, string] => [name, child.description])))]]);
  return switchFunction('__tool_commands --argument-names at', '"$at"', [...branches, [['*'], ['return 1']]]);
}

function optionOffers(commands: CommandSpec[]): string[] {
  const branches = commands.map((command): Branch => [[key(command)], [described(command.options.flatMap((option) => option.flags.map((flag): [string, string] => [flag, option.description])))]]);
  return switchFunction('__tool_options --argument-names at', '"$at"', branches);
}

function argumentLookup(commands: CommandSpec[]): string[] {
  const branches = commands.flatMap((command) =>
    command.positionals.map((completer, index): Branch => {
      const repeats = command.variadic && index === command.positionals.length - 1;
      return [[`${key(command)}:${repeats ? '*' : index}`], [reply(completer)]];
    }),
  );
  return switchFunction('__tool_argument --argument-names at n first', '"$at:$n"', branches);
}

function valueLookup(commands: CommandSpec[]): string[] {
  const branches = commands.flatMap((command) =>
    command.options.flatMap((option): Branch[] => (option.value ? [[option.flags.map((flag) => `${key(command)}:${flag}`), [reply(option.value)]]] : [])),
  );
  return switchFunction('__tool_value --argument-names at option first', '"$at:$option"', branches);
}

/** The six lookup functions of posix-tables.ts, in fish. */
export function fishTables(commands: CommandSpec[]): string {
  return [
    ...commandLookup(commands),
    ...takesValue(commands),
    ...commandOffers(commands),
    ...optionOffers(commands),
    ...argumentLookup(commands),
    ...valueLookup(commands),
  ].join('\n');
}
