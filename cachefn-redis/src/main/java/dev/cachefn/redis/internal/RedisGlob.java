package dev.cachefn.redis.internal;

/**
 * Writes {@code SCAN MATCH} patterns. Redis matches bytes of UTF-8, a {@link dev.cachefn.spi.GlobPattern}
 * matches Java characters, and Redis knows only {@code ^} for a negated class: so a pattern is passed on with
 * its literals escaped and its {@code *} kept, while {@code ?} and every bracket class that could meet a
 * non-ASCII character become {@code *}. The result matches every key the glob matches, and usually few
 * others; the storage filters what SCAN returns with the glob itself.
 */
final class RedisGlob {

  private static final String SPECIAL = "*?[]\\^-";
  private static final String RANGE_UNSAFE = "]\\-^";

  private RedisGlob() {}

  /** {@code text} as a pattern that matches exactly {@code text}. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      appendLiteral(out, text.charAt(i));
    }
    return out.toString();
  }

  private static void appendLiteral(StringBuilder out, char c) {
    if (SPECIAL.indexOf(c) >= 0) {
      out.append('\\');
    }
    out.append(c);
  }

  /** A Redis pattern matching every key that {@code glob} (already validated) matches. */
  static String superset(String glob) {
    StringBuilder out = new StringBuilder(glob.length() + 8);
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        appendRun(out);
        i++;
      } else if (c == '\\') {
        appendLiteral(out, glob.charAt(i + 1));
        i += 2;
      } else if (c == '[') {
        i = appendClass(out, glob, i);
      } else {
        appendLiteral(out, c);
        i++;
      }
    }
    return out.toString();
  }

  private static void appendRun(StringBuilder out) {
    if (out.length() == 0 || out.charAt(out.length() - 1) != '*' || endsEscaped(out)) {
      out.append('*');
    }
  }

  private static boolean endsEscaped(StringBuilder out) {
    int backslashes = 0;
    for (int j = out.length() - 2; j >= 0 && out.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** Appends the class that opens at {@code open}; returns the index after its {@code ]}. */
  private static int appendClass(StringBuilder out, String glob, int open) {
    int i = open + 1;
    boolean negated = glob.charAt(i) == '!' || glob.charAt(i) == '^';
    if (negated) {
      i++;
    }
    StringBuilder members = new StringBuilder();
    boolean exact = true;
    boolean first = true;
    while (first || glob.charAt(i) != ']') {
      first = false;
      char low = glob.charAt(i) == '\\' ? glob.charAt(++i) : glob.charAt(i);
      i++;
      char high = low;
      if (i + 1 < glob.length() && glob.charAt(i) == '-' && glob.charAt(i + 1) != ']') {
        i++;
        high = glob.charAt(i) == '\\' ? glob.charAt(++i) : glob.charAt(i);
        i++;
      }
      exact &= high < 0x80;
      if (high == low) {
        members.append('\\').append(low);
      } else {
        // Redis reads a range's ends raw, so an end that is special to it cannot be written
        exact &= RANGE_UNSAFE.indexOf(low) < 0 && RANGE_UNSAFE.indexOf(high) < 0;
        members.append(low).append('-').append(high);
      }
    }
    if (negated || !exact) {
      appendRun(out); // a negated class or a non-ASCII member may match a multi-byte character
    } else {
      out.append('[').append(members).append(']');
    }
    return i + 1;
  }
}
