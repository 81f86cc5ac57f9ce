package dev.cachefn.jcache;

import dev.cachefn.Ticker;
import java.util.Objects;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A JCache configuration with CacheFn's own settings on top of {@link MutableConfiguration}. Pass it to
 * {@code CacheManager.createCache} like any configuration; other providers read it as a plain
 * {@code MutableConfiguration}.
 *
 * <ul>
 *   <li>{@link #setTicker(Ticker)}: the clock that expiry policies are measured on (default
 *       {@link Ticker#system()}); tests pass a ticker they advance by hand.
 * </ul>
 *
 * <p>Not thread-safe, like {@code MutableConfiguration}; the cache copies it when created.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class CacheFnConfiguration<K, V> extends MutableConfiguration<K, V> {

  private static final long serialVersionUID = 1L;

  private transient Ticker ticker = Ticker.system();

  /** A configuration with JCache's defaults and the system ticker. */
  public CacheFnConfiguration() {}

  /** A copy of {@code configuration}; CacheFn settings are copied too when it is a {@code CacheFnConfiguration}. */
  public CacheFnConfiguration(CompleteConfiguration<K, V> configuration) {
    super(configuration);
    if (configuration instanceof CacheFnConfiguration<K, V> cacheFn) {
      this.ticker = cacheFn.ticker;
    }
  }

  /** The clock expiry is measured on. */
  public Ticker getTicker() {
    return ticker == null ? Ticker.system() : ticker;
  }

  /**
   * Sets the clock expiry is measured on.
   *
   * @throws NullPointerException if {@code ticker} is null
   */
  public CacheFnConfiguration<K, V> setTicker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && (!(o instanceof CacheFnConfiguration<?, ?> other) || getTicker() == other.getTicker());
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
