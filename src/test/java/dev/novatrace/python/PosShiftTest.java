package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * PosShift must give exactly the tree the parser gives for the text moved down: checked by
 * parsing each file once as it is and once behind a two-line prefix, on a fixture here and on
 * every Nova snapshot there is. A reflective walk besides catches a record component it forgets.
 */
class PosShiftTest {

  static final String PREFIX = "# shifted\n\n";
  static final int PREFIX_LINES = 2;
  // Pos offsets are UTF-16 indices into the text, so the shift in chars is the prefix's length.
  static final int PREFIX_CHARS = PREFIX.length();

  static final String FIXTURE = String.join("\n",
      "\"\"\"Module docstring with é and 😀.\"\"\"",
      "import os, sys as system",
      "from ..pkg.mod import (a, b as c)",
      "from . import *",
      "type Alias = list[int]",
      "X: int = 1",
      "Y: 'str'",
      "x = y = {'k': 1, **extra}",
      "x += 2",
      "del x, y",
      "assert x, 'msg'",
      "",
      "",
      "@decorate(arg=1)",
      "class Thing(Base, metaclass=Meta):",
      "    attr: dict[str, int] = {}",
      "",
      "    @staticmethod",
      "    @other.deco",
      "    async def run(self, a, /, b: int = 2, *args: str, c=lambda q, r=1: q + r, **kw) -> None:",
      "        global G",
      "        async with open(a) as f, lock:",
      "            async for item in f:",
      "                await item",
      "        with ctx():",
      "            pass",
      "        squares = [i * i for i in range(10) if i % 2 if i > 1 for j in 'ab']",
      "        table = {k: v for k, v in pairs}",
      "        unique = {s for s in seq}",
      "        total = sum(n for n in nums)",
      "        msg = f'{self.name!r:>{width}} is {total}'",
      "        if (n := len(squares)) > 3 and not unique or n is not None:",
      "            return squares[1:n:2], table[::], unique[a, *b]",
      "        elif n in (1, 2) < 3:",
      "            yield from other()",
      "        else:",
      "            value = yield",
      "        first, *rest = call(*args, **kw)",
      "        return -n if n else ~n ** 2",
      "",
      "",
      "def outer():",
      "    x = 1",
      "",
      "    def inner():",
      "        nonlocal x",
      "        x = x @ x",
      "    while x:",
      "        break",
      "    else:",
      "        continue_ = ...",
      "    for i in range(3):",
      "        continue",
      "    else:",
      "        raise ValueError('no') from None",
      "    try:",
      "        risky()",
      "    except* (TypeError, KeyError) as group:",
      "        handle(group)",
      "    except* OSError:",
      "        raise",
      "    else:",
      "        done = True",
      "    finally:",
      "        cleanup(b'bytes', 0x1F, 1.5j, None, True, False)",
      "    try:",
      "        pass",
      "    except ValueError:",
      "        pass",
      "    except:",
      "        pass",
      "",
      "",
      "match command.split():",
      "    case [action]:",
      "        pass",
      "    case ['go', direction] if direction in dirs:",
      "        move(direction)",
      "    case {'x': 0, **others} | Point(x=0, y=_):",
      "        pass",
      "    case _:",
      "        print(f\"\"\"multi",
      "line {command}\"\"\")",
      "");

  @Test
  void theFixtureShiftsLikeItParses() {
    List<Stmt> body = parse(FIXTURE);
    List<Stmt> shifted = PosShift.shift(body, PREFIX_LINES, PREFIX_CHARS);
    Set<Class<?>> seen = new HashSet<>();
    new Walk(PREFIX_LINES, PREFIX_CHARS, seen).compare(body, shifted, "body"); // first: it says where
    assertEquals(parse(PREFIX + FIXTURE), shifted);
    // The fixture must hold every kind of node, or the walk proves nothing for the missing ones.
    Set<Class<?>> all = new HashSet<>(List.of(Stmt.Alias.class, Stmt.WithItem.class, Stmt.Handler.class,
        Stmt.Case.class, Arg.class, Param.class));
    all.addAll(List.of(Stmt.class.getPermittedSubclasses()));
    all.addAll(List.of(Expr.class.getPermittedSubclasses()));
    all.removeAll(seen);
    assertEquals(Set.of(), all, "node types the fixture lacks");
  }

  @Test
  void negativeAndOtherShiftsAreExact() {
    List<Stmt> body = parse(PREFIX + FIXTURE);
    assertEquals(parse(FIXTURE), PosShift.shift(body, -PREFIX_LINES, -PREFIX_CHARS));
    List<Stmt> moved = PosShift.shift(body, 7, 1000);
    new Walk(7, 1000, new HashSet<>()).compare(body, moved, "body");
  }

  @Test
  void noShiftIsTheSameList() {
    List<Stmt> body = parse(FIXTURE);
    assertSame(body, PosShift.shift(body, 0, 0));
  }

  @Test
  void aPosMovesButKeepsItsColumn() {
    assertEquals(new Pos(5, 4, 110, 120), PosShift.shift(new Pos(3, 4, 10, 20), 2, 100));
  }

  @Test
  void everyNovaFileShiftsLikeItParses() throws IOException {
    Path root = NovaSnapshotsIT.baseDir().resolve("nova-snapshots");
    List<Path> trees = Stream.of("34.0.0", "22.0.1").map(v -> root.resolve(v).resolve("nova"))
        .filter(Files::isDirectory).toList();
    assumeTrue(!trees.isEmpty(), "no Nova snapshot 34.0.0 or 22.0.1 under " + root);
    for (Path tree : trees) {
      compareTree(tree);
    }
  }

