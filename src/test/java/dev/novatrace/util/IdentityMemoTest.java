package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityMemoTest {
  record Node(String name) {}

  @Test
  void aKeyIsDerivedOnceAndEqualKeysStayTwo() {
    IdentityMemo<Node, List<String>> memo = new IdentityMemo<>();
    List<Node> derived = new ArrayList<>();
    Node a = new Node("f");
    Node b = new Node("f"); // equal to a, as two files with the same def are
    List<String> first = memo.get(a, n -> {
      derived.add(n);
      return List.of(n.name());
    });
    assertSame(first, memo.get(a, n -> {
      derived.add(n);
      return List.of("again");
    }));
    memo.get(b, n -> {
      derived.add(n);
      return List.of(n.name());
    });
    assertEquals(2, derived.size());
    assertSame(a, derived.get(0));
    assertSame(b, derived.get(1));
    assertEquals(2, memo.size());
  }
}
