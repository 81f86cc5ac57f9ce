package dev.cachefn.spi;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compiled glob over cache keys, with the syntax Redis uses for {@code SCAN MATCH}, so that a remote
 * storage can pass {@link #pattern()} on unchanged:
 *
 * <ul>
 *   <li>{@code *} any run of characters (also none), {@code ?} exactly one character;
 *   <li>{@code [abc]} one of the listed characters, {@code [a-z]} a range, {@code [!a]} or {@code [^a]} any
 *       character but those;
 *   <li>{@code \} takes the next character literally (also inside brackets).
 * </ul>
 *
 * <p>Immutable and thread-safe. {@link #compile} rejects an empty pattern, an unclosed or empty bracket, a
 * reversed range and a trailing backslash, naming the position.
 */
public final class GlobPattern {

  /** Matches every key. */
  public static final GlobPattern ALL = compile("*");

  private static final int LITERAL = 0;
  private static final int ANY_CHAR = 1;
  private static final int ANY_RUN = 2;
  private static final int CHAR_CLASS = 3;

  private final String pattern;
  private final int[] kinds;
  private final char[] literals;
  private final @Nullable CharClass[] classes;
  private final boolean matchesAll;
  private final @Nullable String literal;

  private GlobPattern(String pattern, List<Integer> kinds, List<Character> literals, List<CharClass> classes) {
    this.pattern = pattern;
    this.kinds = kinds.stream().mapToInt(Integer::intValue).toArray();
    this.literals = new char[literals.size()];
    this.classes = new CharClass[classes.size()];
    for (int i = 0; i < this.literals.length; i++) {
      this.literals[i] = literals.get(i);
      this.classes[i] = classes.get(i);
    }
    boolean allRuns = true;
    boolean allLiterals = true;
    for (int kind : this.kinds) {
      allRuns &= kind == ANY_RUN;
      allLiterals &= kind == LITERAL;
    }
    this.matchesAll = allRuns;
    this.literal = allLiterals ? new String(this.literals) : null;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws NullPointerException if {@code pattern} is null
   * @throws IllegalArgumentException if {@code pattern} is empty or malformed; the message names the
   *     pattern, the position and the problem
   */
  public static GlobPattern compile(String pattern) {
    if (pattern == null) {
      throw new NullPointerException("pattern must not be null");
    }
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("pattern must not be empty (use \"*\" to match every key)");
    }
    List<Integer> kinds = new ArrayList<>();
    List<Character> literals = new ArrayList<>();
    List<CharClass> classes = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      CharClass charClass = null;
      char literal = 0;
      int kind;
      if (c == '*') {
        kind = ANY_RUN;
        i++;
      } else if (c == '?') {
        kind = ANY_CHAR;
        i++;
      } else if (c == '\\') {
        if (i + 1 >= pattern.length()) {
          throw malformed(pattern, i, "a trailing '\\' escapes nothing");
        }
        kind = LITERAL;
        literal = pattern.charAt(i + 1);
        i += 2;
      } else if (c == '[') {
        kind = CHAR_CLASS;
        int[] end = new int[1];
        charClass = CharClass.parse(pattern, i, end);
        i = end[0];
      } else {
        kind = LITERAL;
        literal = c;
        i++;
      }
      if (kind == ANY_RUN && !kinds.isEmpty() && kinds.get(kinds.size() - 1) == ANY_RUN) {
        continue; // "**" means the same as "*"
      }
      kinds.add(kind);
      literals.add(literal);
      classes.add(charClass);
    }
    return new GlobPattern(pattern, kinds, literals, classes);
  }

  static IllegalArgumentException malformed(String pattern, int index, String problem) {
    return new IllegalArgumentException(
        "malformed glob pattern '" + pattern + "' at index " + index + ": " + problem
            + " (allowed: * ? [abc] [a-z] [!a] and \\ to escape)");
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  /** Whether the pattern matches every key ({@code "*"}). */
  public boolean matchesAll() {
    return matchesAll;
  }

  /** The one key the pattern matches when it has no wildcard, else {@code null}. */
  public @Nullable String literal() {
    return literal;
  }

  /** Whether {@code key} matches the whole pattern. */
  public boolean matches(String key) {
    if (matchesAll) {
      return true;
    }
    int p = 0;
    int k = 0;
    int starP = -1;
    int starK = -1;
    while (k < key.length()) {
      if (p < kinds.length && kinds[p] != ANY_RUN && matchesOne(p, key.charAt(k))) {
        p++;
        k++;
      } else if (p < kinds.length && kinds[p] == ANY_RUN) {
        starP = p++;
        starK = k;
      } else if (starP >= 0) {
        p = starP + 1;
        k = ++starK;
      } else {
        return false;
      }
    }
    while (p < kinds.length && kinds[p] == ANY_RUN) {
      p++;
    }
    return p == kinds.length;
  }

  private boolean matchesOne(int index, char c) {
    switch (kinds[index]) {
      case LITERAL:
        return literals[index] == c;
      case ANY_CHAR:
        return true;
      default:
        CharClass charClass = classes[index];
        return charClass != null && charClass.matches(c);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof GlobPattern other && pattern.equals(other.pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return pattern;
  }

  /** One bracket expression: ranges of characters, possibly negated. */
  private static final class CharClass {
    private final char[] lows;
    private final char[] highs;
    private final boolean negated;

    private CharClass(char[] lows, char[] highs, boolean negated) {
      this.lows = lows;
      this.highs = highs;
      this.negated = negated;
    }

    static CharClass parse(String pattern, int open, int[] end) {
      int i = open + 1;
      boolean negated = i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^');
      if (negated) {
        i++;
      }
      StringBuilder lows = new StringBuilder();
      StringBuilder highs = new StringBuilder();
      while (true) {
        if (i >= pattern.length()) {
          throw malformed(pattern, open, "'[' is never closed by ']'");
        }
        char c = pattern.charAt(i);
        if (c == ']') {
          if (lows.length() == 0) {
            throw malformed(pattern, open, "empty character class");
          }
          end[0] = i + 1;
          return new CharClass(lows.toString().toCharArray(), highs.toString().toCharArray(), negated);
        }
        int[] next = new int[1];
        char low = classChar(pattern, i, open, next);
        i = next[0];
        char high = low;
        if (i + 1 < pattern.length() && pattern.charAt(i) == '-' && pattern.charAt(i + 1) != ']') {
          high = classChar(pattern, i + 1, open, next);
          if (high < low) {
            throw malformed(pattern, i - 1, "range '" + low + "-" + high + "' is reversed");
          }
          i = next[0];
        }
        lows.append(low);
        highs.append(high);
      }
    }

    private static char classChar(String pattern, int i, int open, int[] next) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 >= pattern.length()) {
          throw malformed(pattern, open, "'[' is never closed by ']'");
        }
        next[0] = i + 2;
        return pattern.charAt(i + 1);
      }
      next[0] = i + 1;
      return c;
    }

    boolean matches(char c) {
      boolean inside = false;
      for (int i = 0; i < lows.length && !inside; i++) {
        inside = c >= lows[i] && c <= highs[i];
      }
      return inside != negated;
    }
  }
}
