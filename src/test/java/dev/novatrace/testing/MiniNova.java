package dev.novatrace.testing;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.detail.Detail;
import dev.novatrace.nova.NovaTree;
import dev.novatrace.detail.Detail;
import dev.novatrace.workspace.NovaWorkspace;
import dev.novatrace.detail.Detail;
import java.nio.file.Path;

/**
 * The synthetic Nova-shaped tree under src/test/resources/fixtures/trace/mini: our own minimal
 * Python with the shape of Nova's API, compute, conductor, scheduler, objects and libvirt code.
 */
public final class MiniNova {
  public static final Path ROOT = Fixtures.ROOT.resolve("trace/mini");

  private static NovaWorkspace workspace;

  private MiniNova() {}

  /** Loaded once per test JVM: tests only read it. */
  public static synchronized NovaWorkspace workspace() {
    if (workspace == null) {
      workspace = NovaWorkspace.load(new NovaTree(ROOT, "mini"), "libvirt", null);
    }
    return workspace;
  }

  /** The .wsd text of one action at full detail and the default depth. */
  public static String wsd(NovaWorkspace ws, String action) {
    return wsd(ws, action, Detail.FULL);
  }

  /** The .wsd text of one action at a level of detail and the default depth. */
  public static String wsd(NovaWorkspace ws, String action, Detail detail) {
    return WsdWriter.write(NovaWorkspace.diagram(
        ws.trace(ws.action(action), detail, NovaWorkspace.DEFAULT_DEPTH), detail));
  }

  public static String wsd(String action) {
    return wsd(workspace(), action);
  }
}