  private static void compareTree(Path tree) throws IOException {
    Map<Path, String> texts = new LinkedHashMap<>();
    for (Path file : SourceParser.findPythonFiles(List.of(tree)).files()) {
      String text = usable(tree.relativize(file), file);
      if (text != null) {
        texts.put(tree.relativize(file), text);
      }
    }
    List<List<Stmt>> bodies = new ArrayList<>();
    long parseNanos = 0;
    for (Map.Entry<Path, String> e : texts.entrySet()) {
      String name = e.getKey().toString();
      long t0 = System.nanoTime();
      ParseResult plain = SourceParser.parseString(name, e.getValue());
      parseNanos += System.nanoTime() - t0;
      ParseResult moved = SourceParser.parseString(name, PREFIX + e.getValue());
      if (!plain.ok() || !moved.ok()) {
        continue;
      }
      List<Stmt> shifted = PosShift.shift(plain.module().body(), PREFIX_LINES, PREFIX_CHARS);
      new Walk(PREFIX_LINES, PREFIX_CHARS, new HashSet<>()).compare(plain.module().body(), shifted, name);
      assertTrue(moved.module().body().equals(shifted), () -> name + ": shifted tree differs from the parsed one");
      bodies.add(plain.module().body());
    }
    int compared = bodies.size();
    long shiftNanos = timeShifts(bodies);
    System.out.printf("PosShiftTest: %s: %d files compared; parsing them took %d ms, shifting them %.1f ms%n",
        tree, compared, parseNanos / 1_000_000, shiftNanos / 1e6);
    assertTrue(compared >= 500, "only " + compared + " files compared under " + tree);
  }

  /** The best of a few rounds, so the time is of compiled code rather than of the JIT warming up. */
  private static long timeShifts(List<List<Stmt>> bodies) {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      int sink = 0;
      for (List<Stmt> body : bodies) {
        sink += PosShift.shift(body, PREFIX_LINES, PREFIX_CHARS).size();
      }
      best = Math.min(best, System.nanoTime() - t0);
      assertTrue(sink >= 0);
    }
    return best;
  }

  private static final Pattern COOKIE = Pattern.compile("^[ \\t\\f]*#.*?coding[:=]");

  /**
   * The text of a non-test file, or null: a coding cookie or shebang only counts in the first two
   * lines, so such a file means something else behind the prefix.
   */
  private static String usable(Path relative, Path file) throws IOException {
    for (Path part : relative) {
      if (part.toString().equals("tests") || part.toString().startsWith("test_")) {
        return null;
      }
    }
    String text;
    try {
      text = SourceDecoder.decode(Files.readAllBytes(file));
    } catch (SourceDecoder.DecodeException e) {
      return null;
    }
    String[] head = text.split("\n", 3);
    for (int i = 0; i < Math.min(2, head.length); i++) {
      if (head[i].startsWith("#!") || COOKIE.matcher(head[i]).find()) {
        return null;
      }
    }
    return text;
  }

  static List<Stmt> parse(String text) {
    ParseResult r = SourceParser.parseString("t.py", text);
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    return r.module().body();
  }

  /**
   * Walks an original tree and its shifted copy side by side through record components: every
   * Pos and every FunctionDef.defLine must have moved, all else be equal, and every list of the
   * copy be immutable. It knows no node type by name, so a new one is walked all the same.
   */
  private record Walk(int lines, int chars, Set<Class<?>> seen) {

    void compare(Object original, Object shifted, String where) {
      if (original == null || shifted == null) {
        assertSame(original, shifted, where);
      } else if (original instanceof Pos p) {
        assertEquals(new Pos(p.line() + lines, p.column(), p.start() + chars, p.end() + chars), shifted, where);
      } else if (original instanceof List<?> list) {
        compareLists(list, (List<?>) shifted, where);
      } else if (original instanceof Record) {
        compareRecords((Record) original, (Record) shifted, where);
      } else {
        assertEquals(original, shifted, where); // strings, booleans, ints, enums
      }
    }

    private void compareLists(List<?> original, List<?> shifted, String where) {
      assertEquals(original.size(), shifted.size(), where);
      if (!shifted.isEmpty()) {
        assertThrows(UnsupportedOperationException.class, () -> shifted.set(0, null), where + " is mutable");
      }
      for (int i = 0; i < original.size(); i++) {
        compare(original.get(i), shifted.get(i), where + "[" + i + "]");
      }
    }

    private void compareRecords(Record original, Record shifted, String where) {
      assertEquals(original.getClass(), shifted.getClass(), where);
      seen.add(original.getClass());
      for (RecordComponent c : original.getClass().getRecordComponents()) {
        String at = where + "." + c.getName();
        Object a = get(c, original);
        Object b = get(c, shifted);
        if (original instanceof Stmt.FunctionDef && c.getName().equals("defLine")) {
          assertEquals((Integer) a + lines, b, at);
        } else {
          compare(a, b, at);
        }
      }
    }

    private static Object get(RecordComponent c, Record r) {
      try {
        return c.getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void theWalkNoticesAForgottenPosition() {
    List<Stmt> body = parse("f(x)\n");
    assertNotNull(body);
    Walk walk = new Walk(1, 1, new HashSet<>());
    assertThrows(AssertionError.class, () -> walk.compare(body, PosShift.shift(body, 1, 0), "body"));
  }
}
