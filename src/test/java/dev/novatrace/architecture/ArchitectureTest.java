package dev.novatrace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline: python → index → config → trace → detail → sequence → diagram →
 * render and diff → site and history → cli, with what every OpenStack project shares (project)
 * and each project's own package (nova, cinder: registered, never imported) plugged into trace and
 * detail, the workspace facade (workspace) assembling them, what trace writes per action (output)
 * built on it, and util/files below everything. No import runs against that flow, only cli speaks
 * picocli, and the generic stages name no OpenStack service.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.novatrace");

  private static void stage(String pkg, String... notOn) {
    String[] targets = Stream.of(notOn).map(p -> "dev.novatrace." + p + "..")
        .toArray(String[]::new);
    noClasses().that().resideInAPackage("dev.novatrace." + pkg + "..")
        .should().dependOnClassesThat().resideInAnyPackage(targets)
        .because(pkg + " comes before " + String.join(", ", notOn) + " in the pipeline")
        .check(CLASSES);
  }

  @Test
  void nothingBelowTheCommandsUsesThem() {
    assertTrue(CLASSES.size() > 100, "the classes under test were found: " + CLASSES.size());
    noClasses().that().resideOutsideOfPackage("dev.novatrace.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.novatrace.cli..")
        .check(CLASSES);
    noClasses().that().resideOutsideOfPackage("dev.novatrace.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(CLASSES);
  }

  /** JGit stays behind one adapter, as ANTLR does: the rest sees our own source sets. */
  @Test
  void onlyTheGitAdapterUsesJGit() {
    noClasses().that().resideOutsideOfPackage("dev.novatrace.files.git..")
        .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..")
        .check(CLASSES);
  }

  @Test
  void eachStageUsesOnlyTheStagesBeforeIt() {
    String[] later = {"index", "config", "trace", "detail", "sequence", "project", "nova", "cinder",
        "workspace", "output", "diagram", "render", "diff", "drift", "site", "history"};
    stage("util", later);
    stage("files", later);
    stage("python", later);
    stage("index", "config", "trace", "detail", "sequence", "project", "nova", "cinder",
        "workspace", "output", "diagram", "render", "diff", "drift", "site", "history");
    // What a deployment sets (oslo.config's options) is read from the index, before tracing.
    stage("config", "trace", "detail", "sequence", "project", "nova", "cinder", "workspace",
        "output", "diagram", "render", "diff", "drift", "site", "history");
    stage("trace", "detail", "sequence", "project", "nova", "cinder", "workspace", "output",
        "diagram", "render", "diff", "drift", "site", "history");
    stage("detail", "sequence", "project", "nova", "cinder", "workspace", "output", "diagram",
        "render", "diff", "drift", "site", "history");
    stage("sequence", "detail", "project", "nova", "cinder", "workspace", "output", "render",
        "diff", "drift", "site", "history");
    stage("diagram", "trace", "detail", "sequence", "project", "nova", "cinder", "workspace",
        "output", "render", "diff", "drift", "site", "history");
    stage("render", "trace", "detail", "sequence", "project", "nova", "cinder", "workspace",
        "output", "diff", "drift", "site", "history");
    // What every project shares comes before any project.
    stage("project", "sequence", "nova", "cinder", "workspace", "output", "diagram", "render",
        "diff", "drift", "site", "history");
    stage("workspace", "output", "diff", "drift", "site", "history");
    stage("diff", "drift", "site", "history");
    // Drift reviews hand-kept diagrams with the diff's alignment; the site and the history are
    // built from the diff and the workspace. The three sit side by side.
    stage("drift", "site", "history");
    stage("site", "drift", "history");
    stage("history", "drift", "site");
  }

  /**
   * A project is its package plus its line in the registry: it uses what every project shares
   * ({@code project}) and the stages before it, never another project, and nothing but the
   * registry (read through {@code ServiceLoader}) reaches into it.
   */
  @Test
  void projectsArePluggedInOnlyThroughTheRegistry() throws IOException {
    List<String> projects = registeredProjectPackages();
    assertTrue(projects.size() >= 2, "the registry lists the projects: " + projects);
    for (String p : projects) {
      noClasses().that().resideOutsideOfPackage(p + "..")
          .should().dependOnClassesThat().resideInAPackage(p + "..")
          .because("a project is reached only through the registry")
          .check(CLASSES);
      stage(p.substring("dev.novatrace.".length()), "sequence", "workspace", "output", "diagram",
          "render", "diff", "drift", "site", "history");
    }
  }

  /** The packages of the classes the registry lists. */
  private static List<String> registeredProjectPackages() throws IOException {
    Path services = Path.of(
        "src/main/resources/META-INF/services/dev.novatrace.project.OpenStackProject");
    return Files.readAllLines(services).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.substring(0, l.lastIndexOf('.'))).toList();
  }

  /** ANTLR stays behind the adapters that read text: the Python parser and the diagram readers. */
  @Test
  void onlyTheParsersUseAntlr() {
    noClasses().that().resideOutsideOfPackages("dev.novatrace.python..",
        "dev.novatrace.diagram.wsd..", "dev.novatrace.diagram.seqdiag..")
        .should().dependOnClassesThat().resideInAPackage("org.antlr..")
        .check(CLASSES);
  }

  /** String literals of the generic stages: none names Nova or a service it talks to. */
  @Test
  void theGenericStagesNameNoOpenStackService() throws IOException {
    Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    List<String> names = List.of("nova", "libvirt", "neutron", "cinder", "glance", "placement",
        "conductor", "scheduler");
    StringBuilder found = new StringBuilder();
    for (String pkg : List.of("trace", "detail", "sequence")) {
      // Walked, not listed: a stage split into sub-packages is scanned whole.
      try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/novatrace", pkg))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = literal.matcher(Files.readString(f));
          while (m.find()) {
            String text = m.group(1).toLowerCase(Locale.ROOT);
            names.stream().filter(text::contains)
                .forEach(n -> found.append(f).append(": \"").append(m.group(1)).append("\"\n"));
          }
        }
      }
    }
    assertTrue(found.length() == 0, found.toString());
  }
}
