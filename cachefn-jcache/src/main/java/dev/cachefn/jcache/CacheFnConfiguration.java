package dev.cachefn.jcache;

import dev.cachefn.CacheOptions;
import dev.cachefn.CacheOptions;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A JCache configuration with CacheFn's own settings on top of {@link MutableConfiguration}. Pass it to
 * {@code CacheManager.createCache} like any configuration; other providers read it as a plain
 * {@code MutableConfiguration}.
 *
 * <ul>
 *   <li>{@link #setMaxSize(long)}: the most entries the cache keeps (default: no bound); past it, one is
 *       evicted by the eviction policy. An eviction fires no event and calls no {@code CacheWriter}; it counts
 *       in the statistics' {@code CacheEvictions}.
 *   <li>{@link #setEvictionPolicy(EvictionPolicy)}: which entry goes past {@code maxSize} (default
 *       {@link EvictionPolicy#ADAPTIVE_FREQUENCY}, {@link CacheOptions#DEFAULT_EVICTION_POLICY}; {@link
 *       EvictionPolicy#LRU} for exact least-recently-used).
 *   <li>{@link #setTagger(BiFunction)}: the CacheFn tags of each entry written, computed from its key and
 *       value, so that {@code cache.unwrap(dev.cachefn.Cache.class).invalidateByTag(...)} reaches it.
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
  private EvictionPolicy evictionPolicy = CacheOptions.DEFAULT_EVICTION_POLICY;
  private transient BiFunction<? super K, ? super V, ? extends Collection<String>> tagger = NO_TAGS;

  private static final BiFunction<Object, Object, Collection<String>> NO_TAGS = (key, value) -> List.of();

  /** A configuration with JCache's defaults and the system ticker. */
  public CacheFnConfiguration() {}

  /** A copy of {@code configuration}; CacheFn settings are copied too when it is a {@code CacheFnConfiguration}. */
  public CacheFnConfiguration(CompleteConfiguration<K, V> configuration) {
    super(configuration);
    if (configuration instanceof CacheFnConfiguration<K, V> cacheFn) {
      this.ticker = cacheFn.ticker;
      this.maxSize = cacheFn.maxSize;
      this.evictionPolicy = cacheFn.evictionPolicy;
      this.tagger = cacheFn.tagger;
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
    this.maxSize = CacheOptions.requireMaxSize(maxSize, "");
    return this;
  }

  /** Which entry is evicted past {@code maxSize}; {@link CacheOptions#DEFAULT_EVICTION_POLICY} unless set. */
  public EvictionPolicy getEvictionPolicy() {
    return evictionPolicy;
  }

  /**
   * Sets which entry is evicted past {@code maxSize}.
   *
   * @throws NullPointerException if {@code evictionPolicy} is null
   */
  public CacheFnConfiguration<K, V> setEvictionPolicy(EvictionPolicy evictionPolicy) {
    this.evictionPolicy = Objects.requireNonNull(evictionPolicy, "evictionPolicy must not be null");
    return this;
  }

  /** The function that gives each written entry its CacheFn tags; none unless set. */
  public BiFunction<? super K, ? super V, ? extends Collection<String>> getTagger() {
    return tagger == null ? NO_TAGS : tagger;
  }

  /**
   * Tags every entry the cache stores (a put, a load, an entry processor's {@code setValue}) with the tags
   * {@code tagger} returns for its key and value, e.g. {@code (id, order) -> List.of("customer:" +
   * order.customerId())}. The CacheFn view, {@code cache.unwrap(dev.cachefn.Cache.class)}, then invalidates
   * by those tags. If the tagger throws, the write fails with a {@code CacheException} and the key's old
   * entry is removed, so that no stale value stays behind.
   *
   * @throws NullPointerException if {@code tagger} is null
   */
  public CacheFnConfiguration<K, V> setTagger(BiFunction<? super K, ? super V, ? extends Collection<String>> tagger) {
    this.tagger = Objects.requireNonNull(tagger, "tagger must not be null");
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
        || (getTicker() == other.getTicker() && maxSize == other.maxSize
            && evictionPolicy == other.evictionPolicy && getTagger() == other.getTagger()));
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
