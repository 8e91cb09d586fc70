package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SafeNameTest {
  private static final Pattern SAFE = Pattern.compile("[a-z0-9_][a-z0-9._-]*");

  @Test
  void namesAlreadySafeStayAsTheyAre() {
    for (String n : List.of("pause", "migrate-live", "servers-create", "34.0.0", "2025.1-eom",
        "volume_attachments", "pause.diff")) {
      assertEquals(n, SafeName.of(n));
      assertTrue(SafeName.isSafe(n), n);
    }
  }

  @Test
  void hostileNamesCannotLeaveTheirFolderNorCarryMarkup() {
    String twenty = "../".repeat(20) + "tmp/pwned_traversal";
    for (String hostile : List.of(twenty, "/tmp/pwned_abs", "..", ".", "...", ".hidden", "-rf",
        "unpause\"><svg onload=alert(2)>", "a/../../b", "C:\\Windows\\x", "a\u0000b", "\u202eexe",
        "", "   ", "ÜBER", "x".repeat(500))) {
      String safe = SafeName.of(hostile);
      assertTrue(SAFE.matcher(safe).matches(), hostile + " -> " + safe);
      assertFalse(safe.contains(".."), safe);
      assertTrue(safe.length() <= SafeName.MAX, safe);
    }
    assertEquals("tmp-pwned_traversal", SafeName.of(twenty));
    assertEquals("tmp-pwned_abs", SafeName.of("/tmp/pwned_abs"));
    assertEquals("unpause-svg-onload-alert-2", SafeName.of("unpause\"><svg onload=alert(2)>"));
  }

  @Test
  void aCutNameKeepsADigestSoTwoLongNamesDiffer() {
    String a = SafeName.of("x".repeat(300) + "a");
    String b = SafeName.of("x".repeat(300) + "b");
    assertEquals(SafeName.MAX, a.length());
    assertFalse(a.equals(b));
  }

  @Test
  void collisionsAreResolvedTheSameWayWhateverTheOrder() {
    Map<String, String> one = SafeName.distinct(List.of("Boot", "boot", "BOOT", "a/b", "a-b"));
    Map<String, String> two = SafeName.distinct(List.of("a-b", "BOOT", "a/b", "boot", "Boot"));
    assertEquals(one, two);
    assertEquals("boot", one.get("boot"));
    assertEquals("a-b", one.get("a-b"));
    assertEquals("a-b-2", one.get("a/b"));
    assertEquals(5, one.values().stream().distinct().count());
  }
}
