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
 *   <li>{@link #setMaxSize(long)}: the most entries the cache keeps (default: no bound); past it, the least
 *       recently used entry is evicted. An eviction fires no event and calls no {@code CacheWriter}; it counts
 *       in the statistics' {@code CacheEvictions}.
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
  private long maxSize = Long.MAX_VALUE;

  /** A configuration with JCache's defaults and the system ticker. */
  public CacheFnConfiguration() {}

  /** A copy of {@code configuration}; CacheFn settings are copied too when it is a {@code CacheFnConfiguration}. */
  public CacheFnConfiguration(CompleteConfiguration<K, V> configuration) {
    super(configuration);
    if (configuration instanceof CacheFnConfiguration<K, V> cacheFn) {
      this.ticker = cacheFn.ticker;
      this.maxSize = cacheFn.maxSize;
    }
  }

  /** The most entries the cache keeps; {@link Long#MAX_VALUE} when unbounded (the default). */
  public long getMaxSize() {
    return maxSize;
  }

  /**
   * Bounds the cache to {@code maxSize} entries, evicting the least recently used (read or written) beyond it.
   *
   * @throws IllegalArgumentException if {@code maxSize} is less than 1
   */
  public CacheFnConfiguration<K, V> setMaxSize(long maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
    }
    this.maxSize = maxSize;
    return this;
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
    return super.equals(o) && (!(o instanceof CacheFnConfiguration<?, ?> other)
        || (getTicker() == other.getTicker() && maxSize == other.maxSize));
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
