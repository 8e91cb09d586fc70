package dev.novatrace.config;

import java.util.List;
import java.util.Locale;

/**
 * The caller a policy is evaluated for, least privileged first. A token carries the roles its
 * role implies, as Keystone's bootstrap makes them imply one another: admin implies manager,
 * manager implies member, member implies reader (the manager role and its place between admin
 * and member follow Keystone's "default manager role" specification).
 */
public enum Role {
  READER, MEMBER, MANAGER, ADMIN;

  /** {@code member}, as a check string and {@code --role} name it. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role names a token of this role carries: its own and every one it implies. */
  public List<String> carried() {
    return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal())
        .map(Role::roleName).toList();
  }

  /**
   * The role named {@code name} (any case).
   *
   * @throws IllegalArgumentException naming the roles there are
   */
  public static Role parse(String name) {
    for (Role r : values()) {
      if (r.roleName().equalsIgnoreCase(name.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name
        + "' (one of reader, member, manager, admin)");
  }
}
