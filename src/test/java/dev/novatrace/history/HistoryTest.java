package dev.novatrace.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.files.git.GitRepo;
import dev.novatrace.project.TreeSource;
import dev.novatrace.project.SnapshotFetcher;
import dev.novatrace.testing.MiniNovaRepo;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History on the synthetic repository: alpha-eol is MiniNova, 2.0.0 renames the pause RPC to
 * pause_server and the pause controller's module to server_pause.py, HEAD only edits a comment.
 */
class HistoryTest {
  @TempDir static Path tmp;
  static Path repo;
  static History.Result result;

  @BeforeAll
  static void build() throws IOException {
    repo = MiniNovaRepo.build(tmp.resolve("mini.git"));
    result = history(List.of("pause", "boot"));
  }

  static History.Result history(List<String> names) {
    GitRepo git = GitRepo.open(repo, "mini.git");
    TreeSource source = new TreeSource(tmp, Optional.empty(), SnapshotFetcher.NONE);
    List<History.Source> sources = ReleaseRefs.of(git).stream()
        .map(r -> new History.Source(r.name(), source.resolve("mini.git@" + r.name()))).toList();
    // The listener is called from History's worker threads.
    List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
    History.Result r = History.run(sources, names, new History.Options(Detail.STANDARD,
        Workspace.DEFAULT_DEPTH, "libvirt", 1 << 20), new History.Listener() {
          @Override
          public void progress(String ref, String phase, int done, int total) {}

          @Override
          public void warning(String ref, String message) {
            warnings.add(ref + ": " + message);
          }
        });
    // MiniNova keeps one file that does not parse, on purpose: each ref says so.
    assertEquals(3, warnings.size(), warnings.toString());
    return r;
  }

  @Test
  void defaultRefsComeFromTheTagsInReleaseOrder() {
    List<String> names = ReleaseRefs.of(GitRepo.open(repo, "mini.git")).stream()
        .map(ReleaseRefs.Ref::name).toList();
    // pre-nova is no release name; 2.0.0 is the newest of a series no eol tag closes.
    assertEquals(List.of("alpha-eol", "2.0.0", "HEAD"), names);
    assertEquals(names, result.report().refs());
  }

  @Test
  void theRenamedRpcVanishesAndItsNewNameAppears() {
    ActionHistory pause = action("pause");
    assertEquals(List.of(new Span("alpha-eol", null)), pause.exists());
    assertEquals(List.of(new Span("alpha-eol", "2.0.0")), pause.facts().get(
        new Fact(Fact.Kind.RPC, "pause_instance", "nova_api->>nova_compute")));
    assertEquals(List.of(new Span("2.0.0", null)), pause.facts().get(
        new Fact(Fact.Kind.RPC, "pause_server", "nova_api->>nova_compute")));
    assertEquals(2, pause.changes().size(), pause.changes().toString());
    assertEquals(List.of(new Span("alpha-eol", null)), pause.facts().get(
        new Fact(Fact.Kind.STATE, "task_state = PAUSING", "nova_api")));
  }

  @Test
  void theRenamedModuleIsAMovedAnchor() {
    List<RefState> refs = action("pause").refs();
    assertEquals(List.of(), refs.get(0).moved());
    assertTrue(refs.get(1).moved().contains(
        "nova/api/openstack/compute/pause_server.py _pause() ->"
            + " nova/api/openstack/compute/server_pause.py _pause()"), refs.get(1).moved()
        .toString());
    assertEquals(List.of(), refs.get(2).moved());
    assertEquals(refs.get(0).steps(), refs.get(2).steps());
  }

  @Test
  void anUnchangedActionHasNoChanges() {
    ActionHistory boot = action("boot");
    assertEquals(List.of(), boot.changes().keySet().stream().toList());
    assertTrue(boot.refs().stream().allMatch(RefState::present));
  }

  @Test
  void theNewestDiagramSaysWhatIsNew() {
    String wsd = WsdWriter.write(result.annotated(action("pause")));
    assertTrue(wsd.contains("nova_api->>nova_compute: pause_server\nnote right of nova_compute:"
        + " since 2.0.0\n"), wsd);
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    History.Result again = history(List.of("boot", "pause"));
    for (HistoryText.Style s : HistoryText.Style.values()) {
      assertEquals(HistoryText.write(result.report(), s), HistoryText.write(again.report(), s));
    }
  }

  @Test
  void spansHaveGaps() {
    List<String> refs = List.of("a", "b", "c", "d");
    assertEquals(List.of(new Span("a", "b"), new Span("c", null)),
        Timelines.spans(refs, List.of(true, false, true, true)));
    assertEquals(List.of(new Span("b", "d")),
        Timelines.spans(refs, List.of(false, true, true, false)));
    assertEquals(List.of(), Timelines.spans(refs, List.of(false, false, false, false)));
  }

  private static ActionHistory action(String name) {
    return result.report().actions().stream().filter(a -> a.action().equals(name)).findFirst()
        .orElseThrow();
  }
}
