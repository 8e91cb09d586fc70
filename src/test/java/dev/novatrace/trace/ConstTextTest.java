package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A condition too long to show whole is shortened at a token boundary, balanced. */
class ConstTextTest {

  @Test
  void aShortTextIsKeptAsItIs() {
    assertEquals("instance.host is None", ConstText.shorten("instance.host is None"));
  }

  @Test
  void constantsLoseTheirModuleBeforeAnythingIsCut() {
    assertEquals("instance.vm_state in (SHELVED, SHELVED_OFFLOADED)",
        ConstText.shorten("instance.vm_state in (\n    vm_states.SHELVED,"
            + " vm_states.SHELVED_OFFLOADED)"));
  }

  @Test
  void theLongestArgumentListIsSaidAsDotsFirst() {
    assertEquals("not compute_utils.is_volume_backed_instance(...)",
        ConstText.shorten("not compute_utils.is_volume_backed_instance(context, instance,"
            + " bdms)"));
  }

  @Test
  void whatIsStillTooLongIsCutBetweenTokensWithItsBracketsClosed() {
    String cut = ConstText.shorten("backup.volume_id != volume.id or (old_src_backup_id"
        + " and old_src_backup_id != backup.id and backup.status == 'available')");
    assertTrue(cut.length() <= 60, cut);
    assertTrue(cut.endsWith(" ...)"), cut);
    assertEquals(cut.chars().filter(c -> c == '(').count(),
        cut.chars().filter(c -> c == ')').count(), cut);
  }

  @Test
  void aCondtionShortenedBalancedIsNegatedWithoutDoubleNegation() {
    String negated = Conditions.negated(ConstText.shorten(
        "not group_types.is_default_cgsnapshot_type(\n group.group_type_id)"));
    assertEquals("group_types.is_default_cgsnapshot_type(...)", negated);
  }

  /**
   * An operation's source range ends with its last operand, before the bracket that groups it
   * ({@code if attach_encryptor and (\n volume_types.is_encrypted(ctxt, type_id)):}): the
   * condition is closed.
   */
  @Test
  void aBracketTheSourceRangeLeftOpenIsClosed() {
    assertEquals("attach_encryptor and (volume_types.is_encrypted(...))",
        ConstText.shorten("attach_encryptor and (\n        volume_types.is_encrypted(ctxt,\n"
            + "                                  volume.volume_type_id)"));
    assertEquals("a and (b)", ConstText.shorten("a and (b"));
  }
}
