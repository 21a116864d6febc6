package dev.guardrails.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.DetectorError;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.Map;

/**
 * The JSONL contract (stable; documented in the README): one output line per input line, in
 * order.
 *
 * <p>Input line: {@code {"text": "...", "prompt": "...", "sources": ["..."], "userValues": ["..."]}}
 * (only {@code text} required; unknown fields ignored) or a bare JSON string. Output line:
 * {@code {"verdict": "PASS|FLAG|REDACT|BLOCK", "safeText": "...", "findings": [{"detector", "category",
 * "type", "start", "end", "score", "message", "suggestions", "action"}], "timingsMicros": {...},
 * "errors": [...]}}; a malformed line gives {@code {"error": "..."}} with a message that never quotes
 * the input.
 */
final class JsonlScanner {

  private final Guardrail guard;
  private final ObjectMapper mapper;

  JsonlScanner(Guardrail guard, ObjectMapper mapper) {
    this.guard = guard;
    this.mapper = mapper;
  }

  /** Scans every line; returns the exit code (worst verdict, or 65 when any line was malformed). */
  int scan(InputStream rawIn, Writer out) throws IOException {
    InputStream in = new BufferedInputStream(rawIn, 1 << 16);
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    int worst = 0;
    boolean malformed = false;
    int lineNo = 0;
    boolean more = true;
    while (more) {
      line.reset();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        line.write(c);
      }
      if (c == -1) {
        more = false;
        if (line.size() == 0) {
          break; // no line after the last newline
        }
      }
      lineNo++;
      byte[] bytes = line.toByteArray();
      int len = bytes.length;
      if (len > 0 && bytes[len - 1] == '\r') {
        len--;
      }
      String outLine;
      try {
        GuardResult r = scanLine(Utf8.decode(bytes, 0, len), lineNo);
        worst = Math.max(worst, ExitCodes.of(r.verdict()));
        outLine = toJson(mapper, r);
      } catch (CharacterCodingException e) {
        malformed = true;
        outLine = error("line " + lineNo + ": not valid UTF-8");
      } catch (LineException e) {
        malformed = true;
        outLine = error(e.getMessage());
      }
      out.write(outLine);
      out.write('\n');
    }
    return malformed ? Main.EX_DATAERR : worst;
  }

  private GuardResult scanLine(String s, int lineNo) {
    Answer a = parse(mapper, s, lineNo);
    return guard.check(a.text(), a.context());
  }

  /** One input line: the answer's text and what the check may know. */
  record Answer(String text, CheckContext context) {}

  /**
   * Parses one input line of the JSONL contract (also used by {@code guardrails bench}).
   *
   * @param mapper the JSON mapper
   * @param s the line, without its line break
   * @param lineNo the 1-based line number, for messages
   * @return the answer
   * @throws LineException if the line is malformed (the message names the line, never its text)
   */
  static Answer parse(ObjectMapper mapper, String s, int lineNo) {
    JsonNode node;
    try {
      node = mapper.readTree(s);
    } catch (JsonProcessingException e) {
      throw new LineException("line " + lineNo + ": not valid JSON (column " + e.getLocation().getColumnNr() + ")");
    }
    if (node == null || node.isMissingNode()) {
      throw new LineException("line " + lineNo + ": empty line; expected a JSON object or string");
    }
    if (node.isTextual()) {
      return new Answer(node.textValue(), CheckContext.empty());
    }
    if (!node.isObject()) {
      throw new LineException("line " + lineNo + ": expected a JSON object or string, got " + node.getNodeType());
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new LineException("line " + lineNo + ": field \"text\" must be a string");
    }
    CheckContext.Builder ctx = CheckContext.builder();
    JsonNode prompt = node.get("prompt");
    if (prompt != null && !prompt.isNull()) {
      if (!prompt.isTextual()) {
        throw new LineException("line " + lineNo + ": field \"prompt\" must be a string");
      }
      ctx.prompt(prompt.textValue());
    }
    JsonNode sources = node.get("sources");
    if (sources != null && !sources.isNull()) {
      int i = 0;
      for (JsonNode src : strings(sources, "sources", lineNo)) {
        ctx.source("source-" + (++i), src.textValue());
      }
    }
    JsonNode users = node.get("userValues");
    if (users != null && !users.isNull()) {
      for (JsonNode v : strings(users, "userValues", lineNo)) {
        ctx.userValue(v.textValue());
      }
    }
    return new Answer(text.textValue(), ctx.build());
  }

  private static Iterable<JsonNode> strings(JsonNode arr, String field, int lineNo) {
    if (!arr.isArray()) {
      throw new LineException("line " + lineNo + ": field \"" + field + "\" must be an array of strings");
    }
    for (JsonNode n : arr) {
      if (!n.isTextual()) {
        throw new LineException("line " + lineNo + ": field \"" + field + "\" must be an array of strings");
      }
    }
    return arr;
  }

  private String error(String message) throws JsonProcessingException {
    ObjectNode o = mapper.createObjectNode();
    o.put("error", message);
    return mapper.writeValueAsString(o);
  }

  /** Serializes a result in the JSONL output format. */
  static String toJson(ObjectMapper mapper, GuardResult r) throws JsonProcessingException {
    ObjectNode o = mapper.createObjectNode();
    o.put("verdict", r.verdict().name());
    o.put("safeText", r.safeText());
    ArrayNode findings = o.putArray("findings");
    for (Decision d : r.decisions()) {
      Finding f = d.finding();
      ObjectNode fo = findings.addObject();
      fo.put("detector", f.detector());
      fo.put("category", f.category().name());
      fo.put("type", f.type().name());
      fo.put("start", f.start());
      fo.put("end", f.end());
      fo.put("score", Math.round(f.score() * 1000) / 1000.0);
      fo.put("message", f.message());
      ArrayNode sug = fo.putArray("suggestions");
      f.suggestions().forEach(sug::add);
      fo.put("action", d.action().name());
      f.evidence().ifPresent(ev -> {
        ObjectNode eo = fo.putObject("evidence");
        eo.put("source", ev.sourceId());
        eo.put("start", ev.span().start());
        eo.put("end", ev.span().end());
      });
      if (!f.attributes().isEmpty()) { // optional: what the context says about a name (linked, private, publicFigure, echo)
        ArrayNode attrs = fo.putArray("attributes");
        f.attributes().forEach(attrs::add);
      }
    }
    ObjectNode timings = o.putObject("timingsMicros");
    for (Map.Entry<String, Duration> e : r.timings().entrySet()) {
      timings.put(e.getKey(), e.getValue().toNanos() / 1000);
    }
    if (!r.errors().isEmpty()) {
      ArrayNode errors = o.putArray("errors");
      for (DetectorError e : r.errors()) {
        ObjectNode eo = errors.addObject();
        eo.put("detector", e.detector());
        eo.put("kind", e.kind());
        eo.put("action", e.action().name());
      }
    }
    return mapper.writeValueAsString(o);
  }

  /** A malformed input line; the message names the line, never its content. */
  static final class LineException extends RuntimeException {
    LineException(String message) {
      super(message, null, false, false);
    }
  }

}
