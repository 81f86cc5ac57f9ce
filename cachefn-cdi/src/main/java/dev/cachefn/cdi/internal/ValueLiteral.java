package dev.cachefn.cdi.internal;

import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.annotation.Annotation;
import java.util.Objects;

/**
 * What the literals of cachefn-cdi's qualifiers share ({@code CacheName.Literal}, {@code CacheEventKind.Literal},
 * {@code BindingCacheName.Literal}): an instance of an annotation whose one member is {@code value}. A literal
 * extends this class and implements its annotation; this class holds the value (never null) and implements the
 * annotation's {@code value()}. {@link AnnotationLiteral} gives {@code equals}, {@code hashCode} and
 * {@code toString} as {@link Annotation} specifies them, by reading the annotation's members.
 *
 * <p>{@code AnnotationLiteral} would learn the annotation type from the type argument of its direct subclass,
 * which is this class for every literal; {@link #annotationType()} returns the annotation the literal implements
 * instead. It reads no field: before CDI 4.1 (OpenWebBeans in TomEE 9, say) {@code AnnotationLiteral}'s own
 * constructor calls it, before this class's fields are set. Immutable.
 *
 * @param <A> the annotation
 * @param <V> the type of its {@code value} member
 */
public abstract class ValueLiteral<A extends Annotation, V> extends AnnotationLiteral<A> {

  private static final long serialVersionUID = 1L;

  private final V value;

  /**
   * A literal with {@code value}.
   *
   * @param parameter the factory's parameter, named when {@code value} is null
   * @throws NullPointerException if {@code value} is null
   */
  protected ValueLiteral(String parameter, V value) {
    this.value = Objects.requireNonNull(value, () -> parameter + " must not be null");
  }

  /** The annotation's {@code value}. */
  public V value() {
    return value;
  }

  /** The annotation that the literal's class implements. */
  @Override
  public Class<? extends Annotation> annotationType() {
    for (Class<?> type : getClass().getInterfaces()) {
      if (type.isAnnotation()) {
        return type.asSubclass(Annotation.class);
      }
    }
    throw new IllegalStateException(getClass().getName() + " implements no annotation");
  }
}
