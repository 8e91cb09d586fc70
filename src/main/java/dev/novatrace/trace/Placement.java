package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import java.util.Optional;

/**
 * Which participant a function runs in when called from another: a method runs where its
 * receiver's class lives (the libvirt driver runs what it inherits from the base driver), else
 * where the module defining it runs, and a call within one service stays on its caller's host.
 */
final class Placement {
  private final TraceProfile profile;

  Placement(TraceProfile profile) {
    this.profile = profile;
  }

  /** The participant {@code fv} runs in when {@code caller} calls it. */
  String of(Value.FunctionValue fv, String caller) {
    if (profile.runsInCaller(fv.function())) {
      return caller;
    }
    Value receiver = fv.receiver();
    ClassInfo cls = receiver instanceof Value.InstanceValue iv ? iv.cls()
        : receiver instanceof Value.ClassValue cv ? cv.cls() : null;
    Optional<String> byClass = cls == null ? Optional.empty() : profile.participantOf(cls.module());
    return byClass.isPresent() ? sameHost(byClass.get(), caller) : of(fv.function(), caller);
  }

  /** The participant {@code fn} runs in when {@code caller} calls it. */
  String of(FunctionInfo fn, String caller) {
    if (profile.runsInCaller(fn)) {
      return caller;
    }
    return sameHost(profile.participantOf(fn.module()).orElse(caller), caller);
  }

  private static String sameHost(String own, String caller) {
    // Two hosts of one service (nova_compute_src/_dest): stay on the caller's host.
    return ParticipantId.sameService(own, caller) ? caller : own;
  }
}
