package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start: whole-process wall time from launching a JVM to the end of its first completed check
 * with the default pipeline (detector discovery, lexicon and model loading, one 2 KB check), over
 * several runs, each a fresh {@code java} child process. Beside it, in the same run and
 * interleaved so load affects all alike: a JVM that only starts ({@code jvm}), the naive regex
 * pipeline ({@code naive}) and, if a CLI jar is given, {@code guardrails scan} on a file
 * ({@code cli}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.guardrails.benchmarks.ColdStart [--runs N]
 * [--cli-jar guardrails.jar --cli-input answer.txt] [--out cold-start.json]}. Writes JSON
 * {@code {"runs":N,"cases":[{"name":..,"description":..,"millis":[..]},..]}} read by
 * {@link ReportWriter}, and prints a summary.
 */
public final class ColdStart {

  private ColdStart() {}

  /**
   * Runs the measurement, or (with {@code child CASE}) is the measured child process.
   *
   * @param args see the class description
   * @throws Exception if a child cannot be launched or fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("child")) {
      child(args[1]);
      System.exit(0); // the check is complete: do not wait for pool threads to idle out
      return;
    }
    int runs = 5;
    String cliJar = null;
    String cliInput = null;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs":
          runs = Integer.parseInt(args[++i]);
          break;
        case "--cli-jar":
          cliJar = args[++i];
          break;
        case "--cli-input":
          cliInput = args[++i];
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    commands.put("pipeline", List.of(java, "-cp", cp, ColdStart.class.getName(), "child", "pipeline"));
    descriptions.put("pipeline", "JVM start + default pipeline built + one 2 KB check");
    commands.put("naive", List.of(java, "-cp", cp, ColdStart.class.getName(), "child", "naive"));
    descriptions.put("naive", "JVM start + naive regex pipeline compiled + one 2 KB check (baseline)");
    commands.put("jvm", List.of(java, "-cp", cp, ColdStart.class.getName(), "child", "jvm"));
    descriptions.put("jvm", "JVM start only, same class path (floor)");
    if (cliJar != null) {
      if (cliInput == null) {
        throw new IllegalArgumentException("--cli-jar needs --cli-input");
      }
      commands.put("cli", List.of(java, "-jar", cliJar, "scan", cliInput));
      descriptions.put("cli", "guardrails scan of a 0.5 KB answer, whole CLI process");
    }
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    commands.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
    for (int run = 0; run < runs; run++) {
      for (Map.Entry<String, List<String>> c : commands.entrySet()) {
        millis.get(c.getKey()).add(time(c.getKey(), c.getValue()));
      }
    }
    StringBuilder json = new StringBuilder("{\"runs\":").append(runs).append(",\"cases\":[");
    for (String k : commands.keySet()) {
      List<Double> m = millis.get(k);
      if (json.charAt(json.length() - 1) != '[') {
        json.append(',');
      }
      json.append("{\"name\":\"").append(k).append("\",\"description\":\"").append(descriptions.get(k))
          .append("\",\"millis\":[");
      for (int i = 0; i < m.size(); i++) {
        json.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "%.1f", m.get(i)));
      }
      json.append("]}");
      List<Double> sorted = new ArrayList<>(m);
      sorted.sort(null);
      System.out.printf(Locale.ROOT, "cold start %-8s median %7.0f ms  min %7.0f  max %7.0f  (%d runs)%n",
          k, ReportWriter.median(sorted), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }
    json.append("]}\n");
    if (out != null) {
      ReportWriter.writeFile(out, json);
    }
  }

  private static double time(String name, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.to(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    long t0 = System.nanoTime();
    Process p = pb.start();
    int code = p.waitFor();
    double ms = (System.nanoTime() - t0) / 1e6;
    boolean ok = name.equals("cli") ? code <= 2 : code == 0; // scan exits 1/2 for flagged/blocked answers
    if (!ok) {
      throw new IllegalStateException("cold start case " + name + " exited with " + code);
    }
    return ms;
  }

  private static void child(String which) {
    switch (which) {
      case "jvm":
        return;
      case "naive": {
        String text = Corpus.generate(Corpus.SIZE_2KB, Corpus.Density.TYPICAL, 42);
        System.out.println(NaiveBaselines.pipeline(text).matches);
        return;
      }
      case "pipeline": {
        String text = Corpus.generate(Corpus.SIZE_2KB, Corpus.Density.TYPICAL, 42);
        GuardResult r = Guardrail.builder().discoverDetectors().build().check(text, CheckContext.empty());
        System.out.println(r.verdict());
        return;
      }
      default:
        throw new IllegalArgumentException("unknown child case: " + which);
    }
  }
}
