package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A profile for fixture trees that says only where code runs: modules under {@code db} are the
 * database, the rest the server; a call named {@code spawn} runs what it is handed. Nothing else
 * is project knowledge, so a test shows one generic mechanism.
 */
record FixtureProfile(String db, BiFunction<Expr.Call, CallStrings, List<Dispatch>> dispatch,
    List<Continuation> later) implements TraceProfile {

  /**
   * The bus fixture's: {@code bus/db/} is the database, {@code bus.rpc.AgentClient} sends to
   * the agent, and {@code dispatch} says what a call runs instead.
   */
  static FixtureProfile bus(Function<Expr.Call, List<Dispatch>> dispatch) {
    return new FixtureProfile("bus/db/", (call, strings) -> dispatch.apply(call), List.of());
  }

  /** The bus fixture's, with a dispatch that reads what the call's arguments hold. */
  static FixtureProfile bus(BiFunction<Expr.Call, CallStrings, List<Dispatch>> dispatch) {
    return new FixtureProfile("bus/db/", dispatch, List.of());
  }

  /** {@code db} (a path prefix) is the database, and the profile has {@code later}'s work. */
  static FixtureProfile of(String db, List<Continuation> later) {
    return new FixtureProfile(db, (call, strings) -> List.of(), later);
  }

  @Override
  public List<Continuation> continuations() {
    return later;
  }

  @Override
  public List<Dispatch> dispatched(Expr.Call call, Scope scope, Resolver resolver,
      CallStrings strings) {
    return dispatch.apply(call, strings);
  }

  @Override
  public Optional<String> participantOf(ModuleInfo module) {
    return Optional.of(module.path().startsWith(db) ? "database" : "server");
  }

  @Override
  public Optional<Summary> summary(FunctionInfo function) {
    return Optional.empty();
  }

  @Override
  public boolean isEndpoint(String participant) {
    return participant.equals("database");
  }

  @Override
  public boolean isDatabase(String participant) {
    return participant.equals("database");
  }

  @Override
  public boolean isEndpointCall(FunctionInfo function) {
    return true;
  }

  @Override
  public String endpointLabel(FunctionInfo function, Value receiver) {
    String owner = receiver instanceof Value.InstanceValue iv ? iv.cls().name()
        : function.owner().name();
    return owner + "." + function.name();
  }

  @Override
  public Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return clientClass.qualifiedName().equals("bus.rpc.AgentClient")
        ? Optional.of(new RpcServer("bus.agent.Agent", "agent")) : Optional.empty();
  }

  @Override
  public String rpcParticipant(RpcServer server, String method, String callerParticipant) {
    return server.participant();
  }

  @Override
  public Optional<String> noteForCall(Expr.Call call, Value callee, Scope scope,
      Resolver resolver, CallStrings strings) {
    return Optional.empty();
  }

  @Override
  public List<String> notesForDecorators(FunctionInfo function, Resolver resolver) {
    return List.of();
  }

  @Override
  public Optional<Boolean> assumption(Expr.Call call) {
    return Optional.empty();
  }

  @Override
  public boolean isSpawner(Expr.Call call) {
    return "spawn".equals(dev.novatrace.index.Names.simpleName(call.func()));
  }

  @Override
  public Optional<String> unknownReceiverDatabaseCall(Expr.Call call) {
    return Optional.empty();
  }

  @Override
  public Step.Effect endpointEffect(FunctionInfo function) {
    return Step.Effect.WRITE;
  }

  @Override
  public boolean isStateField(String field) {
    return false;
  }

  @Override
  public List<String> parameterTypes(String parameterName) {
    return List.of();
  }

  @Override
  public Optional<String> attributeType(String classQualifiedName, String attribute) {
    return Optional.empty();
  }

  @Override
  public List<String> factoryTypes(String functionQualifiedName) {
    return List.of();
  }

  @Override
  public List<String> registryPackages() {
    return List.of();
  }
}
