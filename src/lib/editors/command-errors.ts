/**
 * How every command (`check`, `build`, `import`, `review-report`, `cms`) ends when something goes
 * wrong, so that an editor never sees a stack trace:
 * - a mistake the command foresaw (a missing file, a wrong option) is an `EditorError`, whose
 *   message says what to do, printed as it is;
 * - anything else prints one sentence naming the file being read and where to report it. The
 *   trace is printed only with `--debug`.
 */

/** A problem the command foresaw, with a message that already says what to do. */
export class EditorError extends Error {
  override name = 'EditorError';
}

let reading: string | undefined;

/** Notes the file a command is reading, for the message if it stops unexpectedly. */
export function nowReading(file: string | undefined): void {
  reading = file;
}

/** The file being read when the command stopped, if one was. */
export function fileBeingRead(): string | undefined {
  return reading;
}

/** Where editors report a fault in the tools themselves. */
export const REPORT_TO = 'the people who look after the site\'s code (an issue on the project\'s GitHub page, for example)';

/** The first line of an error's message, shortened: enough to quote in a report, never a trace. */
export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((l) => l.trim()) ?? 'no reason given';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/** The one sentence an editor reads when a command stops for a reason nobody foresaw. */
export function unexpectedMessage(command: string, error: unknown, file = reading): string {
  const where = file ? ` while reading ${file}` : '';
  return `${command} stopped unexpectedly${where}: please report this to ${REPORT_TO}, quoting "${shortReason(error)}" (add --debug to the command to see the technical details).`;
}

/**
 * What the computer said, in words, for the errors any command can meet (a port in use, a file
 * missing or not allowed), with what to do; undefined for anything else.
 */
export function foreseenMessage(command: string, error: unknown): string | undefined {
  const { code, path, port } = (error ?? {}) as { code?: string; path?: string; port?: number };
  const what = path ?? reading ?? 'a file it needed';
  switch (code) {
    case 'EADDRINUSE':
      return `${command} could not start: port ${port ?? ''} is already in use by another program — close that program (perhaps another "npm run" still running), or choose another port with --port`.replace('port  is', 'the port is');
    case 'ENOENT':
      return `${command} could not find ${what} — check the name and the folder, then run it again`;
    case 'EISDIR':
      return `${command} expected a file but ${what} is a folder — give the path of a file`;
    case 'ENOTDIR':
      return `${command} expected a folder but part of ${what} is a file — check the path`;
    case 'EACCES':
    case 'EPERM':
      return `${command} is not allowed to open ${what} — check the file's permissions, or close the program that has it open`;
    case 'ENOSPC':
      return `${command} stopped: the disk is full — free some space and run it again`;
    default:
      return undefined;
  }
}

/** What to print for an error: its message if foreseen, the one sentence if not, and the trace under --debug. */
export function errorReport(command: string, error: unknown, debug: boolean): string {
  const text = error instanceof EditorError ? error.message : foreseenMessage(command, error) ?? unexpectedMessage(command, error);
  return `✗ ${text}${traceUnder(error, debug)}`;
}

/** The programmer's trace, to print under a message, only when it was asked for. */
function traceUnder(error: unknown, debug: boolean): string {
  return debug && error instanceof Error && error.stack ? `\n\n${error.stack}` : '';
}

/** Whether the command was started with --debug. */
export function debugWanted(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--debug') || process.env.DEBUG_OPEN_LOCAL_OFFER === '1';
}

/**
 * Makes whatever a command throws, or leaves unhandled, end the process with exit code 1 and the
 * message above, never a stack trace (unless --debug). Call it first thing in a script: it needs
 * no change to the rest, as an error thrown at the top level of a module comes here too.
 */
export function catchUnexpected(command: string): void {
  const debug = debugWanted();
  const fail = (error: unknown) => {
    process.stderr.write(`${errorReport(command, error, debug)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

/**
 * Ends an Astro build from one of the site's integrations with a message in words and exit code
 * 1, where throwing would have Astro print the error with its stack trace under it (the trace
 * only with DEBUG_OPEN_LOCAL_OFFER=1).
 */
export function stopBuild(text: string, error?: unknown): never {
  process.stderr.write(`\n${text}${traceUnder(error, debugWanted())}\n\n`);
  process.exit(1);
}
