package dev.cachefn.cdi.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations of annotations and configuration: ISO-8601 ({@code PT10M}) or {@code 10s/5m/1h}. */
final class Durations {

  static final String ALLOWED = "an ISO-8601 duration such as PT10M or P1D, or a whole number with a unit"
      + " ms, s, m, h or d such as 500ms, 10s, 5m, 1h";

  private static final Pattern SHORT = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code text} into a positive duration.
   *
   * @param what names the setting in the error message, e.g. {@code property cachefn.cache.users.default-ttl}
   * @throws IllegalArgumentException naming {@code what}, the allowed forms and the bad value
   */
  static Duration parse(String text, String what) {
    String trimmed = text.trim();
    Duration duration = null;
    Matcher shortForm = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      duration = switch (shortForm.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } else if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        duration = Duration.parse(trimmed);
      } catch (DateTimeParseException ignored) {
        // reported below with the allowed forms
      }
    }
    if (duration == null) {
      throw new IllegalArgumentException(what + " must be " + ALLOWED + "; got '" + text + "'");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(what + " must be a positive duration; got '" + text + "'");
    }
    return duration;
  }
}
