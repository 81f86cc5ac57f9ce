package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags that read a call's arguments are rendered when a result is stored, never on a hit. */
class MemoizeHitTagsTest {

  /** Counts the reads of {@code owner}, which the tag template reads; the key does not. */
  public record Account(String id, String owner) {
    static final AtomicInteger OWNER_READS = new AtomicInteger();

    @Override
    public String owner() {
      OWNER_READS.incrementAndGet();
      return owner;
    }
  }

  @ApplicationScoped
  public static class Ledger {
    private final AtomicInteger calls = new AtomicInteger();

    int calls() {
      return calls.get();
    }

    @Memoize(cache = "balances", tags = {"ledger", "owner:{account.owner}"})
    public long balance(Account account) {
      calls.incrementAndGet();
      return 100;
    }
  }

  private CdiApp app;
  private Ledger ledger;
  private NamedCaches caches;

  @BeforeEach
  void start() {
    Account.OWNER_READS.set(0);
    app = CdiApp.start(Ledger.class);
    ledger = app.bean(Ledger.class);
    caches = app.bean(NamedCaches.class);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aMissRendersTheTagsOnceAndHitsRenderNothing() {
    Account account = new Account("a-1", "ada");

    assertThat(ledger.balance(account)).isEqualTo(100);
    assertThat(Account.OWNER_READS.get()).as("rendered for the miss").isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      assertThat(ledger.balance(account)).isEqualTo(100);
    }

    assertThat(ledger.calls()).isEqualTo(1);
    assertThat(Account.OWNER_READS.get()).as("hits render no tag").isEqualTo(1);
    assertThat(caches.get("balances").invalidateByTag("owner:ada")).as("the stored entry carries the tag").isEqualTo(1);

    ledger.balance(account);
    assertThat(Account.OWNER_READS.get()).as("the next miss renders again").isEqualTo(2);
    assertThat(caches.get("balances").invalidateByTag("ledger")).isEqualTo(1);
  }
}
