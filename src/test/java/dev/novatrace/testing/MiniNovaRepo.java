package dev.novatrace.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small synthetic Nova repository for fast tests, made from the {@link MiniNova} tree. On
 * {@code master}: {@code pre-nova} (a tree without {@code nova/}), {@code alpha-eol} (MiniNova as
 * it is, an annotated tag), {@code 2.0.0} (the pause RPC renamed {@code pause_server} and the
 * pause controller's module renamed {@code server_pause.py}, a lightweight tag), and an untagged
 * HEAD that only edits a comment.
 */
public final class MiniNovaRepo {
  private static final long DAY = 86_400;
  private static final long START = 1_600_000_000L;

  private MiniNovaRepo() {}

  /** Builds the repository at {@code dir} (bare) and returns it. */
  public static Path build(Path dir) throws IOException {
    Map<String, byte[]> alpha = GitFixtures.novaFiles(MiniNova.ROOT);
    Map<String, byte[]> two = renamed(alpha);
    Map<String, byte[]> head = new TreeMap<>(two);
    edit(head, "nova/utils.py", "", "# edited after 2.0.0\n");
    try (GitFixtures git = GitFixtures.bare(dir)) {
      git.commit(Map.of("README", "not Nova yet\n".getBytes(StandardCharsets.UTF_8)), START,
          "empty\n").tag("pre-nova", false);
      git.commit(alpha, START + DAY, "alpha\n").tag("alpha-eol", true);
      git.commit(two, START + 2 * DAY, "2.0.0\n").tag("2.0.0", false);
      git.commit(head, START + 3 * DAY, "after 2.0.0\n");
    }
    return dir;
  }

  private static Map<String, byte[]> renamed(Map<String, byte[]> alpha) {
    Map<String, byte[]> two = new TreeMap<>(alpha);
    edit(two, "nova/compute/rpcapi.py", "'pause_instance'", "'pause_server'");
    edit(two, "nova/compute/rpcapi.py", "def pause_instance(", "def pause_server(");
    edit(two, "nova/compute/manager.py", "def pause_instance(", "def pause_server(");
    edit(two, "nova/compute/api.py", "compute_rpcapi.pause_instance(", "compute_rpcapi.pause_server(");
    String old = "nova/api/openstack/compute/pause_server.py";
    two.put("nova/api/openstack/compute/server_pause.py", two.remove(old));
    edit(two, "nova/api/openstack/compute/routes.py", "import pause_server\n",
        "import server_pause as pause_server\n");
    return two;
  }

  /** Replaces {@code from} by {@code to} in a file, failing if {@code from} is not there. */
  private static void edit(Map<String, byte[]> files, String path, String from, String to) {
    String text = new String(files.get(path), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalStateException(path + " has no " + from);
    }
    String edited = from.isEmpty() ? text + to : text.replace(from, to);
    files.put(path, edited.getBytes(StandardCharsets.UTF_8));
  }
}
