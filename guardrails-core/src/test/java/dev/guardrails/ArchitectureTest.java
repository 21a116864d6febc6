package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Build checks on the shape of core's main code, by a small scan of its sources (no extra
 * dependency): no method longer than {@value #MAX_METHOD_LINES} lines unless it is a documented hot
 * loop (a comment containing "hot loop" just above it), and no import cycle among core packages.
 *
 * <p>The method check is a ratchet: what exceeds the rule is listed below by name and may only
 * shrink (a listed entry within the rule fails the test too, so the list stays exact); it is empty
 * today. The package check allows no cycle at all: the layers are {@code text} (the analyzed text,
 * offsets, {@code Span}) under the root package (the API and the package-private engine), under
 * {@code stream} and {@code client}; {@code internal} holds only the bridge the stream facade uses
 * to reach the engine and names no other core package.
 */
class ArchitectureTest {

  static final int MAX_METHOD_LINES = 80;

  /** Methods over the limit today (file#method -> lines when listed); they may only get shorter. */
  static final Map<String, Integer> KNOWN_LONG_METHODS = Map.of(); // GuardedStream.scan (153) was split

  static final Path MAIN = Path.of("src/main/java");

  @Test
  void noMethodOverTheLimitExceptDocumentedHotLoops() throws IOException {
    Map<String, Integer> longOnes = new TreeMap<>();
    for (Path file : javaFiles()) {
      String raw = Files.readString(file);
      longOnes.putAll(longMethods(MAIN.relativize(file).toString().replace('\\', '/'), raw));
    }
    List<String> problems = new ArrayList<>();
    longOnes.forEach(
        (name, lines) -> {
          Integer known = KNOWN_LONG_METHODS.get(name);
          if (known == null || lines > known) {
            problems.add(name + " has " + lines + " lines (limit " + MAX_METHOD_LINES + ")");
          }
        });
    for (String name : KNOWN_LONG_METHODS.keySet()) {
      if (!longOnes.containsKey(name)) {
        problems.add(name + " is within the limit now: remove it from KNOWN_LONG_METHODS");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void noImportCycleAmongCorePackages() throws IOException {
    Map<String, Set<String>> graph = packageGraph();
    assertTrue(graph.containsKey("dev.guardrails"), "scan found the root package: " + graph.keySet());
    Set<String> cycleEdges = new TreeSet<>();
    for (Set<String> component : stronglyConnected(graph)) {
      for (String from : component) {
        for (String to : graph.get(from)) {
          if (component.contains(to)) {
            cycleEdges.add(from + " -> " + to);
          }
        }
      }
    }
    assertEquals(Set.of(), cycleEdges, "package dependency edges in a cycle");
  }

  @Test
  void theBottomLayersNameNoOtherCorePackage() throws IOException {
    Map<String, Set<String>> graph = packageGraph();
    // text: what detectors read (AnalyzedText, offsets, Span); internal: the stream facade's bridge
    assertEquals(Set.of(), graph.get("dev.guardrails.text"), "dev.guardrails.text depends on");
    assertEquals(Set.of(), graph.get("dev.guardrails.internal"), "dev.guardrails.internal depends on");
    assertEquals(Set.of("dev.guardrails.internal", "dev.guardrails.text"), graph.get("dev.guardrails"),
        "the root package depends on");
  }

  @Test
  void theScannersSeeWhatTheyShould() {
    String src =
        "class A {\n  // hot loop: measured\n  void hot() {\n"
            + "    int x;\n".repeat(90)
            + "  }\n  void cold() { String s = \"}{\"; char c = '}';\n"
            + "    int y;\n".repeat(90)
            + "  }\n  void small() {}\n}\n";
    assertEquals(Map.of("A.java#cold", 92), longMethods("A.java", src));
    Map<String, Set<String>> g = new TreeMap<>();
    g.put("a", Set.of("b"));
    g.put("b", Set.of("c"));
    g.put("c", Set.of("a"));
    g.put("d", Set.of("a"));
    assertEquals(List.of(Set.of("a", "b", "c")), stronglyConnected(g));
  }

  // ---- method lengths ----

  /** Methods (and constructors) over the limit in one source file, without documented hot loops. */
  static Map<String, Integer> longMethods(String fileName, String raw) {
    String code = stripCommentsAndLiterals(raw);
    String[] rawLines = raw.split("\n", -1);
    Map<String, Integer> out = new TreeMap<>();
    Deque<Boolean> typeBlocks = new ArrayDeque<>(); // true: a type body
    Deque<int[]> methodStarts = new ArrayDeque<>(); // {depth, start line} of open methods
    Deque<String> methodNames = new ArrayDeque<>();
    StringBuilder header = new StringBuilder();
    int headerLine = -1;
    int line = 1;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c == '{') {
        String h = header.toString().strip();
        boolean parentIsType = !typeBlocks.isEmpty() && typeBlocks.peek();
        boolean isType = h.matches("(?s).*\\b(class|interface|enum|record)\\b.*") && !h.contains("new ");
        int paren = h.indexOf('(');
        boolean isMethod =
            !isType && parentIsType && paren > 0 && !h.substring(0, paren).contains("=");
        if (isMethod) {
          methodStarts.push(new int[] {typeBlocks.size(), headerLine < 0 ? line : headerLine});
          methodNames.push(name(h.substring(0, paren)));
        }
        typeBlocks.push(isType);
        header.setLength(0);
        headerLine = -1;
      } else if (c == '}') {
        typeBlocks.pop();
        if (!methodStarts.isEmpty() && methodStarts.peek()[0] == typeBlocks.size()) {
          int start = methodStarts.pop()[1];
          String name = methodNames.pop();
          int lines = line - start + 1;
          if (lines > MAX_METHOD_LINES && !documentedHotLoop(rawLines, start)) {
            out.merge(fileName + "#" + name, lines, Math::max);
          }
        }
        header.setLength(0);
        headerLine = -1;
      } else if (c == ';') {
        header.setLength(0);
        headerLine = -1;
      } else {
        if (headerLine < 0 && !Character.isWhitespace(c)) {
          headerLine = line;
        }
        header.append(c);
      }
    }
    return out;
  }

  private static String name(String beforeParen) {
    String[] words = beforeParen.strip().split("[\\s<>,\\[\\]]+");
    return words[words.length - 1];
  }

  /** A comment containing "hot loop" in the 15 lines above the method's first line. */
  private static boolean documentedHotLoop(String[] rawLines, int startLine) {
    for (int l = Math.max(0, startLine - 16); l < startLine - 1 && l < rawLines.length; l++) {
      if (rawLines[l].toLowerCase(java.util.Locale.ROOT).contains("hot loop")) {
        return true;
      }
    }
    return false;
  }

  /** Blanks comments, string, text-block and char literals, keeping newlines (line numbers stay). */
  static String stripCommentsAndLiterals(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        keepNewlines(s, i, end, out);
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end + 3;
        keepNewlines(s, i, end, out);
        out.append("\"\"");
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = Math.min(s.length(), j + 1);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void keepNewlines(String s, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        out.append('\n');
      }
    }
  }

  // ---- package cycles ----

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(dev\\.guardrails(?:\\.[a-z_][\\w]*)*)\\.[A-Z]");

  /** Core package -> core packages its main sources name (imports and qualified names). */
  static Map<String, Set<String>> packageGraph() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path file : javaFiles()) {
      String code = stripCommentsAndLiterals(Files.readString(file));
      Matcher p = PACKAGE.matcher(code);
      if (!p.find()) {
        continue;
      }
      String from = p.group(1);
      Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        if (!m.group(1).equals(from)) {
          targets.add(m.group(1));
        }
      }
    }
    graph.values().forEach(targets -> targets.retainAll(graph.keySet()));
    return graph;
  }

  /** Tarjan's strongly connected components with more than one node. */
  static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new TreeMap<>();
    Map<String, Integer> low = new TreeMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> out,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  private static List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
