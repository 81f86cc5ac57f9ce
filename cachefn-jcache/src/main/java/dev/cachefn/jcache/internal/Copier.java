package dev.cachefn.jcache.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import javax.cache.CacheException;

/**
 * How a cache keeps the keys and values it is given: by reference, or by value through a serialization copy
 * (so that a caller mutating its object afterwards does not change the cache). Thread-safe.
 */
abstract class Copier {

  /** Store-by-reference: the object itself. */
  static final Copier IDENTITY = new Copier() {
    @Override
    <T> T copy(T value) {
      return value;
    }
  };

  /** Store-by-value: a copy made by serializing and deserializing, resolving classes with {@code loader}. */
  static Copier serializing(ClassLoader loader) {
    return new Serializing(loader);
  }

  /**
   * Returns a copy of {@code value} (or {@code value} itself for immutable or by-reference storage).
   *
   * @throws IllegalArgumentException if a by-value copy is needed and {@code value} is not serializable
   */
  abstract <T> T copy(T value);

  private static final class Serializing extends Copier {
    private static final Set<Class<?>> IMMUTABLE = Set.of(
        String.class, Integer.class, Long.class, Short.class, Byte.class, Character.class, Boolean.class,
        Double.class, Float.class, BigInteger.class, BigDecimal.class, Class.class);

    private final ClassLoader loader;

    Serializing(ClassLoader loader) {
      this.loader = loader;
    }

    @Override
    @SuppressWarnings("unchecked")
    <T> T copy(T value) {
      if (IMMUTABLE.contains(value.getClass()) || value instanceof Enum<?>) {
        return value;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      } catch (NotSerializableException e) {
        throw new IllegalArgumentException(
            "store-by-value needs a serializable object, got " + value.getClass().getName(), e);
      } catch (IOException e) {
        throw new CacheException("could not copy a " + value.getClass().getName() + " for store-by-value", e);
      }
      try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), loader)) {
        return (T) in.readObject();
      } catch (IOException | ClassNotFoundException e) {
        throw new CacheException("could not copy a " + value.getClass().getName() + " for store-by-value", e);
      }
    }
  }

  /** Resolves classes with the cache manager's class loader first. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException notThere) {
        return super.resolveClass(desc);
      }
    }
  }
}
