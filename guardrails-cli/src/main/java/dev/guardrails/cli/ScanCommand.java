package dev.guardrails.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guardrails scan}: checks one text, or one answer per JSONL line. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scans a model answer (a file, or - for standard input) with the default pipeline and prints findings and the safe text.",
      "Exit codes: 0 pass, 1 flagged/redacted, 2 blocked, 64 usage, 65 bad input data, 66 no such file, 74 I/O error."
    })
final class ScanCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "The answer to scan; - or absent reads standard input.")
  String input = "-";

  @Option(names = "--json", description = "Print one JSON object (the JSONL output format) instead of a table.")
  boolean json;

  @Option(names = "--jsonl", description = "Treat each input line as one answer: {\"text\":...,\"prompt\":...,\"sources\":[...],\"userValues\":[...]} or a JSON string; print one JSON object per line.")
  boolean jsonl;

  @Option(names = "--policy", paramLabel = "PRESET|FILE", description = "defaults (default), strict, lenient, report-only, or a policy file.")
  String policy = "defaults";

  @Option(names = "--source", paramLabel = "FILE", description = "A grounding source for claim checks (repeatable; plain-text mode).")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt that produced the answer (plain-text mode).")
  String prompt;

  @Option(names = "--user-value", paramLabel = "VALUE", description = "A value the user supplied themselves, not a leak (repeatable; plain-text mode).")
  List<String> userValues = new ArrayList<>();

  @Option(names = "--block-message", paramLabel = "TEXT", description = "The safe text of a blocked answer (default: empty).")
  String blockMessage = "";

  @Override
  public Integer call() {
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    if (json && jsonl) {
      err.println("guardrails: --json and --jsonl cannot be combined; choose one");
      return Main.EX_USAGE;
    }
    Policy p;
    try {
      p = resolvePolicy(policy);
    } catch (IllegalArgumentException e) {
      err.println("guardrails: " + e.getMessage());
      return Main.EX_USAGE;
    } catch (IOException e) {
      err.println("guardrails: cannot read policy file " + policy + ": " + e.getClass().getSimpleName());
      return Main.EX_IOERR;
    }
    Guardrail guard;
    try {
      guard = Guardrail.builder().discoverDetectors().policy(p).blockMessage(blockMessage).build();
    } catch (IllegalStateException e) {
      err.println("guardrails: " + e.getMessage());
      return Main.EX_SOFTWARE;
    }
    Writer out = new OutputStreamWriter(new BufferedOutputStream(System.out, 1 << 16), StandardCharsets.UTF_8);
    try (InputStream in = open(input)) {
      int code;
      if (jsonl) {
        code = new JsonlScanner(guard, new ObjectMapper()).scan(in, out);
      } else {
        code = scanOne(guard, in, out, err);
      }
      out.flush();
      return code;
    } catch (NoSuchFileException e) {
      err.println("guardrails: no such file: " + input);
      return Main.EX_NOINPUT;
    } catch (IOException e) {
      err.println("guardrails: cannot read " + ("-".equals(input) ? "standard input" : input) + ": " + e.getClass().getSimpleName());
      return Main.EX_IOERR;
    }
  }

  private int scanOne(Guardrail guard, InputStream in, Writer out, PrintWriter err) throws IOException {
    String text;
    try {
      text = Utf8.decode(readAll(in));
    } catch (CharacterCodingException e) {
      err.println("guardrails: input is not valid UTF-8: " + ("-".equals(input) ? "standard input" : input));
      return Main.EX_DATAERR;
    }
    CheckContext.Builder ctx = CheckContext.builder();
    if (prompt != null) {
      ctx.prompt(prompt);
    }
    for (String v : userValues) {
      ctx.userValue(v);
    }
    for (Path s : sources) {
      try {
        ctx.source(s.toString(), Utf8.decode(Files.readAllBytes(s)));
      } catch (NoSuchFileException e) {
        err.println("guardrails: no such source file: " + s);
        return Main.EX_NOINPUT;
      } catch (CharacterCodingException e) {
        err.println("guardrails: source file is not valid UTF-8: " + s);
        return Main.EX_DATAERR;
      }
    }
    GuardResult r = guard.check(text, ctx.build());
    if (json) {
      out.write(JsonlScanner.toJson(new ObjectMapper(), r));
      out.write('\n');
    } else {
      HumanReport.write(r, out);
    }
    return ExitCodes.of(r.verdict());
  }

  private static Policy resolvePolicy(String spec) throws IOException {
    Path file = Path.of(spec);
    if (Files.isRegularFile(file)) {
      return Policy.load(file);
    }
    try {
      return Policy.preset(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown policy '" + spec + "': not a preset (defaults, strict, lenient, report-only) and no such file");
    }
  }

  private static InputStream open(String input) throws IOException {
    if ("-".equals(input)) {
      return System.in;
    }
    return Files.newInputStream(Path.of(input));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }
}
