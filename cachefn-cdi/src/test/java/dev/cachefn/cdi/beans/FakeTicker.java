package dev.cachefn.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;

/** cachefn-testkit's clock moved by hand, as a bean: it becomes the clock of every cache. Starts at 0. */
@ApplicationScoped
public class FakeTicker extends dev.cachefn.testkit.FakeTicker {

  public FakeTicker() {
    super(0);
  }
}
