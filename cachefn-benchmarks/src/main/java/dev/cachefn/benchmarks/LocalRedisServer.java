package dev.cachefn.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** A {@code redis-server} child process on a free loopback port without persistence, for the Redis benchmarks. */
final class LocalRedisServer implements AutoCloseable {

  private final Process process;
  private final String uri;

  private LocalRedisServer(Process process, String uri) {
    this.process = process;
    this.uri = uri;
  }

  /** Starts one and waits (at most 10 s) until it accepts connections. */
  static LocalRedisServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new LocalRedisServer(process, "redis://127.0.0.1:" + port);
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    process.destroy();
    throw new IllegalStateException("redis-server did not start on port " + port
        + " (install it: apt-get install -y redis-server, or pass -Dcachefn.redis.uri)");
  }

  String uri() {
    return uri;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
