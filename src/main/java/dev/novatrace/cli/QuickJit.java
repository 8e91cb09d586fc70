package dev.novatrace.cli;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising C2 compiler out of our short batch runs. Parsing a Nova tree takes a
 * few seconds, spread over the ANTLR runtime and a large generated parser: C2 spends about as
 * much CPU compiling that code as the parse itself and, on a 2-core machine, steals it from the
 * parser threads; the quick C1 code is good enough here (measured: half the CPU time, a third
 * less wall time). A jar cannot carry JVM flags, so this adds a compiler directive at run time.
 * Best effort: on a JVM without the diagnostic command it does nothing.
 */
final class QuickJit {

  private static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

  private QuickJit() {}

  static void apply() {
    Path directives = null;
    try {
      directives = Files.createTempFile("novatrace-jit", ".json");
      Files.writeString(directives, NO_C2, StandardCharsets.UTF_8);
      ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
    } catch (Exception | LinkageError e) {
      // not HotSpot, or management disabled: run with the JVM's defaults
    } finally {
      if (directives != null) {
        try {
          Files.deleteIfExists(directives);
        } catch (Exception e) {
          // a leftover temp file is harmless
        }
      }
    }
  }
}
