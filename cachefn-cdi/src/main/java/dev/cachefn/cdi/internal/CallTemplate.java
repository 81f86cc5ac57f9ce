package dev.cachefn.cdi.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A tag or pattern template such as {@code user:{id}} or {@code team:{user.team.id}:*}, resolved against a
 * method once (parameters and property accessors are looked up at start-up) and rendered per call.
 *
 * <p>{@code {name}} reads a parameter by name (the class must be compiled with {@code -parameters}, Kotlin with
 * {@code -java-parameters}), {@code {0}} by position (a {@code suspend} fun's continuation is no parameter);
 * {@code .property} reads a public accessor {@code property()}, {@code getProperty()}, {@code isProperty()} or a
 * public field. A {@code null} renders as {@code null}.
 */
final class CallTemplate {

  private final String text;
  private final List<Object> parts; // String literals and References
  private final boolean literal;

  private CallTemplate(String text, List<Object> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
    this.literal = parts.stream().allMatch(String.class::isInstance);
  }

  /**
   * Resolves {@code text} against {@code method}.
   *
   * @throws IllegalArgumentException naming the template and what it refers to that does not exist
   */
  static CallTemplate parse(String text, Method method) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a template must not be empty");
    }
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        throw new IllegalArgumentException("template '" + text + "' has a '}' without '{' at index " + i);
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = text.indexOf('}', i);
      if (close < 0) {
        throw new IllegalArgumentException("template '" + text + "' has a '{' never closed by '}' at index " + i);
      }
      if (literal.length() > 0) {
        parts.add(literal.toString());
        literal.setLength(0);
      }
      parts.add(Reference.resolve(text, text.substring(i + 1, close), method));
      i = close + 1;
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return new CallTemplate(text, parts);
  }

  /** Whether the template reads no parameter. */
  boolean isLiteral() {
    return literal;
  }

  /** The template's text, or the text it renders when it is literal. */
  String text() {
    return text;
  }

  /**
   * Renders the template for one call.
   *
   * @param escapeGlob whether values are escaped for a glob pattern ({@code *}, {@code ?}, {@code [},
   *     {@code ]}, {@code \} get a {@code \}), so that a value never widens a pattern
   */
  String render(@Nullable Object[] arguments, boolean escapeGlob) {
    if (literal) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (Object part : parts) {
      if (part instanceof String s) {
        out.append(s);
      } else {
        String value = String.valueOf(((Reference) part).read(arguments));
        if (escapeGlob) {
          for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
              out.append('\\');
            }
            out.append(c);
          }
        } else {
          out.append(value);
        }
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }

  /** {@code {param.property.property}}: a parameter and a chain of accessors. */
  private static final class Reference {
    final int parameter;
    final List<Member> accessors;

    private Reference(int parameter, List<Member> accessors) {
      this.parameter = parameter;
      this.accessors = accessors;
    }

    static Reference resolve(String template, String expression, Method method) {
      String[] path = expression.trim().split("\\.", -1);
      // the arguments of the call: a suspend fun's trailing continuation is none
      Parameter[] parameters = Arrays.copyOf(method.getParameters(), SuspendingMethods.argumentCount(method));
      int index = indexOf(path[0], parameters);
      if (index < 0) {
        String known = Arrays.stream(parameters)
            .map(p -> p.isNamePresent() ? p.getName() : "{" + Arrays.asList(parameters).indexOf(p) + "}")
            .collect(Collectors.joining(", ", "[", "]"));
        boolean unnamed = parameters.length > 0 && !parameters[0].isNamePresent();
        throw new IllegalArgumentException("template '" + template + "' refers to '{" + expression
            + "}', but the method has no parameter '" + path[0] + "'; its parameters: " + known
            + (unnamed ? "; " + KotlinSource.parameterNamesHint(method) : ""));
      }
      List<Member> accessors = new ArrayList<>();
      Class<?> type = parameters[index].getType();
      for (int i = 1; i < path.length; i++) {
        Member accessor = accessor(type, path[i]);
        if (accessor == null) {
          throw new IllegalArgumentException("template '" + template + "' refers to '{" + expression
              + "}', but " + type.getName() + " has no public property '" + path[i] + "' (a method "
              + path[i] + "(), get" + capitalized(path[i]) + "(), is" + capitalized(path[i]) + "() or a field)");
        }
        accessors.add(accessor);
        type = accessor instanceof Method m ? m.getReturnType() : ((Field) accessor).getType();
      }
      return new Reference(index, List.copyOf(accessors));
    }

    private static int indexOf(String name, Parameter[] parameters) {
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(name);
        return index < parameters.length ? index : -1;
      }
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i].isNamePresent() && parameters[i].getName().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    private static @Nullable Member accessor(Class<?> type, String property) {
      if (property.isEmpty()) {
        return null;
      }
      for (String name : List.of(property, "get" + capitalized(property), "is" + capitalized(property))) {
        try {
          Method method = type.getMethod(name);
          if (method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())) {
            method.trySetAccessible();
            return method;
          }
        } catch (NoSuchMethodException ignored) {
          // try the next form
        }
      }
      try {
        Field field = type.getField(property);
        if (!Modifier.isStatic(field.getModifiers())) {
          field.trySetAccessible();
          return field;
        }
      } catch (NoSuchFieldException ignored) {
        // none
      }
      return null;
    }

    private static String capitalized(String property) {
      return property.isEmpty() ? property : property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    }

    @Nullable Object read(@Nullable Object[] arguments) {
      Object value = arguments[parameter];
      for (Member accessor : accessors) {
        if (value == null) {
          return null;
        }
        try {
          value = accessor instanceof Method m ? m.invoke(value) : ((Field) accessor).get(value);
        } catch (InvocationTargetException e) {
          throw new IllegalStateException("reading " + accessor + " for a cache template failed", e.getCause());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + accessor + " for a cache template", e);
        }
      }
      return value;
    }
  }
}
