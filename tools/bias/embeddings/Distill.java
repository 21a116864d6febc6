import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds every word of a vocabulary file (one word per line) on its own with all-MiniLM-L6-v2 (quantized, in-process
 * ONNX; mean pooled over the word's tokens and [CLS]/[SEP], as sentence-transformers pools a sentence), Model2Vec
 * style, and writes the vectors as float32 (big-endian), one row of 384 per word in the vocabulary's order.
 * Usage: java -cp ... Distill.java vocab.txt vectors.f32
 */
public class Distill {
  public static void main(String[] args) throws Exception {
    List<String> words = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    long t0 = System.nanoTime();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1]), 1 << 20))) {
      int batch = 256;
      for (int i = 0; i < words.size(); i += batch) {
        List<TextSegment> seg = new ArrayList<>();
        for (String w : words.subList(i, Math.min(words.size(), i + batch))) {
          seg.add(TextSegment.from(w));
        }
        for (Embedding e : model.embedAll(seg).content()) {
          float[] v = e.vector();
          if (v.length != 384) {
            throw new IllegalStateException("expected 384 dims, got " + v.length);
          }
          for (float x : v) {
            out.writeFloat(x);
          }
        }
        if ((i / batch) % 20 == 0) {
          System.err.printf("%d / %d words, %.0f s%n", i + seg.size(), words.size(), (System.nanoTime() - t0) / 1e9);
        }
      }
    }
  }
}
