package dev.cachefn.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A server started from the build: its process, its log file, and waiting for what it should do. */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code directory}, its output going to {@code log}. */
  static ServerProcess start(List<String> command, Path directory, Path log, Map<String, String> environment) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      return new ServerProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** What the server has logged so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (RuntimeException malformed) {
      try {
        return new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        return "";
      }
    }
  }

  /**
   * Waits until {@code condition} holds, polling every 250 ms.
   *
   * @throws AssertionError naming {@code what}, with the end of the log, if the server exits or time runs out
   */
  void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited (" + process.exitValue() + ") before " + what + "\n" + tail());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s\n" + tail());
      }
      try {
        Thread.sleep(250); // polling a process we do not control: no event to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }

  /** The last lines of the log, for a failure message. */
  String tail() {
    String text = log();
    return text.substring(Math.max(0, text.length() - 6_000));
  }

  /** Stops the server and everything it started: politely first, then by force. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** A TCP port that is free on this machine now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code port} can be bound now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
