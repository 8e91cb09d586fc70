package dev.novatrace.project;

import dev.novatrace.config.Policies;
import dev.novatrace.config.Settings;
import dev.novatrace.detail.DetailRules;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.TraceProfile;
import dev.novatrace.trace.TypeHints;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the workspace needs of a project besides tracing and detail rules: where a request
 * enters, the order a diagram declares participants in, the actions the API offers, and how
 * participants are named once a trace is drawn. Each registered {@link OpenStackProject} makes
 * one for a tree of it.
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

  /**
   * The API's service answers its client while a thread it spawned goes on (Neutron's batch
   * notifier sending Nova its events): what that thread sends, nothing waits for.
   */
  @Override
  default boolean spawnsBesideTheRequest(String participant) {
    return participant.equals(apiParticipant());
  }

  @Override
  default boolean readsRequest(dev.novatrace.index.ModuleInfo module) {
    return participantOf(module).filter(apiParticipant()::equals).isPresent();
  }

  /** How the project's values are typed where its code does not say. */
  TypeHints typeHints();

  /** What standard detail folds and leaves out of the project's traces. */
  DetailRules detailRules();

  // What values are: the type hints'.

  @Override
  default List<String> parameterTypes(String parameterName) {
    return typeHints().parameterTypes(parameterName);
  }

  @Override
  default Optional<String> attributeType(String classQualifiedName, String attribute) {
    return typeHints().attributeType(classQualifiedName, attribute);
  }

  @Override
  default List<String> factoryTypes(String functionQualifiedName) {
    return typeHints().factoryTypes(functionQualifiedName);
  }

  @Override
  default List<String> registryPackages() {
    return typeHints().registryPackages();
  }

  // What standard detail folds: the detail rules'.

  @Override
  default Optional<String> foldedAs(Step.Origin callee) {
    return detailRules().foldedAs(callee);
  }

  @Override
  default boolean isBookkeeping(Step.Origin callee) {
    return detailRules().isBookkeeping(callee);
  }

  @Override
  default boolean isErrorPath(Step.Origin callee) {
    return detailRules().isErrorPath(callee);
  }

  @Override
  default boolean isQuery(String label) {
    return detailRules().isQuery(label);
  }

  @Override
  default boolean isCallback(Step.Origin callee) {
    return detailRules().isCallback(callee);
  }

  /**
   * {@code x.save()} on anything but {@code self} or an API object, whatever {@code x} is: an
   * object of the project writing itself to the database, as both projects' objects do.
   */
  /** A row of the project's models writes to its database, as every project's do. */
  @Override
  default Optional<String> rowDatabase() {
    return Optional.of("database");
  }

  @Override
  default Optional<String> unknownReceiverDatabaseCall(Expr.Call call) {
    return savesItself(call) ? Optional.of("database") : Optional.empty();
  }

  /** Whether the call is {@code x.save()} on a receiver that is not {@code self} nor an API. */
  static boolean savesItself(Expr.Call call) {
    if (call.func() instanceof Expr.Attribute a && a.attr().equals("save")
        && !(a.value() instanceof Expr.Name n && n.id().equals("self"))) {
      String receiver = Names.simpleName(a.value());
      return receiver != null && !receiver.toLowerCase(Locale.ROOT).contains("api");
    }
    return false;
  }

  /** The participant every action starts in: the REST API. */
  String apiParticipant();

  /** Participants in the order a diagram declares them. */
  List<String> participantOrder();

  /** Every action the API of the indexed tree offers, named uniquely and sorted by name. */
  List<ApiAction> discoverActions(CodeIndex index, Resolver resolver);

  /**
   * What the API does around an action's entry where the entry is not the API's own code (a
   * plugin method a generic controller calls): the checks it makes first, drawn as notes (a
   * policy rule, a quota reservation), and the functions that run once the entry returns and
   * before the reply (the subscribers of a response event). Nothing by default: the entry is
   * the API's own method, which makes them itself.
   */
  default ApiFrame apiFrame(ApiAction action) {
    return ApiFrame.NONE;
  }

  /** {@link #apiFrame}: checks drawn before the entry, functions run after it. */
  record ApiFrame(List<Check> checks, List<TraceProfile.Dispatch> after) {
    public static final ApiFrame NONE = new ApiFrame(List.of(), List.of());

    public ApiFrame {
      checks = List.copyOf(checks);
      after = List.copyOf(after);
    }
  }

  /**
   * A check the API makes before the entry runs ({@code check policy: create_port}), and the
   * function that makes it (a framework's hook), or null where the tree has none to name: then
   * the entry is named.
   */
  record Check(String text, dev.novatrace.index.FunctionInfo where) {}

  /** How the participants a drawn trace uses are named (merging host roles where one is used). */
  default UnaryOperator<String> drawnNames(Set<String> used) {
    return UnaryOperator.identity();
  }
}
