package dev.cachefn.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.jcache.internal.JCacheCache;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CacheFn as Hibernate ORM's second-level cache, through {@code hibernate-jcache}, on an in-memory H2
 * database: the configuration the README shows.
 */
class HibernateSecondLevelCacheTest {

  /** A cached entity. */
  @Entity(name = "Book")
  @Cacheable
  @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
  public static class Book {
    @Id
    Long id;
    String title;

    protected Book() {}

    Book(Long id, String title) {
      this.id = id;
      this.title = title;
    }
  }

  /** One session factory for the class: building it is most of the test's time. Each test has its own book. */
  private static SessionFactory sessions;

  @BeforeAll
  static void startHibernate() {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.connection.url", "jdbc:h2:mem:books;DB_CLOSE_DELAY=-1")
        .applySetting("hibernate.hbm2ddl.auto", "create-drop")
        .applySetting("hibernate.cache.use_second_level_cache", "true")
        .applySetting("hibernate.cache.region.factory_class", "jcache")
        .applySetting("hibernate.javax.cache.provider", CacheFnCachingProvider.class.getName())
        .applySetting("hibernate.javax.cache.missing_cache_strategy", "create")
        .applySetting("hibernate.generate_statistics", "true")
        .build();
    sessions = new MetadataSources(registry).addAnnotatedClass(Book.class).buildMetadata().buildSessionFactory();
  }

  @AfterAll
  static void stopHibernate() {
    sessions.close();
  }

  @Test
  void aLoadedEntityIsServedFromCacheFnWithoutAQuery() {
    sessions.inTransaction(session -> session.persist(new Book(1L, "The Art of Computer Programming")));
    Statistics statistics = sessions.getStatistics();
    statistics.clear();

    String first = sessions.fromSession(session -> session.find(Book.class, 1L).title);
    String second = sessions.fromSession(session -> session.find(Book.class, 1L).title);

    assertThat(first).isEqualTo("The Art of Computer Programming");
    assertThat(second).isEqualTo(first);
    assertThat(statistics.getSecondLevelCacheHitCount()).isEqualTo(2); // the persist put the book in the cache
    assertThat(statistics.getPrepareStatementCount()).isZero();

    CacheManager manager = Caching.getCachingProvider(CacheFnCachingProvider.class.getName()).getCacheManager();
    javax.cache.Cache<Object, Object> region = manager.getCache(Book.class.getName());
    assertThat(region).as("the entity region lives in CacheFn's cache manager").isNotNull();
    assertThat(region.unwrap(JCacheCache.class)).isNotNull();
    assertThat(region.iterator().hasNext()).isTrue();
  }

  @Test
  void anUpdateReachesTheCachedEntity() {
    sessions.inTransaction(session -> session.persist(new Book(2L, "Draft")));
    sessions.inTransaction(session -> session.find(Book.class, 2L).title = "Final");
    Statistics statistics = sessions.getStatistics();
    statistics.clear();

    String title = sessions.fromSession(session -> session.find(Book.class, 2L).title);

    assertThat(title).isEqualTo("Final");
    assertThat(statistics.getSecondLevelCacheHitCount()).isEqualTo(1);
    assertThat(statistics.getPrepareStatementCount()).isZero();
  }
}
