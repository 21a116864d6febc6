package dev.guardrails.detectors.bias;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * Static word vectors for {@link StereotypeModel}: word meaning for trait words the training sets never put next
 * to a group. Each word of the vocabulary was embedded alone with all-MiniLM-L6-v2 (Apache-2.0; sentence-transformers
 * / Microsoft), Model2Vec style, then projected on its first principal components and quantized to int8 with one
 * scale; the table is written by {@code tools/bias/embeddings/distill.sh} and checked in as the resource
 * {@value #RESOURCE} (ONNX floats may differ across CPUs, so the model's rebuild reads this file, never the network).
 *
 * <p>File format (big-endian): magic {@code GRSE}, format version, dims, count, scale (float), then per word its
 * length (one byte), the word (ASCII, lower case) and {@code dims} signed bytes, then the CRC-32 of all preceding
 * bytes as a long. A missing, truncated or corrupt file is an {@link IllegalStateException} naming the resource.
 *
 * <p>Lookup is by the token's length and {@link Tokens#hash(CharSequence)} hash, which the tokenizer already
 * computed, in an open-addressing table, and a hit is confirmed char by char (words of one length can share a hash:
 * "males" and "man's", "acres" and "act's"); no string is made. Immutable and thread-safe; loaded once per JVM.
 */
final class StereotypeEmbeddings {

  static final String RESOURCE = "stereotype-embeddings.bin";
  static final int MAGIC = 0x47525345; // "GRSE"
  static final int FORMAT = 1;

  final int dims;
  final float scale;
  final int count;
  /** Open addressing: {@code length << 32 | hash}, 0 for an empty slot (a word has length >= 1). */
  private final long[] keys;
  /** Per slot, the row of its word: its vector is {@code vectors[row * dims, (row + 1) * dims)}. */
  private final int[] rows;
  /** The words, concatenated; word i is {@code chars[starts[i], starts[i + 1])}. */
  private final char[] chars;
  private final int[] starts;
  private final byte[] vectors;
  private final int mask;

  private static volatile StereotypeEmbeddings shared;

  private StereotypeEmbeddings(int dims, float scale, String[] words, byte[] vectors) {
    this.dims = dims;
    this.scale = scale;
    this.count = words.length;
    this.vectors = vectors;
    int slots = Integer.highestOneBit(Math.max(16, words.length * 2)) * 2;
    keys = new long[slots];
    rows = new int[slots];
    mask = slots - 1;
    starts = new int[words.length + 1];
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      starts[i] = all.length();
      all.append(words[i]);
    }
    starts[words.length] = all.length();
    chars = all.toString().toCharArray();
    for (int i = 0; i < words.length; i++) {
      long key = key(Tokens.hash(words[i]), words[i].length());
      int s = slot(key);
      while (keys[s] != 0) { // a word repeated in the file keeps its first vector
        if (keys[s] == key && words[rows[s]].equals(words[i])) {
          break;
        }
        s = (s + 1) & mask;
      }
      if (keys[s] == 0) {
        keys[s] = key;
        rows[s] = i;
      }
    }
  }

  private static long key(int hash, int length) {
    return (long) length << 32 | (hash & 0xffffffffL);
  }

  private int slot(long key) {
    return StereotypeFeatures.mix((int) key ^ (int) (key >>> 32) * 0x9E3779B1) & mask;
  }

  /** The row of token {@code k}'s word in the table (for {@link #add}), or -1 if it is no word of the table. */
  int row(Tokens t, int k) {
    int len = t.len(k);
    long key = key(t.hash[k], len);
    for (int s = slot(key); keys[s] != 0; s = (s + 1) & mask) {
      if (keys[s] == key) {
        int w = starts[rows[s]];
        if (java.util.Arrays.equals(t.canon, t.cStart[k], t.cEnd[k], chars, w, w + len)) {
          return rows[s];
        }
      }
    }
    return -1;
  }

  /** Adds {@code sign} times the vector of {@code row} (in int8 units) to {@code acc[at, at + dims)}. */
  void add(int row, float sign, float[] acc, int at) {
    int o = row * dims;
    for (int i = 0; i < dims; i++) {
      acc[at + i] += sign * vectors[o + i];
    }
  }

  /**
   * Every word's vector (in int8 units) projected on each of {@code blocks} consecutive weight vectors of {@code w}:
   * {@code out[row * blocks + b] = w[b * dims, (b + 1) * dims) . vector(row)}. A linear model over sums of vectors
   * then scores with one float per word and block instead of a dot product per sentence.
   */
  float[] project(float[] w, int blocks) {
    float[] out = new float[count * blocks];
    for (int r = 0; r < count; r++) {
      for (int b = 0; b < blocks; b++) {
        double z = 0;
        for (int i = 0; i < dims; i++) {
          z += (double) w[b * dims + i] * vectors[r * dims + i];
        }
        out[r * blocks + b] = (float) z;
      }
    }
    return out;
  }

  /** The table in {@value #RESOURCE}, loaded on first use; a failed load is not cached. */
  static StereotypeEmbeddings shared() {
    StereotypeEmbeddings e = shared;
    if (e == null) {
      synchronized (StereotypeEmbeddings.class) {
        e = shared;
        if (e == null) {
          e = load(RESOURCE);
          shared = e;
        }
      }
    }
    return e;
  }

  /** Loads a table resource of this package; failures name the resource. */
  static StereotypeEmbeddings load(String resource) {
    try (InputStream in = StereotypeEmbeddings.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bias stereotype word-vector resource " + resource
            + " is missing from the class path (dev/guardrails/detectors/bias/); rebuild it with"
            + " tools/bias/embeddings/distill.sh or build the detector with stereotypeModel(false)");
      }
      return read(in.readAllBytes(), resource);
    } catch (IOException e) {
      throw new IllegalStateException("bias stereotype word-vector resource " + resource + " could not be read", e);
    }
  }

  static StereotypeEmbeddings read(byte[] bytes, String name) {
    if (bytes.length < 28) {
      throw corrupt(name, "truncated");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (d.readInt() != MAGIC) {
        throw corrupt(name, "not a word-vector file");
      }
      int format = d.readInt();
      if (format != FORMAT) {
        throw corrupt(name, "format " + format + ", expected " + FORMAT);
      }
      int dims = d.readInt();
      int count = d.readInt();
      float scale = d.readFloat();
      if (dims < 1 || dims > 384 || count < 1 || count > bytes.length / (dims + 2) || !(scale > 0)
          || !Float.isFinite(scale)) {
        throw corrupt(name, "bad header values");
      }
      String[] words = new String[count];
      byte[] vectors = new byte[count * dims];
      byte[] w = new byte[255];
      for (int i = 0; i < count; i++) {
        int len = d.readUnsignedByte();
        if (len == 0) {
          throw corrupt(name, "empty word");
        }
        d.readFully(w, 0, len);
        words[i] = new String(w, 0, len, java.nio.charset.StandardCharsets.US_ASCII);
        d.readFully(vectors, i * dims, dims);
      }
      if (d.readLong() != crc.getValue() || d.available() != 0) {
        throw corrupt(name, "checksum mismatch");
      }
      return new StereotypeEmbeddings(dims, scale, words, vectors);
    } catch (IOException e) {
      throw corrupt(name, "truncated");
    }
  }

  private static IllegalStateException corrupt(String name, String why) {
    return new IllegalStateException("bias stereotype word-vector resource " + name + " is corrupt: " + why);
  }
}
