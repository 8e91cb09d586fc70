package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policy.yaml read as oslo.policy reads it, and bad files in one line naming the file. */
class PolicyFileTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  private String error(Path file) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PolicyFile.read(file));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    return e.getMessage();
  }

  @Test
  void aYamlFileMapsNamesToCheckStrings() throws Exception {
    Path f = write("policy.yaml", "# overrides\n\"os_compute_api:servers:create\": \"role:admin\"\n"
        + "compute:servers:resize:cross_cell: '@'\nempty: ''\n");
    assertEquals(Map.of("os_compute_api:servers:create", "role:admin",
        "compute:servers:resize:cross_cell", "@", "empty", ""), PolicyFile.read(f).rules());
  }

  @Test
  void aJsonFileIsYamlToo() throws Exception {
    Path f = write("policy.json", "{\"context_is_admin\": \"role:admin or role:cloud\"}");
    assertEquals(Map.of("context_is_admin", "role:admin or role:cloud"),
        PolicyFile.read(f).rules());
  }

  @Test
  void anEmptyFileOverridesNothing() throws Exception {
    assertEquals(Map.of(), PolicyFile.read(write("empty.yaml", "")).rules());
  }

  @Test
  void badFilesAreOneLine() throws Exception {
    assertTrue(error(write("bad.yaml", "a: \"unterminated\nb: [\n")).contains("not YAML"));
    assertTrue(error(write("list.yaml", "- a\n- b\n")).endsWith(
        "not a map of rule names to check strings"));
    assertTrue(error(write("nested.yaml", "a:\n  b: c\n")).endsWith(
        "rule 'a' is not a check string"));
    assertTrue(error(tmp.resolve("missing.yaml")).endsWith("no such file"));
    assertTrue(error(tmp).endsWith("not a regular file"));
  }
}
