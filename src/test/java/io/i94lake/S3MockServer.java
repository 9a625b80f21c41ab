package io.i94lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Adobe S3Mock, a real S3-compatible server, as a separate JVM on 127.0.0.1 (its executable jar is copied to
 * target/s3mock by the build): started with one bucket, stopped with the test.
 */
public final class S3MockServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private S3MockServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static S3MockServer start(String bucket, Path folder) throws IOException, InterruptedException {
    Path jar = Fixtures.home().resolve("target/s3mock/s3mock.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("Cannot start S3Mock: " + jar + " is missing; `mvn verify` copies it there");
    }
    int httpPort = freePort();
    int httpsPort = freePort();
    Path root = Files.createDirectories(folder.resolve("buckets"));
    Path log = folder.resolve("s3mock.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--server.address=127.0.0.1", "--server.port=" + httpsPort, "--com.adobe.testing.s3mock.httpPort=" + httpPort,
        "--com.adobe.testing.s3mock.domain.initial-buckets=" + bucket, "--com.adobe.testing.s3mock.domain.root=" + root,
        "--spring.main.banner-mode=off")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    S3MockServer server = new S3MockServer(process, httpPort, log);
    server.awaitReady(Duration.ofMinutes(4));
    return server;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitReady(Duration patience) throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock ended at start (exit " + process.exitValue() + "): " + Files.readString(log));
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
        connection.setConnectTimeout(1000);
        if (connection.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("S3Mock did not answer on " + endpoint() + " within " + patience + "; its log: " + log);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
