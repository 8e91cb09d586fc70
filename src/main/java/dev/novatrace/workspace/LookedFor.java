package dev.novatrace.workspace;

import dev.novatrace.trace.Misses;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What one trace (or the discovery of actions) looked for and did not find, until stopped. */
final class LookedFor implements Misses {
  final Set<String> modules = new HashSet<>();
  final Set<String> packages = new HashSet<>();
  private boolean stopped;

  /** Tells no more: the resolver goes on to trace, which is not what was asked about. */
  void stop() {
    stopped = true;
  }

  @Override
  public void module(String dotted) {
    if (!stopped) {
      modules.add(dotted);
    }
  }

  @Override
  public void registered(String pkg) {
    if (!stopped) {
      packages.add(pkg);
    }
  }

  /** The broken files among what was looked for. */
  List<BrokenFiles.Missed> in(BrokenFiles broken) {
    return broken.missedBy(modules, packages);
  }
}
