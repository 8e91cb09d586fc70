package dev.novatrace.nova;

import dev.novatrace.config.Policies;
import dev.novatrace.config.Settings;
import dev.novatrace.detail.DetailRules;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.TraceProfile;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the workspace needs of a project besides tracing and detail rules: where a request
 * enters, the order a diagram declares participants in, the actions the API offers, and how
 * participants are named once a trace is drawn. {@link NovaProfile} is one; a profile for another
 * OpenStack project (Cinder) is another.
 */
public interface ProjectProfile extends TraceProfile, DetailRules {

  /** A client module's code, at standard detail said as the requests it makes. */
  @Override
  default boolean isClientCode(Step.Origin callee) {
    return clientModule(callee.path()).isPresent();
  }

  /**
   * Every option the project's tree declares (oslo.config), at its default: the deployment a
   * trace assumes unless told otherwise. None known by default.
   */
  default Settings settings(CodeIndex index) {
    return Settings.NONE;
  }

  /**
   * Every oslo.policy rule the project's tree registers, at its default: the policy a trace
   * assumes unless told otherwise. None known by default.
   */
  default Policies policies(CodeIndex index) {
    return Policies.NONE;
  }

  /**
   * Names of endpoint and client methods that only read, in both projects: object lookups
   * ({@code get_by_uuid}), listings, and the service clients' show/get/list/has_* queries.
   */
  java.util.regex.Pattern READS = java.util.regex.Pattern.compile(
      "(get|list|show|count|find|has|is|check|validate|obj_load_attr|refresh)(_|$)");

  @Override
  default Step.Effect requestEffect(String method) {
    return READS.matcher(method).lookingAt() ? Step.Effect.READ : Step.Effect.WRITE;
  }

  @Override
  default boolean readsRequest(dev.novatrace.index.ModuleInfo module) {
    return participantOf(module).filter(apiParticipant()::equals).isPresent();
  }

  /** The participant every action starts in: the REST API. */
  String apiParticipant();

  /** Participants in the order a diagram declares them. */
  List<String> participantOrder();

  /** Every action the API of the indexed tree offers, named uniquely and sorted by name. */
  List<ApiAction> discoverActions(CodeIndex index, Resolver resolver);

  /** How the participants a drawn trace uses are named (merging host roles where one is used). */
  default UnaryOperator<String> drawnNames(Set<String> used) {
    return UnaryOperator.identity();
  }
}
