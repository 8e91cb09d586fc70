package dev.novatrace.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the stages that read drawn diagrams (diff, drift, history) need to know of participant
 * names, for every registered project at once: a diagram read from a file names its
 * participants but not its project, and two projects' names never meet ({@code nova_*},
 * {@code cinder_*}).
 */
public final class Services {
  private Services() {}

  /** Every project's services outside itself (Nova's cinder, Cinder's nova, ...). */
  public static final Set<String> EXTERNAL = externals();

  private static Set<String> externals() {
    Set<String> out = new TreeSet<>();
    Projects.all().forEach(p -> out.addAll(p.externalServices()));
    return Set.copyOf(out);
  }

  /** Whether a participant is one of a project's own services, between which messages are RPC. */
  public static boolean isService(String participant) {
    return Projects.all().stream().anyMatch(p -> p.isService(participant));
  }

  /**
   * The service a participant stands for (both hosts of a migration are one service); a
   * participant of no project's services is asked of the default project.
   */
  public static String service(String participant) {
    return Projects.all().stream().filter(p -> p.isService(participant)).findFirst()
        .orElse(Projects.named(Projects.DEFAULT)).service(participant);
  }

  /** The RPC client and manager classes a service participant answers with, sorted. */
  public static List<String> rpcClassesOf(String participant) {
    List<String> out = new ArrayList<>();
    Projects.all().forEach(p -> out.addAll(p.rpcClassesOf(participant)));
    out.sort(null);
    return out;
  }
}
