package dev.guardrails.detectors.bias;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * The sentence-level stereotype classifier: a logistic regression over the hashed features of
 * {@link StereotypeFeatures}, trained by {@code StereotypeTrainer} (test sources; command in
 * {@code docs/bias.md}) and shipped as the resource {@value #RESOURCE}.
 *
 * <p>File format (big-endian): magic {@code GRSM}, format version, feature version, hash bits,
 * bias, Platt scaling a and b, decision threshold (on the calibrated probability), the number of
 * dense weights and the weights (over {@link StereotypeFeatures#dense}, 0 for none), the number of
 * non-zero hashed weights, then (index, weight) pairs in ascending index order, then the CRC-32 of all
 * preceding bytes. A missing, truncated or corrupt file, or one written for another feature
 * version, is an {@link IllegalStateException} naming the resource. A model with dense weights loads
 * the word vectors of {@link StereotypeEmbeddings} too, which fail the same way.
 *
 * <p>Immutable and thread-safe; scoring reads the weight arrays only.
 */
final class StereotypeModel {

  static final String RESOURCE = "stereotype-model.bin";
  static final int MAGIC = 0x4752534d; // "GRSM"
  static final int FORMAT = 2;

  final int bits;
  final int mask;
  private final float[] weights;
  final float bias;
  final float plattA;
  final float plattB;
  final float threshold;
  /** Weights of the dense features ({@link StereotypeFeatures#dense}); empty for none. */
  final float[] dense;
  /** The word vectors the dense features read; null when {@link #dense} is empty. */
  final StereotypeEmbeddings embeddings;
  /** Each word's vector projected on the dense weights ({@link StereotypeEmbeddings#project}); null without. */
  final float[] projected;

  StereotypeModel(int bits, float[] weights, float bias, float plattA, float plattB, float threshold) {
    this(bits, weights, bias, plattA, plattB, threshold, new float[0], null);
  }

  StereotypeModel(int bits, float[] weights, float bias, float plattA, float plattB, float threshold, float[] dense,
      StereotypeEmbeddings embeddings) {
    if (dense.length > 0 && (embeddings == null || dense.length != StereotypeFeatures.DENSE_BLOCKS * embeddings.dims)) {
      throw new IllegalArgumentException("dense weights do not match the word vectors");
    }
    this.dense = dense;
    this.embeddings = dense.length == 0 ? null : embeddings;
    this.projected = this.embeddings == null ? null : this.embeddings.project(dense, StereotypeFeatures.DENSE_BLOCKS);
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.weights = weights;
    this.bias = bias;
    this.plattA = plattA;
    this.plattB = plattB;
    this.threshold = threshold;
  }

  /** The raw margin (log-odds before calibration) of features {@code f[0, n)}. */
  double margin(int[] f, int n) {
    double z = bias;
    for (int i = 0; i < n; i++) {
      z += weights[f[i]];
    }
    return z;
  }

  /** The calibrated probability that a sentence with margin {@code z} is a stereotype. */
  double probability(double z) {
    return 1.0 / (1.0 + Math.exp(-(plattA * z + plattB)));
  }

  /** Loads {@value #RESOURCE} from this package. */
  static StereotypeModel load() {
    return load(RESOURCE);
  }

  /** Loads a model resource of this package; failures name the resource. */
  static StereotypeModel load(String resource) {
    try (InputStream in = StereotypeModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bias stereotype model resource " + resource
            + " is missing from the class path (dev/guardrails/detectors/bias/); rebuild it with tools/bias/train.sh"
            + " or build the detector with stereotypeModel(false)");
      }
      return read(in.readAllBytes(), resource);
    } catch (IOException e) {
      throw new IllegalStateException("bias stereotype model resource " + resource + " could not be read", e);
    }
  }

  static StereotypeModel read(byte[] bytes, String name) {
    if (bytes.length < 48) {
      throw corrupt(name, "truncated");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    try (DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      if (d.readInt() != MAGIC) {
        throw corrupt(name, "not a model file");
      }
      int format = d.readInt();
      int version = d.readInt();
      if (format != FORMAT || version != StereotypeFeatures.VERSION) {
        throw corrupt(name, "format " + format + " / features " + version + ", expected " + FORMAT + " / "
            + StereotypeFeatures.VERSION + "; retrain with tools/bias/train.sh");
      }
      int bits = d.readInt();
      if (bits < 10 || bits > 24) {
        throw corrupt(name, "hash bits " + bits);
      }
      float bias = d.readFloat();
      float a = d.readFloat();
      float b = d.readFloat();
      float threshold = d.readFloat();
      int nd = d.readInt();
      if (nd < 0 || nd > 4096 || bytes.length < 48 + 4L * nd) {
        throw corrupt(name, "truncated");
      }
      float[] dense = new float[nd];
      for (int i = 0; i < nd; i++) {
        dense[i] = d.readFloat();
        if (!Float.isFinite(dense[i])) {
          throw corrupt(name, "bad dense weight");
        }
      }
      int nnz = d.readInt();
      if (nnz < 0 || nnz > (1 << bits) || bytes.length != 48 + 4L * nd + 8L * nnz) {
        throw corrupt(name, "truncated");
      }
      float[] w = new float[1 << bits];
      int prev = -1;
      for (int i = 0; i < nnz; i++) {
        int idx = d.readInt();
        if (idx <= prev || idx >= w.length) {
          throw corrupt(name, "bad weight index");
        }
        w[idx] = d.readFloat();
        prev = idx;
      }
      if (d.readLong() != crc.getValue()) {
        throw corrupt(name, "checksum mismatch");
      }
      if (!Float.isFinite(bias) || !Float.isFinite(a) || !Float.isFinite(b) || !(threshold > 0 && threshold < 1)) {
        throw corrupt(name, "bad header values");
      }
      StereotypeEmbeddings vectors = nd == 0 ? null : StereotypeEmbeddings.shared();
      if (vectors != null && nd != StereotypeFeatures.DENSE_BLOCKS * vectors.dims) {
        throw corrupt(name, nd + " dense weights for word vectors of " + vectors.dims + " dims in "
            + StereotypeEmbeddings.RESOURCE + "; retrain with tools/bias/train.sh");
      }
      return new StereotypeModel(bits, w, bias, a, b, threshold, dense, vectors);
    } catch (IOException e) {
      throw corrupt(name, "truncated");
    }
  }

  /** The file bytes of this model (used by the trainer). */
  byte[] write() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(bytes);
      d.writeInt(MAGIC);
      d.writeInt(FORMAT);
      d.writeInt(StereotypeFeatures.VERSION);
      d.writeInt(bits);
      d.writeFloat(bias);
      d.writeFloat(plattA);
      d.writeFloat(plattB);
      d.writeFloat(threshold);
      d.writeInt(dense.length);
      for (float x : dense) {
        d.writeFloat(x);
      }
      int nnz = 0;
      for (float x : weights) {
        if (x != 0f) {
          nnz++;
        }
      }
      d.writeInt(nnz);
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] != 0f) {
          d.writeInt(i);
          d.writeFloat(weights[i]);
        }
      }
      d.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      d.writeLong(crc.getValue());
      d.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static IllegalStateException corrupt(String name, String why) {
    return new IllegalStateException("bias stereotype model resource " + name + " is corrupt: " + why);
  }
}
