package dev.novatrace.trace;

/**
 * Told of what the resolver looks for in the tree and does not find. A file that did not parse
 * (or could not be read) is no module of the index, so this is the trail it leaves: the routes
 * that looked there are told apart from those that never did.
 */
public interface Misses {
  /** Not told: the resolver of an ordinary trace. */
  Misses NONE = new Misses() {
    @Override
    public void module(String dotted) {
      // Nobody asked.
    }

    @Override
    public void registered(String pkg) {
      // Nobody asked.
    }
  };

  /** A module looked for by dotted name ({@code nova.compute.manager}) and not in the tree. */
  void module(String dotted);

  /**
   * A class registered at run time in some module under {@code pkg} ({@code objects.Instance})
   * and found in none: any module of the package that is missing may be the one.
   */
  void registered(String pkg);
}
