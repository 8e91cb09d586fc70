package dev.novatrace.util;

/** Process exit codes, the same for every command (listed in --help). */
public enum ExitCode {
  /** Everything went well and nothing was found. */
  OK(0),
  /** The command ran and found something: parse failures, drift, differences, failed files. */
  FINDINGS(1),
  /** Bad usage or unusable input: unknown option, missing path, not a Nova tree. */
  USAGE(2),
  /** A bug of ours: one line, and the stack trace with --debug. */
  INTERNAL(3);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
