package dev.cachefn.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * A per-application registry that behaves as WildFly 39's does: its plain calls ({@code gauge(name, tags, ...)},
 * {@code more().counter(name, tags, ...)}), searches and removals go to the server's registry, while meters that
 * builders register stay in this one, which nothing exports.
 */
final class PlainCallsOnlyRegistry extends SimpleMeterRegistry {

  /** What the server exports. */
  final MeterRegistry exported = new SimpleMeterRegistry();
  private final More more = new More() {
    @Override
    public <T> FunctionCounter counter(String name, Iterable<Tag> tags, T obj, ToDoubleFunction<T> countFunction) {
      return exported.more().counter(name, tags, obj, countFunction);
    }
  };

  @Override
  public <T> T gauge(String name, Iterable<Tag> tags, T stateObject, ToDoubleFunction<T> valueFunction) {
    return exported.gauge(name, tags, stateObject, valueFunction);
  }

  @Override
  public More more() {
    return more;
  }

  @Override
  public Search find(String name) {
    return exported.find(name);
  }

  @Override
  public Meter remove(Meter meter) {
    return exported.remove(meter.getId());
  }
}
