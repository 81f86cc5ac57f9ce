package dev.cachefn.benchmarks.arc;

/** The body of the cached rows: {@link Users#load}, counted, so that the setup can tell that later calls hit. */
public abstract class CountedLoads {

  private int loads;

  String load(String id) {
    loads++;
    return Users.load(id);
  }

  /** How often the method body ran: once per id when every later call hits. */
  public int loads() {
    return loads;
  }
}
