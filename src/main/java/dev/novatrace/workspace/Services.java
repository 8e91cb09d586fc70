package dev.novatrace.workspace;

import dev.novatrace.cinder.CinderProfile;
import dev.novatrace.nova.NovaProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the stages that read drawn diagrams (diff, drift, history) need to know of participant
 * names, for every project at once: a diagram read from a file names its participants but not
 * its project, and Nova's and Cinder's names never meet ({@code nova_*}, {@code cinder_*}).
 */
public final class Services {
  private Services() {}

  /** Every project's services outside itself (Nova's cinder, Cinder's nova, ...). */
  public static final Set<String> EXTERNAL = externals();

  private static Set<String> externals() {
    Set<String> out = new TreeSet<>(NovaProfile.EXTERNAL_SERVICES);
    out.addAll(CinderProfile.EXTERNAL_SERVICES);
    return Set.copyOf(out);
  }

  /** Whether a participant is one of a project's own services, between which messages are RPC. */
  public static boolean isService(String participant) {
    return NovaProfile.isService(participant) || CinderProfile.isService(participant);
  }

  /** The service a participant stands for (both hosts of a migration are one service). */
  public static String service(String participant) {
    return CinderProfile.isService(participant) ? CinderProfile.service(participant)
        : NovaProfile.service(participant);
  }

  /** The RPC client and manager classes a service participant answers with, sorted. */
  public static List<String> rpcClassesOf(String participant) {
    List<String> out = new ArrayList<>(NovaProfile.rpcClassesOf(participant));
    out.addAll(CinderProfile.rpcClassesOf(participant));
    out.sort(null);
    return out;
  }
}
