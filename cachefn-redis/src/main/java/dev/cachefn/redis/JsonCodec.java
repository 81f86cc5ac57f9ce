package dev.cachefn.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The default {@link Codec}: JSON with Jackson. A value is stored as {@code {"@type":"<class>","value":...}},
 * so that caches of any value type can share one storage and a value comes back as the class it was stored
 * as. Generic containers come back with JSON's own element types (a {@code List<User>} as a list of maps):
 * cache such values in a record or class that names its element types.
 *
 * <p>The class named in the stored JSON is loaded and filled by Jackson, so whoever can write to your Redis
 * chooses which classes are created. Redis is trusted like your database by default; restrict the classes
 * with {@link #create(ObjectMapper, Predicate)} if it is not. Immutable and thread-safe.
 */
public final class JsonCodec implements Codec {

  private static final String TYPE = "@type";
  private static final String VALUE = "value";

  private final ObjectMapper mapper;
  private final Predicate<String> allowedClasses;

  private JsonCodec(ObjectMapper mapper, Predicate<String> allowedClasses) {
    this.mapper = mapper;
    this.allowedClasses = allowedClasses;
  }

  /** A codec with a mapper that registers the Jackson modules found on the class path; any class allowed. */
  public static JsonCodec create() {
    return new JsonCodec(JsonMapper.builder().findAndAddModules().build(), name -> true);
  }

  /**
   * A codec with your mapper, decoding only values whose class name {@code allowedClasses} accepts.
   *
   * @throws NullPointerException if an argument is null
   */
  public static JsonCodec create(ObjectMapper mapper, Predicate<String> allowedClasses) {
    return new JsonCodec(
        Objects.requireNonNull(mapper, "mapper must not be null"),
        Objects.requireNonNull(allowedClasses, "allowedClasses must not be null"));
  }

  @Override
  public byte[] encode(Object value) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put(TYPE, value.getClass().getName());
    envelope.set(VALUE, mapper.valueToTree(value));
    try {
      return mapper.writeValueAsBytes(envelope);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public Object decode(byte[] bytes) {
    JsonNode envelope;
    try {
      envelope = mapper.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    JsonNode type = envelope == null ? null : envelope.get(TYPE);
    if (type == null || !type.isTextual() || !envelope.has(VALUE)) {
      throw new IllegalArgumentException("not a JsonCodec value: no \"" + TYPE + "\" and \"" + VALUE + "\"");
    }
    String className = type.asText();
    if (!allowedClasses.test(className)) {
      throw new IllegalArgumentException("class " + className + " is not allowed by this JsonCodec");
    }
    Class<?> valueClass;
    try {
      valueClass = Class.forName(className, false, classLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("class " + className + " is not on the class path", e);
    }
    try {
      return mapper.treeToValue(envelope.get(VALUE), valueClass);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : JsonCodec.class.getClassLoader();
  }

  @Override
  public String toString() {
    return "JsonCodec";
  }
}
