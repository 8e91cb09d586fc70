package dev.novatrace.workspace;

import dev.novatrace.config.Policies;
import dev.novatrace.config.Role;
import dev.novatrace.config.Settings;
import dev.novatrace.detail.Budget;
import dev.novatrace.detail.Detail;
import dev.novatrace.detail.DetailPolicy;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.files.SourceFile;
import dev.novatrace.files.SourceSet;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.OpenStackProject;
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.project.Projects;
import dev.novatrace.project.SourceTree;
import dev.novatrace.python.Diagnostic;
import dev.novatrace.python.ParseCache;
import dev.novatrace.python.ParseResult;
import dev.novatrace.python.SourceParser;
import dev.novatrace.python.ast.Module;
import dev.novatrace.sequence.DrawnTrace;
import dev.novatrace.sequence.SequenceBuilder;
import dev.novatrace.trace.CallCensus;
import dev.novatrace.trace.CallGraph;
import dev.novatrace.trace.CallGraphBuilder;
import dev.novatrace.trace.Continuations;
import dev.novatrace.trace.PolicyAnswers;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.RpcRoutes;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import dev.novatrace.trace.Tracer;
import dev.novatrace.util.EditDistance;
import dev.novatrace.util.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tree of Nova (or another OpenStack project, {@link SourceTree#project()}) loaded for tracing:
 * every package it reads ({@link SourceTree#packages()}: the project's, then its companions)
 * parsed (tests left out) and indexed together, its actions discovered with the project's profile. Files that
 * fail to parse are kept as warnings; the rest of the tree still traces.
 */
public final class Workspace {
  /** How deep private helpers are followed inside one service unless --depth says otherwise. */
  public static final int DEFAULT_DEPTH = 3;
  /** How much deeper than the depth helpers are followed for cross-service messages only. */
  private static final int EXTRA_DEPTH = 8;

  private final SourceTree tree;
  private final CodeIndex index;
  private final ProjectProfile profile;
  private final Resolver resolver;
  private final List<ApiAction> actions;
  private final List<Diagnostic> parseFailures;
  private final BrokenFiles broken;
  private final List<BrokenFiles.Missed> neededByDiscovery;
  /** Per action and depth, what its route missed: traced again for it, so asked once. */
  private final Map<List<Object>, List<BrokenFiles.Missed>> missed = new HashMap<>();
  /** Tracers by horizon and the caller's role. */
  private final Map<List<Object>, Tracer> tracers = new HashMap<>();
  /** Raw traces by action and depth: the diagram and its provenance line ask for the same. */
  private final Map<List<Object>, Trace> rawTraces = new HashMap<>();
  /** The caller each action assumes: read from its whole route, asked by every trace of it. */
  private final Map<ApiAction, Role> roles = new HashMap<>();
  private RpcRoutes rpcRoutes;
  /** The deployment traces assume: the tree's options at their defaults until configured. */
  private Settings settings;
  /** The tree's rules as its release enforces them by default; read on first use. */
  private Policies treePolicies;
  /** The policy as configured ({@code --policy}); null for the tree's own. */
  private Policies policies;
  /** The caller's role ({@code --role}); null to choose one per action. */
  private Role role;

  private Workspace(SourceTree tree, List<Module> modules, String driverName,
      List<Diagnostic> parseFailures, BrokenFiles broken) {
    this.tree = tree;
    this.index = CodeIndex.build(modules);
    OpenStackProject project = Projects.named(tree.project());
    this.profile = project.profile(tree, index,
        driverName == null ? project.defaultDriver() : driverName, broken);
    // Discovery runs first, caches cold: what it looked for and did not find is all it needed.
    LookedFor discovery = new LookedFor();
    this.resolver = new Resolver(index, profile, discovery);
    this.parseFailures = List.copyOf(parseFailures);
    this.broken = broken;
    this.actions = profile.discoverActions(index, resolver);
    discovery.stop();
    this.neededByDiscovery = discovery.in(broken);
  }

  /**
   * Parses and indexes {@code tree}; {@code progress} may be null. {@code driverName} is the
   * driver to follow, null for the project's default (libvirt for Nova, lvm for Cinder).
   */
  public static Workspace load(SourceTree tree, String driverName,
      SourceParser.Progress progress) {
    return load(tree, driverName, progress, SourceParser.DEFAULT_MAX_BYTES);
  }

  /** Like the other {@code load}, skipping .py files over {@code maxBytes}. */
  public static Workspace load(SourceTree tree, String driverName,
      SourceParser.Progress progress, long maxBytes) {
    return load(tree, driverName, progress, maxBytes, ParseCache.PROCESS);
  }

  /**
   * Like the other {@code load}, parsing through {@code cache}: files it holds with the same
   * content are not parsed again.
   */
  public static Workspace load(SourceTree tree, String driverName,
      SourceParser.Progress progress, long maxBytes, ParseCache cache) {
    return parse(tree, progress, maxBytes, cache).workspace(driverName);
  }

  /**
   * A tree's files parsed (its tests left out), not yet indexed: each {@link #workspace} of it
   * indexes them and discovers the actions anew, with caches of its own, so that two threads
   * can trace one tree without sharing what their traces remember.
   *
   * @param tree the tree
   * @param modules the files that parsed
   * @param failures each file that did not, with its first problem
   * @param broken the same, with what each cost
   */
  public record Parsed(SourceTree tree, List<Module> modules, List<Diagnostic> failures,
      BrokenFiles broken) {
    public Parsed {
      modules = List.copyOf(modules);
      failures = List.copyOf(failures);
    }

    /**
     * A workspace of these files following {@code driverName} (null for the project's
     * default), at the tree's own deployment: configure it as the run asks.
     */
    public Workspace workspace(String driverName) {
      Workspace ws = new Workspace(tree, modules, driverName, failures, broken);
      if (ws.actions.isEmpty() && !failures.isEmpty()) {
        // Without the files that route the API there is nothing to draw: say why, not "none".
        String first = ws.neededByDiscovery.isEmpty()
            ? failures.get(0).path() + ": " + failures.get(0).message()
            : ws.neededByDiscovery.get(0).text();
        throw new UserError("no API actions found in " + tree.label() + ": " + failures.size()
            + " file" + (failures.size() == 1 ? "" : "s") + " could not be read or parsed ("
            + (ws.neededByDiscovery.isEmpty() ? "first: " : "the routes need ") + first + ")");
      }
      return ws;
    }
  }

  /** Parses {@code tree}'s files through {@code cache}; {@code progress} may be null. */
  public static Parsed parse(SourceTree tree, SourceParser.Progress progress, long maxBytes,
      ParseCache cache) {
    SourceSet.Listing found = list(tree);
    List<SourceFile> files = new ArrayList<>(found.files());
    files.removeIf(f -> tree.isTest(f.path()));
    List<ParseResult> results = SourceParser.parseSources(files, SourceParser.defaultThreads(),
        progress, maxBytes, cache);
    List<Module> modules = new ArrayList<>();
    List<Diagnostic> failures = new ArrayList<>();
    List<BrokenFiles.Entry> brokenFiles = new ArrayList<>();
    for (SourceSet.Problem p : found.problems()) {
      if (!tree.isTest(p.path())) {
        failures.add(new Diagnostic(p.path(), 1, 0, p.message()));
        brokenFiles.add(BrokenFiles.notListed(p.path(), p.message()));
      }
    }
    for (ParseResult r : results) {
      if (r.ok() && r.module() != null) {
        modules.add(r.module());
      } else {
        r.diagnostics().stream().findFirst().ifPresent(d -> {
          failures.add(d);
          // A file never read through has no lines counted.
          brokenFiles.add(BrokenFiles.failed(d, r.lines() > 0));
        });
      }
    }
    return new Parsed(tree, modules, failures, BrokenFiles.of(brokenFiles));
  }

  /** The deployment traces assume: every option the tree declares, at its default or as set. */
  public synchronized Settings settings() {
    if (settings == null) {
      settings = withPolicyOption(profile.settings(index));
      resolver.assume(settings);
    }
    return settings;
  }

  /**
   * The tree's options and oslo.policy's {@code [oslo_policy] enforce_new_defaults}, at the
   * release's default, where the tree registers policy rules: so {@code --conf} and
   * {@code --set} can change it like any option.
   */
  private Settings withPolicyOption(Settings options) {
    Policies tree = treePolicies();
    // The options keep their values: the profile's baseline is no default to reset.
    return tree.rules().isEmpty() ? options : options.plus(tree.option());
  }

  private synchronized Policies treePolicies() {
    if (treePolicies == null) {
      treePolicies = profile.policies(index).forRelease(tree.project(), tree.version());
    }
    return treePolicies;
  }

  /**
   * The policy traces assume: the rules the tree registers, at their defaults or as
   * configured, deprecated defaults enforced as {@code [oslo_policy] enforce_new_defaults} of
   * {@link #settings()} says.
   */
  public synchronized Policies policies() {
    return (policies != null ? policies : treePolicies()).with(settings());
  }

  /**
   * Traces from now on assume {@code policy} ({@code --policy}): what it decides is the default
   * path. Traces made before are forgotten.
   */
  public synchronized void policy(Policies policy) {
    policies = policy;
    forget();
  }

  /** The caller's role traces assume; null to choose, per action, the least its policy admits. */
  public synchronized Role role() {
    return role;
  }

  /** Traces from now on assume a caller of {@code caller} (null: chosen per action). */
  public synchronized void role(Role caller) {
    role = caller;
    forget();
  }

  /**
   * Traces from now on assume {@code deployment} ({@code --set}, {@code --conf}): what it
   * decides is the default path. Traces made before are forgotten.
   */
  public synchronized void configure(Settings deployment) {
    settings = deployment;
    resolver.assume(deployment);
    forget();
  }

  /** Forgets every trace made, and what it read: the deployment or the caller changed. */
  private void forget() {
    tracers.clear();
    rawTraces.clear();
    roles.clear();
    missed.clear();
  }

  /**
   * The {@code .py} files of every package of the tree (the project's own, then its
   * companions), each package's sorted by path. Their tests are no workflow: the caller leaves
   * them out.
   */
  private static SourceSet.Listing list(SourceTree tree) {
    List<SourceFile> files = new ArrayList<>();
    List<SourceSet.Problem> problems = new ArrayList<>();
    for (String pkg : tree.packages()) {
      try {
        SourceSet.Listing found = tree.sources().list(pkg, name -> name.endsWith(".py"));
        files.addAll(found.files());
        problems.addAll(found.problems());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new SourceSet.Listing(files, problems);
  }

  /** The profile the tree is traced with. */
  public ProjectProfile profile() {
    return profile;
  }

  public SourceTree tree() {
    return tree;
  }

  public CodeIndex index() {
    return index;
  }

  public Resolver resolver() {
    return configured();
  }

  public List<ApiAction> actions() {
    return actions;
  }

  /**
   * Files the discovery of the API's actions looked in and did not have (the routing table, a
   * controller's module): the actions they define are missing, or found another way.
   */
  public List<BrokenFiles.Missed> neededByDiscovery() {
    return neededByDiscovery;
  }

  /** Files that could not be parsed, each with its first problem. */
  public List<Diagnostic> parseFailures() {
    return parseFailures;
  }

  /** Files that exist but did not parse: path → "line N: problem". */
  public Map<String, String> unparsedFiles() {
    Map<String, String> out = new java.util.TreeMap<>();
    parseFailures.forEach(d -> out.putIfAbsent(d.path(), "line " + d.line() + ": " + d.message()));
    return out;
  }

  /**
   * Files an action's route needed and did not have: a file that did not parse or could not be
   * read, where the route looked for a module, a class or a method (an import, an attribute's
   * type, the server class of an RPC message, the virt driver). Each is "FILE did not parse
   * (line N: ...)" or "FILE was not read (...)", sorted. The diagram of such an action is
   * partial, and says so.
   */
  public List<String> unparsedOnRoute(ApiAction action, int depth) {
    return missedOnRoute(action, depth).stream().map(BrokenFiles.Missed::text).toList();
  }

  /** Like {@link #unparsedOnRoute}, each file with its path. */
  public List<BrokenFiles.Missed> missedOnRoute(ApiAction action, int depth) {
    if (broken.isEmpty()) {
      return List.of();
    }
    return missed.computeIfAbsent(List.of(action, depth), k -> {
      // A tracer of its own, caches cold: a lookup answered from an earlier action's cache
      // would not be seen missing on this one's route.
      LookedFor looked = new LookedFor();
      Resolver cold = new Resolver(index, profile, looked);
      cold.assume(settings());
      new Tracer(cold, profile, depth + EXTRA_DEPTH, settings(), answers(roleFor(action)))
          .traceEntry(action.entry(), profile.apiParticipant(), 0, action.receiver());
      return looked.in(broken);
    });
  }

  /** A trace with a note, first of all, saying which files on its route did not parse. */
  public static Trace partial(Trace trace, List<String> unparsed) {
    if (unparsed.isEmpty()) {
      return trace;
    }
    List<Step> steps = new ArrayList<>();
    steps.add(new Step.Note(trace.entryParticipant(), "partial: " + String.join("\n", unparsed),
        trace.entry()));
    steps.addAll(trace.steps());
    return trace.withSteps(steps);
  }

  /** The action answering to {@code name}, or a user error naming the closest ones. */
  public ApiAction action(String name) {
    for (ApiAction a : actions) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    for (ApiAction a : actions) {
      if (a.answersTo(name)) {
        return a;
      }
    }
    List<String> names = new ArrayList<>();
    actions.forEach(a -> {
      names.add(a.name());
      names.addAll(a.aliases());
    });
    names.sort(Comparator.comparingInt((String n) -> EditDistance.between(n, name))
        .thenComparing(Comparator.naturalOrder()));
    throw new UserError("unknown action '" + name + "'; closest: "
        + String.join(", ", names.subList(0, Math.min(5, names.size()))));
  }

  /**
   * The one pipeline every command draws an action through: traced, shaped to {@code level},
   * marked partial where its route missed files, named as drawn, laid out as a diagram.
   */
  public Drawing draw(ApiAction action, Detail level, int depth) {
    List<BrokenFiles.Missed> missed = missedOnRoute(action, depth);
    Trace trace = drawn(partial(trace(action, level, depth),
        missed.stream().map(BrokenFiles.Missed::text).toList()));
    return new Drawing(trace, diagram(trace, level), missed);
  }

  /**
   * The same action's diagram without the note saying it is partial: what diff, drift and
   * history compare step by step, where such a note would count as a step.
   */
  public Diagram diagram(ApiAction action, Detail level, int depth) {
    return diagram(trace(action, level, depth), level);
  }

  /**
   * Traces one action at a level of detail, showing helpers up to {@code depth} levels inside a
   * service with everything they do.
   */
  public Trace trace(ApiAction action, Detail detail, int depth) {
    Trace shaped = DetailPolicy.of(detail, depth, profile).shape(rawTrace(action, depth));
    return detail == Detail.STANDARD ? withinBudget(shaped) : shaped;
  }

  /**
   * A standard trace whose diagram, with its two header lines, is over {@link Budget#LINES}
   * has its largest late handling outlined, and the next, until it fits or none is left.
   */
  private static Trace withinBudget(Trace shaped) {
    Trace t = shaped;
    while (WsdWriter.write(diagram(t, Detail.STANDARD)).lines().count() + 2 > Budget.LINES) {
      Trace outlined = Budget.outlineLargest(t);
      if (outlined == t) {
        break;
      }
      t = outlined;
    }
    return t;
  }

  /**
   * The settings that decided branches of an action's path ({@code [quota] driver =
   * nova.quota.DbQuotaDriver (default)}), sorted: what its diagrams assume of the deployment.
   */
  public List<String> assumptions(ApiAction action, int depth) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    assumptions(rawTrace(action, depth).steps(), out);
    // The profile's deployment where the code has none (Neutron's ML2 with OVN, its type and
    // extension drivers) decides which drivers every path runs: said on every diagram.
    settings().all().stream().filter(x -> x.source() == Settings.Source.PROFILE)
        .forEach(x -> out.add(x.describe()));
    if (out.stream().anyMatch(a -> a.startsWith("policy "))) {
      // What a rule answers depends on who asks: say who the diagram's caller is.
      out.add(callerAssumed(action));
    }
    return List.copyOf(out);
  }

  /**
   * What decides the way a default deployment goes, at every default block of the steps: not
   * what its other branch tests, and nothing inside that branch.
   */
  private static void assumptions(List<Step> steps, java.util.Set<String> out) {
    Step.walk(steps, s -> s instanceof Step.Block b && b.kind() == Step.BlockKind.DEFAULT
        ? List.of(b.branches().get(0).steps()) : s.children())
        .forEach(s -> {
          if (s instanceof Step.Block b && b.kind() == Step.BlockKind.DEFAULT) {
            out.addAll(List.of(b.branches().get(0).condition().split("; ")));
          }
        });
  }


  /** The tracer's raw step tree of an action, before any detail policy. */
  public synchronized Trace rawTrace(ApiAction action, int depth) {
    List<Object> key = List.of(action, depth);
    Trace known = rawTraces.get(key);
    if (known == null) {
      known = freshTrace(action, depth);
      rawTraces.put(key, known);
    }
    return known;
  }

  private Trace freshTrace(ApiAction action, int depth) {
    Tracer tracer = tracer(depth + EXTRA_DEPTH, roleFor(action));
    String api = profile.apiParticipant();
    Step.Origin entry = Step.Origin.of(action.entry());
    ProjectProfile.ApiFrame frame = profile.apiFrame(action);
    List<Step> request = new ArrayList<>();
    frame.checks().forEach(check -> request.add(new Step.Note(api, check.text(),
        check.where() == null ? entry : Step.Origin.of(check.where()))));
    request.addAll(tracer.traceEntry(action.entry(), api, 0, action.receiver()));
    frame.after().forEach(d -> request.addAll(tracer.traceDispatched(d, api,
        Step.Origin.of(d.function()))));
    List<Step> steps = new ArrayList<>(Continuations.appended(request, tracer, profile));
    action.extensions().forEach(f -> steps.add(extensionNote(api, f)));
    java.util.Set<Step.Origin> hooks = new java.util.HashSet<>();
    frame.checks().stream().filter(c -> c.where() != null)
        .forEach(c -> hooks.add(Step.Origin.of(c.where())));
    return new Trace(tree.project(), action.name(), "client", api, action.requestLabel(),
        "HTTP " + action.responseCode(), entry, steps, hooks);
  }

  /**
   * An extension runs after the entry returns and only edits its answer: one note where it runs
   * ("disk_config extension: create"), never traced into.
   */
  private static Step extensionNote(String api, FunctionInfo f) {
    String module = f.module().name().substring(f.module().name().lastIndexOf('.') + 1);
    return new Step.Note(api, module + " extension: " + f.name(),
        Step.Origin.of(f));
  }

  /**
   * The call graph of an action, read from the code without a trace's flags or a level of
   * detail: every function its entry can reach, with regions and kinds of call.
   */
  public CallGraph callGraph(ApiAction action) {
    return new CallGraphBuilder(configured(), profile).of(action.entry(), profile.apiParticipant());
  }

  /** Who sends which RPC message, over the whole tree; read once, on first use. */
  public synchronized RpcRoutes rpcRoutes() {
    if (rpcRoutes == null) {
      rpcRoutes = RpcRoutes.of(configured(), profile);
    }
    return rpcRoutes;
  }

  /** How many calls of the whole tree the resolver resolves, for --explain. */
  public CallCensus census() {
    return CallCensus.of(configured());
  }

  /** Calls the tracer could not resolve so far, for --explain. */
  public synchronized Set<String> unresolved(int depth) {
    Set<String> out = new java.util.TreeSet<>();
    tracers.forEach((key, t) -> {
      if (key.get(0).equals(depth + EXTRA_DEPTH)) {
        out.addAll(t.unresolved());
      }
    });
    return out;
  }

  /**
   * The resolver, typing values as the deployment's settings pick them (a backend class chosen
   * by an option), whichever question is asked first.
   */
  private Resolver configured() {
    settings();
    return resolver;
  }

  private synchronized Tracer tracer(int horizon, Role caller) {
    return tracers.computeIfAbsent(List.of(horizon, caller),
        k -> new Tracer(resolver, profile, horizon, settings(), answers(caller)));
  }

  /** The caller an action's traces assume: {@code --role}, else the least its policy admits. */
  public synchronized Role roleFor(ApiAction action) {
    return role != null ? role : roles.computeIfAbsent(action,
        k -> ActionRole.of(action.entry(), profile, configured(), policies()));
  }

  /** {@code role member (the least os_compute_api:servers:create admits)}, or {@code (--role)}. */
  private synchronized String callerAssumed(ApiAction action) {
    Role caller = roleFor(action);
    if (role != null) {
      return "role " + caller.roleName() + " (--role)";
    }
    return "role " + caller.roleName() + ActionRole.rule(action.entry(), profile, configured(), policies())
        .filter(r -> policies().least(r).isPresent())
        .map(r -> " (the least " + r + " admits)").orElse(" (a project's member)");
  }

  /** What the deployment's policy answers a caller of {@code caller}'s role. */
  private PolicyAnswers answers(Role caller) {
    Policies rules = policies();
    return rule -> rules.verdict(rule, caller)
        .map(v -> new PolicyAnswers.Answer(v.allowed(), v.describe()));
  }

  /**
   * The sequence diagram of a trace shaped to {@code detail}, in the collection's participant
   * vocabulary. Full detail says each anchor again after a block; the others are laid out
   * compactly (anchors only where the function changes, no bar for a call that only has notes).
   */
  public static Diagram diagram(Trace trace, Detail detail) {
    return new SequenceBuilder(drawing(trace).participantOrder(), UnaryOperator.identity(),
        detail != Detail.FULL).build(drawn(trace));
  }

  /**
   * A shaped trace named and de-duplicated as its diagram draws it, for writers other than the
   * diagram's (the JSON trace model) to agree with it. Applying it twice changes nothing.
   */
  public static Trace drawn(Trace trace) {
    return DrawnTrace.of(trace,
        drawing(trace).drawnNames(SequenceBuilder.participantsOf(trace)));
  }

  /** The profile a trace is drawn with: its project's vocabulary. */
  private static ProjectProfile drawing(Trace trace) {
    return Projects.named(trace.project()).drawing();
  }
}
