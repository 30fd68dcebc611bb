/**
 * The command line as completion scripts see it: plain data that cli/main.ts
 * makes from the commander definitions (commandTree), so every script is
 * generated from the commands that exist and cannot drift from them.
 */

export interface OptionNode {
  /** "-V", "--version": short first. */
  flags: string[];
  description: string;
  /** Present when the option takes a value: "--to <version>" → {name: "version"}. */
  value: { name: string; choices: string[] | undefined } | undefined;
}

export interface ArgumentNode {
  name: string;
  variadic: boolean;
  choices: string[] | undefined;
}

export interface CommandNode {
  name: string;
  aliases: string[];
  description: string;
  options: OptionNode[];
  arguments: ArgumentNode[];
  commands: CommandNode[];
}
