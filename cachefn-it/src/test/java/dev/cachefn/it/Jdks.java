package dev.cachefn.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a JDK of at least a given version: the one running, the one named by the build, or one installed. */
final class Jdks {

  private Jdks() {}

  /** The {@code java} launcher of a JDK {@code minimum}+, if this machine has one. */
  static Optional<Path> java(int minimum) {
    if (Runtime.version().feature() >= minimum) {
      return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
    }
    String named = System.getProperty("cachefn.it.java21", "");
    if (!named.isBlank()) {
      return Optional.of(Path.of(named, "bin", "java")).filter(Files::isExecutable);
    }
    try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
      return installed.filter(home -> version(home) >= minimum).map(home -> home.resolve("bin/java"))
          .filter(Files::isExecutable).sorted().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The feature version in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}), or 0. */
  private static int version(Path home) {
    try (Stream<String> lines = Files.lines(home.resolve("release"))) {
      return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
          .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0])
          .map(Integer::parseInt).orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
