package dev.novatrace.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The git blob id of some bytes (SHA-1 of {@code "blob <size>\0"} and the bytes). A folder's file
 * gets the same id git gives it, so one cache serves folders and git trees alike.
 */
public final class BlobId {
  private BlobId() {}

  public static String of(byte[] bytes) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }
}
