package dev.cachefn.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The WARs each server deploys: the built WAR twice ({@code app1}, {@code app2}: two applications side by
 * side, each with its own copy of CacheFn), and {@code bad}, the same with a setting that must fail its
 * deployment.
 */
final class TestWars {

  /** The property {@code bad.war} gets wrong, and what its deployment must report. */
  static final String BAD_PROPERTY = "cachefn.cache.small.max-size";
  static final String BAD_MESSAGE = "property " + BAD_PROPERTY + " must be a whole number of at least 1";

  private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

  private TestWars() {}

  /** Writes app1.war, app2.war and bad.war into {@code directory}. */
  static void writeTo(Path directory) {
    Path built = Path.of(System.getProperty("cachefn.it.war"));
    try {
      Files.createDirectories(directory);
      Files.copy(built, directory.resolve("app1.war"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(built, directory.resolve("app2.war"), StandardCopyOption.REPLACE_EXISTING);
      writeBad(built, directory.resolve("bad.war"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeBad(Path built, Path bad) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(built));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals(CONFIG)) {
          String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          out.write(config.replace(BAD_PROPERTY + "=2", BAD_PROPERTY + "=zero").getBytes(StandardCharsets.UTF_8));
        } else {
          copy(in, out);
        }
        out.closeEntry();
      }
    }
  }

  private static void copy(InputStream in, ZipOutputStream out) throws IOException {
    in.transferTo(out);
  }
}
