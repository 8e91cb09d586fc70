package dev.novatrace.output;

import dev.novatrace.detail.Detail;
import dev.novatrace.project.ApiAction;
import dev.novatrace.render.Provenance;
import dev.novatrace.workspace.Workspace;
import java.util.List;

/**
 * What made an action's diagrams, but for their level of detail: the tree ({@code Nova 34.0.0}),
 * the action, and what the default deployment decided on its path, the same at every level and
 * in every format. {@code trace} and {@code site} head their diagrams with it.
 */
public record ActionProvenance(String project, String version, String action,
    List<String> assumes) {

  public ActionProvenance {
    assumes = List.copyOf(assumes);
  }

  /** The provenance of {@code action} of {@code ws}, traced to {@code depth}. */
  public static ActionProvenance of(Workspace ws, ApiAction action, int depth) {
    return new ActionProvenance(ws.tree().title(), ws.tree().versionOrLabel(), action.name(),
        ws.assumptions(action, depth));
  }

  /** The provenance of its diagram at {@code level}. */
  public Provenance at(Detail level) {
    return Provenance.of(project, version, action, level.label()).assuming(assumes);
  }
}
