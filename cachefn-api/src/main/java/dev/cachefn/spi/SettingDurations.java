package dev.cachefn.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of durations in CacheFn's settings: every {@code cachefn.*} property ({@code cachefn.cache.*},
 * {@code cachefn.default.*}, {@code cachefn.memoize.*}, {@code cachefn.redis.*}) and the {@code ttl} and
 * {@code fetchTimeout} of {@code @Memoize}. A storage that reads settings of its own uses it too, so that users
 * write durations one way everywhere.
 *
 * <p>Allowed: an ISO-8601 duration ({@code PT10M}, {@code P1D}, {@code PT0.5S}), or a whole number with a unit,
 * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h},
 * {@code 1d}); surrounding blanks are ignored, and so is the case of the letters. A number without a unit is
 * rejected, since {@code 10} could mean seconds as well as milliseconds. Every duration must be positive.
 * Thread-safe and stateless.
 */
public final class SettingDurations {

  /** What the grammar allows, as error messages say it. */
  public static final String ALLOWED = "an ISO-8601 duration such as PT10M or P1D, or a whole number with a unit"
      + " ms, s, m, h or d such as 500ms, 10s, 5m, 1h";

  private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)");

  private SettingDurations() {}

  /**
   * Parses {@code text} into a positive duration.
   *
   * @param setting names the setting in the error message, such as {@code property cachefn.cache.users.default-ttl}
   * @throws IllegalArgumentException naming {@code setting}, the allowed forms and the value found
   */
  public static Duration parse(String text, String setting) {
    Objects.requireNonNull(text, "text must not be null");
    String trimmed = text.trim();
    Duration duration = null;
    Matcher withUnit = WITH_UNIT.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (withUnit.matches()) {
      long amount = Long.parseLong(withUnit.group(1));
      duration = switch (withUnit.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } else if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-P")) {
      try {
        duration = Duration.parse(trimmed);
      } catch (DateTimeParseException ignored) {
        // reported below with the allowed forms
      }
    }
    if (duration == null) {
      String hint = !trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)
          ? " (a number needs a unit, such as " + trimmed + "ms or " + trimmed + "s)" : "";
      throw new IllegalArgumentException(setting + " must be " + ALLOWED + "; got '" + text + "'" + hint);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(setting + " must be a positive duration; got '" + text + "'");
    }
    return duration;
  }
}
