package dev.cachefn.benchmarks.arc;

import org.openjdk.jmh.annotations.CompilerControl;

/** The method every row calls, here without any container: the direct call. */
public final class Users {

  /** The value a lookup of {@code id} computes: a small string build, standing in for a lookup. */
  static String load(String id) {
    return "user " + id;
  }

  /** The direct call: the method body, no cache, no container. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    return load(id);
  }
}
