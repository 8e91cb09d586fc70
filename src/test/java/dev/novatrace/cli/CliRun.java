package dev.novatrace.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One command line run in-process, as the tests of the commands need it. */
record CliRun(int code, String out, String err) {

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard error, a line an element. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
