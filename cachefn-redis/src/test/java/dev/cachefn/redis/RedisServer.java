package dev.cachefn.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} child process on a free loopback port, without persistence. Without
 * {@code redis-server} on the PATH the tests that need one fail when {@code CI} is set, and are skipped
 * otherwise; either way the message says how to install it.
 */
final class RedisServer implements AutoCloseable {

  static final String INSTALL_HINT = "redis-server is not on the PATH; install it with"
      + " `apt-get update && apt-get install -y redis-server` (Debian/Ubuntu) to run the Redis tests";

  private final int port;
  private Process process;

  private RedisServer(int port) {
    this.port = port;
  }

  /** Starts a server on a free port and waits until it answers {@code PING}. */
  static RedisServer start() {
    requireInstalled();
    RedisServer server = new RedisServer(freePort());
    server.startAgain();
    return server;
  }

  /** A server for a free port, not started yet: {@link #startAgain()} starts it. */
  static RedisServer notStarted() {
    requireInstalled();
    return new RedisServer(freePort());
  }

  static void requireInstalled() {
    String path = System.getenv("PATH");
    boolean found = path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, "redis-server")).anyMatch(Files::isExecutable);
    if (!found) {
      if (System.getenv("CI") != null) {
        fail(INSTALL_HINT);
      }
      Assumptions.abort(INSTALL_HINT);
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Starts the server again on the same port, empty. */
  void startAgain() {
    try {
      process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server on port " + port + " did not start");
      }
      sleep(20);
    }
  }

  /** Stops the server (its data is lost). */
  void stop() {
    if (process != null) {
      stop(process);
      process = null;
    }
  }

  /** Stops {@code process}, forcibly if it does not end within 5 s. */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[5];
      int read = in.readNBytes(reply, 0, 5);
      return read == 5 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
