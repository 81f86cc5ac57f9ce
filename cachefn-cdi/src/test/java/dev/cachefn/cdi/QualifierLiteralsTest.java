package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.spi.BindingCacheName;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

/** The qualifier literals are annotations by {@link Annotation}'s contract: equal to the real ones, same hash. */
class QualifierLiteralsTest {

  @CacheName("users")
  @CacheEventKind(CacheEventType.EVICTION)
  @BindingCacheName("users")
  private static final class Annotated {}

  @Test
  void eachLiteralEqualsTheAnnotationWrittenInCodeAndHashesAlike() {
    assertSameAnnotation(CacheName.Literal.of("users"), Annotated.class.getAnnotation(CacheName.class));
    assertSameAnnotation(CacheEventKind.Literal.of(CacheEventType.EVICTION),
        Annotated.class.getAnnotation(CacheEventKind.class));
    assertSameAnnotation(BindingCacheName.Literal.of("users"), Annotated.class.getAnnotation(BindingCacheName.class));
  }

  @Test
  void literalsOfOtherValuesOrOtherAnnotationsDiffer() {
    assertThat(CacheName.Literal.of("users")).isNotEqualTo(CacheName.Literal.of("orders"))
        .isNotEqualTo(BindingCacheName.Literal.of("users"));
    assertThat(CacheEventKind.Literal.of(CacheEventType.EVICTION))
        .isNotEqualTo(CacheEventKind.Literal.of(CacheEventType.SET));
  }

  @Test
  void aNullValueIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> CacheName.Literal.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("name must not be null");
    assertThatThrownBy(() -> CacheEventKind.Literal.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("type must not be null");
  }

  private static void assertSameAnnotation(Annotation literal, Annotation written) {
    assertThat(literal.annotationType()).isEqualTo(written.annotationType());
    assertThat(literal).isEqualTo(written);
    assertThat(written).isEqualTo(literal);
    assertThat(literal.hashCode()).isEqualTo(written.hashCode());
    assertThat(literal.toString()).contains(written.annotationType().getName());
  }
}
