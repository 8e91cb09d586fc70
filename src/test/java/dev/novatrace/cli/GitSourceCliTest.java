package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.testing.MiniNova;
import dev.novatrace.testing.MiniNovaRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --nova REPO@REF} on the command line: the same diagram as the folder, one-line errors. */
class GitSourceCliTest {
  @TempDir static Path tmp;
  static String repo;

  @BeforeAll
  static void build() throws IOException {
    repo = MiniNovaRepo.build(tmp.resolve("mini.git")).toString();
  }

  @Test
  void traceOfARefIsTheTraceOfItsFolder(@TempDir Path out) throws IOException {
    CliRun git = CliRun.run("trace", "--nova", repo + "@alpha-eol", "--action", "pause", "-o",
        out.resolve("git").toString());
    CliRun folder = CliRun.run("trace", "--nova", MiniNova.ROOT.toString(), "--action", "pause",
        "-o", out.resolve("folder").toString());
    assertEquals(0, git.code(), git.err());
    assertEquals(0, folder.code(), folder.err());
    assertEquals(folder.err(), git.err());
    assertEquals(Files.readString(out.resolve("folder/pause.wsd")).replace(
        "Nova mini ·", "Nova alpha-eol ·"),
        Files.readString(out.resolve("git/pause.wsd")));
  }

  @Test
  void badSourcesAreOneLineAndExitTwo() throws IOException {
    Files.createDirectories(tmp.resolve("plain"));
    for (String src : List.of(tmp.resolve("plain") + "@HEAD", repo + "@no-such-tag",
        repo + "@pre-nova", repo + "@HEAD~9")) {
      CliRun r = CliRun.run("trace", "--nova", src, "--action", "pause");
      assertEquals(2, r.code(), src + ": " + r.err());
      assertEquals(1, r.errLines().size(), r.err());
    }
  }
}
