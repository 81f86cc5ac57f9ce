package dev.cachefn.demo;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.InvalidateTags;
import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's reads and writes, with CacheFn between them and the slow {@link ProductRepository}.
 *
 * <p>A product is cached in {@code products} under its id and tagged {@code product:<id>}; a category's
 * listing in {@code categories}, tagged {@code category:<name>}, for a minute. Saving a product invalidates
 * both tags (in every cache, so the product's stock goes too) and, when the product changes category, the
 * old category's listing.
 */
@ApplicationScoped
public class Catalog {

  @Inject ProductRepository repository;
  @Inject @CacheName("products") Cache<Product> products;
  @Inject @CacheName("categories") Cache<List<Product>> categories;

  /** One product; memoized with the TTL that {@code cachefn.cache.products.default-ttl} sets. */
  @Memoize(cache = "products", tags = "product:{id}")
  public Optional<Product> product(long id) {
    return repository.find(id);
  }

  @Memoize(cache = "categories", ttl = "1m", tags = "category:{category}")
  public List<Product> category(String category) {
    return repository.findByCategory(category);
  }

  /**
   * Many products at once: the cached ones in one {@code getMany}, the others from the repository in one call,
   * then cached with {@code setMany} (tagged with their category, so that a write to the category drops them).
   */
  public List<Product> products(List<Long> ids) {
    List<String> keys = ids.stream().map(String::valueOf).toList();
    Map<String, Product> cached = products.getMany(keys);
    List<Long> missing = ids.stream().filter(id -> !cached.containsKey(String.valueOf(id))).distinct().toList();
    Map<String, Product> loaded = new LinkedHashMap<>();
    if (!missing.isEmpty()) {
      Map<String, Map<String, Product>> byCategory = new LinkedHashMap<>();
      repository.findAll(missing).forEach((id, product) -> {
        loaded.put(String.valueOf(id), product);
        byCategory.computeIfAbsent(product.category(), c -> new LinkedHashMap<>()).put(String.valueOf(id), product);
      });
      byCategory.forEach((category, entries) ->
          products.setMany(entries, SetOptions.tags("category:" + category)));
    }
    List<Product> result = new ArrayList<>();
    for (String key : keys) {
      Product product = cached.containsKey(key) ? cached.get(key) : loaded.get(key);
      if (product != null) {
        result.add(product);
      }
    }
    return result;
  }

  /** Stores {@code product} under {@code id}; what was cached about it is invalidated once the save succeeds. */
  @InvalidateTags({"product:{id}", "category:{product.category}"})
  public Product save(long id, Product product) {
    Product stored = new Product(id, product.name(), product.category(), product.price());
    repository.save(stored).ifPresent(previous -> {
      if (!previous.category().equals(stored.category())) {
        categories.invalidateByTag("category:" + previous.category());
      }
    });
    return stored;
  }
}
