package dev.novatrace.testing;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.detail.Detail;
import dev.novatrace.project.SourceTree;
import dev.novatrace.detail.Detail;
import dev.novatrace.workspace.Workspace;
import dev.novatrace.detail.Detail;
import java.nio.file.Path;

/**
 * The synthetic Nova-shaped tree under src/test/resources/fixtures/trace/mini: our own minimal
 * Python with the shape of Nova's API, compute, conductor, scheduler, objects and libvirt code.
 */
public final class MiniNova {
  public static final Path ROOT = Fixtures.ROOT.resolve("trace/mini");

  private static Workspace workspace;

  private MiniNova() {}

  /** Loaded once per test JVM: tests only read it. */
  public static synchronized Workspace workspace() {
    if (workspace == null) {
      workspace = Workspace.load(new SourceTree(ROOT, "mini"), "libvirt", null);
    }
    return workspace;
  }

  /** The .wsd text of one action at full detail and the default depth. */
  public static String wsd(Workspace ws, String action) {
    return wsd(ws, action, Detail.FULL);
  }

  /** The .wsd text of one action at a level of detail and the default depth. */
  public static String wsd(Workspace ws, String action, Detail detail) {
    return WsdWriter.write(Workspace.diagram(
        ws.trace(ws.action(action), detail, Workspace.DEFAULT_DEPTH), detail));
  }

  public static String wsd(String action) {
    return wsd(workspace(), action);
  }
}
