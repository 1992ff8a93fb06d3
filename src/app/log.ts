/** Where the app reports what happens: one line per event on stderr, so stdout stays for answers. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * A logger writing to stderr. Stack traces are printed only with `debug`.
 * @param quiet drop info lines (the CLI keeps the terminal for answers)
 */
export function createLogger(options: { debug: boolean; quiet?: boolean }, write = (line: string) => process.stderr.write(line + '\n')): Logger {
  return {
    info: (message) => {
      if (!options.quiet) write(message);
    },
    warn: (message) => write(`warning: ${message}`),
    error: (message, error) => {
      write(`error: ${message}`);
      if (error !== undefined && options.debug) write(error instanceof Error ? (error.stack ?? error.message) : String(error));
    },
  };
}
