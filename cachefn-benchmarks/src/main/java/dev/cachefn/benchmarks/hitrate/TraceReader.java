package dev.cachefn.benchmarks.hitrate;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads the trace formats of {@code shared/traces/README.md}. The compression is recognised by its magic
 * bytes (gzip, xz, or none), the record format by the name and the content:
 *
 * <ul>
 *   <li><b>cache2k binary</b> ({@code *.trc.bin*}, or any content that is not text): big-endian signed 32-bit
 *       integers, one key each, no header;
 *   <li><b>ARC {@code .lis}</b> (text lines of two or more fields): {@code start count ignored request}, expanded
 *       into the {@code count} keys {@code start … start+count-1};
 *   <li><b>LIRS</b> (text lines of one field): one decimal key per line; empty lines and {@code *} skipped.
 * </ul>
 */
public final class TraceReader {

  static final String GZIP = "gzip";
  static final String XZ = "xz";
  static final String PLAIN = "none";
  static final String BINARY = "cache2k int32";
  static final String ARC = "ARC .lis";
  static final String LIRS = "LIRS text";

  private static final Map<String, String> KNOWN_NAMES = Map.of(
      "loop.trace.gz", "loop",
      "trace-mt-20130703.trc.bin.gz", "web07",
      "oltp.gz", "OLTP",
      "p3.gz", "P3");

  private TraceReader() {}

  /** The short name of a trace file: {@code web07} for cache2k's file, else the name without extensions. */
  public static String nameOf(Path file) {
    String fileName = file.getFileName().toString();
    String known = KNOWN_NAMES.get(fileName);
    if (known != null) {
      return known;
    }
    String name = fileName;
    for (String suffix : new String[] {".gz", ".xz", ".bin", ".trc", ".trace", ".lis", ".txt"}) {
      if (name.toLowerCase(Locale.ROOT).endsWith(suffix) && name.length() > suffix.length()) {
        name = name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  /** Reads the whole trace. */
  public static Trace read(Path file) throws IOException {
    try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      String compression = compressionOf(raw);
      InputStream in = switch (compression) {
        case GZIP -> new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        case XZ -> new BufferedInputStream(new XZInputStream(raw), 1 << 16);
        default -> raw;
      };
      String format = formatOf(file, in);
      LongList keys = new LongList();
      switch (format) {
        case BINARY -> readInts(in, keys);
        case ARC -> readArc(in, keys);
        default -> readLirs(in, keys);
      }
      if (keys.size == 0) {
        throw new IOException(file + " holds no accesses");
      }
      return index(nameOf(file), file, format, compression, keys.toArray());
    }
  }

  /** Builds a trace from keys already in memory (for tests). */
  public static Trace of(String name, long[] keys) {
    return index(name, Path.of(name), "memory", PLAIN, keys);
  }

  private static Trace index(String name, Path file, String format, String compression, long[] keys) {
    Map<Long, Integer> idOf = new HashMap<>();
    int[] ids = new int[keys.length];
    LongList distinct = new LongList();
    for (int i = 0; i < keys.length; i++) {
      long key = keys[i];
      Integer id = idOf.get(key);
      if (id == null) {
        id = distinct.size;
        idOf.put(key, id);
        distinct.add(key);
      }
      ids[i] = id;
    }
    return new Trace(name, file, format, compression, keys, ids, distinct.toArray());
  }

  private static String compressionOf(BufferedInputStream in) throws IOException {
    in.mark(8);
    byte[] magic = in.readNBytes(6);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
      return GZIP;
    }
    byte[] xz = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    if (Arrays.equals(magic, xz)) {
      return XZ;
    }
    return PLAIN;
  }

  private static String formatOf(Path file, InputStream in) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains(".trc.bin") || name.endsWith(".bin") || name.endsWith(".bin.gz") || name.endsWith(".bin.xz")) {
      return BINARY;
    }
    in.mark(1 << 13);
    byte[] head = in.readNBytes(1 << 12);
    in.reset();
    for (byte b : head) {
      int c = b & 0xFF;
      if (c != '\n' && c != '\r' && c != '\t' && (c < 0x20 || c > 0x7E)) {
        return BINARY;
      }
    }
    String text = new String(head, StandardCharsets.US_ASCII);
    for (String line : text.split("\r?\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.equals("*")) {
        return trimmed.split("\\s+").length >= 2 ? ARC : LIRS;
      }
    }
    return LIRS;
  }

  private static void readInts(InputStream in, LongList keys) throws IOException {
    DataInputStream data = new DataInputStream(in);
    while (true) {
      try {
        keys.add(data.readInt());
      } catch (EOFException end) {
        return;
      }
    }
  }

  private static void readLirs(InputStream in, LongList keys) throws IOException {
    forEachRecord(in, (number, text) -> {
      try {
        keys.add(Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw new IOException("line " + number + " is not a key: '" + text + "'", e);
      }
    });
  }

  private static void readArc(InputStream in, LongList keys) throws IOException {
    forEachRecord(in, (number, text) -> {
      String[] fields = text.split("\\s+");
      try {
        long start = Long.parseLong(fields[0]);
        long count = fields.length > 1 ? Long.parseLong(fields[1]) : 1;
        if (count < 1) {
          throw new IOException("line " + number + " has a block count below 1: '" + text + "'");
        }
        for (long block = 0; block < count; block++) {
          keys.add(start + block);
        }
      } catch (NumberFormatException e) {
        throw new IOException("line " + number + " is not 'start count ignored request': '" + text + "'", e);
      }
    });
  }

  /** One record of a text trace: its 1-based line number and its trimmed text. */
  private interface RecordReader {
    void read(int number, String text) throws IOException;
  }

  /** Calls {@code reader} for every line of a text trace but blank lines and {@code *} separators. */
  private static void forEachRecord(InputStream in, RecordReader reader) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.equals("*")) {
        reader.read(number, trimmed);
      }
    }
  }

  /** A growable {@code long[]}. */
  static final class LongList {
    long[] values = new long[1 << 12];
    int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
