package dev.cachefn.quarkus.deployment;

import java.util.ArrayList;
import java.util.List;

/** The messages of a failure and its causes and suppressed exceptions, as one text. */
final class Failures {

  private Failures() {}

  static String messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    collect(failure, messages, 0);
    return String.join("\n", messages);
  }

  private static void collect(Throwable failure, List<String> messages, int depth) {
    if (failure == null || depth > 20) {
      return;
    }
    messages.add(String.valueOf(failure.getMessage()));
    for (Throwable suppressed : failure.getSuppressed()) {
      collect(suppressed, messages, depth + 1);
    }
    collect(failure.getCause(), messages, depth + 1);
  }
}
