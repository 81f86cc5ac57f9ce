package dev.cachefn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link SetOptions#withTagsWhenStored}: tags made when read, not when the options are made. */
class SetOptionsTagsWhenStoredTest {

  @Test
  void theTagsAreMadeOnTheFirstReadAndNotBefore() {
    AtomicInteger made = new AtomicInteger();
    SetOptions options = SetOptions.ttl(Duration.ofMinutes(1))
        .withTagsWhenStored(() -> {
          made.incrementAndGet();
          return List.of("user:7", "users", "user:7");
        });
    assertThat(made).hasValue(0);

    assertThat(options.tags()).containsExactly("user:7", "users");
    assertThat(options.tags()).containsExactly("user:7", "users");
    assertThat(made).as("once per copy").hasValue(1);
    assertThat(options.ttl()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void copiesKeepTheSourceUntilOtherTagsReplaceIt() {
    SetOptions lazy = SetOptions.none().withTagsWhenStored(() -> List.of("a"));

    assertThat(lazy.withTtl(Duration.ofSeconds(5)).tags()).containsExactly("a");
    assertThat(lazy.withFetchTimeout(Duration.ofSeconds(1)).tags()).containsExactly("a");
    assertThat(lazy.withTags("b").tags()).containsExactly("b");
    assertThat(SetOptions.tags("b").withTagsWhenStored(() -> List.of("c")).tags()).containsExactly("c");
  }

  @Test
  void equalityComparesTheTagsMade() {
    assertThat(SetOptions.none().withTagsWhenStored(() -> List.of("a", "b")))
        .isEqualTo(SetOptions.tags("a", "b"))
        .hasSameHashCodeAs(SetOptions.tags("a", "b"))
        .hasToString(SetOptions.tags("a", "b").toString());
  }

  @Test
  void badTagsAreRejectedWhenRead() {
    SetOptions empty = SetOptions.none().withTagsWhenStored(() -> List.of("ok", ""));
    SetOptions withNull = SetOptions.none().withTagsWhenStored(() -> Arrays.asList("ok", null));

    assertThatThrownBy(empty::tags).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
    assertThatThrownBy(withNull::tags).isInstanceOf(NullPointerException.class).hasMessageContaining("tags");
    assertThatThrownBy(() -> SetOptions.none().withTagsWhenStored(null)).isInstanceOf(NullPointerException.class);
  }
}
