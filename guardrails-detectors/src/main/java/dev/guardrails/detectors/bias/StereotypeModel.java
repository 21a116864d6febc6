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
 * non-zero weights, then (index, weight) pairs in ascending index order, then the CRC-32 of all
 * preceding bytes. A missing, truncated or corrupt file, or one written for another feature
 * version, is an {@link IllegalStateException} naming the resource.
 *
 * <p>Immutable and thread-safe; scoring reads the weight array only.
 */
final class StereotypeModel {

  static final String RESOURCE = "stereotype-model.bin";
  static final int MAGIC = 0x4752534d; // "GRSM"
  static final int FORMAT = 1;

  final int bits;
  final int mask;
  private final float[] weights;
  final float bias;
  final float plattA;
  final float plattB;
  final float threshold;

  StereotypeModel(int bits, float[] weights, float bias, float plattA, float plattB, float threshold) {
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
    if (bytes.length < 44) {
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
      int nnz = d.readInt();
      if (nnz < 0 || nnz > (1 << bits) || bytes.length != 44 + 8L * nnz) {
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
      return new StereotypeModel(bits, w, bias, a, b, threshold);
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
