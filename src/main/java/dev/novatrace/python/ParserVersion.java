package dev.novatrace.python;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.antlr.v4.runtime.RuntimeMetaData;

/**
 * What a stored parse depends on, as one short hash: the class files of this package (the
 * parser ANTLR generated from the grammar, the builders that make our AST of its trees, the AST
 * records themselves, the decoder of source bytes and {@link AstCodec}) and the ANTLR runtime's
 * version. Any change to any of them, even one a hand-bumped number would have missed, starts a
 * new cache; an unchanged build (the jar is reproducible) keeps the old one.
 */
final class ParserVersion {

  private static final String PACKAGE = "dev/novatrace/python/";

  private ParserVersion() {}

  /** Computed once: about a megabyte of class files, hashed in a few milliseconds. */
  private static final class Holder {
    static final Optional<String> VERSION = compute();
  }

  /** The version, or empty when this build's classes cannot be found (then nothing is cached). */
  static Optional<String> current() {
    return Holder.VERSION;
  }

  private static Optional<String> compute() {
    try {
      CodeSource source = ParserVersion.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path where = Path.of(source.getLocation().toURI());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(RuntimeMetaData.VERSION.getBytes(StandardCharsets.UTF_8));
      if (Files.isDirectory(where)) {
        hashFolder(where, sha);
      } else {
        hashJar(where, sha);
      }
      return Optional.of(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException
        | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void hashFolder(Path classes, MessageDigest sha) throws IOException {
    Path dir = classes.resolve(PACKAGE);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path f : files) {
      sha.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(f));
    }
  }

  private static void hashJar(Path jar, MessageDigest sha) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<JarEntry> entries = new ArrayList<>();
      for (JarEntry e : Collections.list(file.entries())) {
        if (e.getName().startsWith(PACKAGE) && e.getName().endsWith(".class")) {
          entries.add(e);
        }
      }
      entries.sort(Comparator.comparing(JarEntry::getName));
      for (JarEntry e : entries) {
        sha.update(e.getName().substring(PACKAGE.length())
            .getBytes(StandardCharsets.UTF_8));
        try (InputStream in = file.getInputStream(e)) {
          sha.update(in.readAllBytes());
        }
      }
    }
  }
}
