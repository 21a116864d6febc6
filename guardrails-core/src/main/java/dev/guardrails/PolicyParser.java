package dev.guardrails;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

/** Parses the policy file format described on {@link Policy}. */
final class PolicyParser {

  private PolicyParser() {}

  static Policy parse(BufferedReader in) throws IOException {
    Policy.Builder b = null;
    String line;
    int no = 0;
    while ((line = in.readLine()) != null) {
      no++;
      if (no == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1); // byte-order mark of a file saved by a Windows editor
      }
      if (line.length() > 10_000) {
        throw error(no, "line is longer than 10000 characters");
      }
      String s = stripComment(line).trim();
      if (s.isEmpty()) {
        continue;
      }
      if (s.startsWith("extends ")) {
        if (b != null) {
          throw error(no, "'extends' must be the first statement");
        }
        try {
          b = Policy.preset(s.substring(8).trim()).toBuilder();
        } catch (IllegalArgumentException e) {
          throw error(no, e.getMessage());
        }
        continue;
      }
      if (b == null) {
        b = Policy.builder();
      }
      try {
        statement(b, s);
      } catch (IllegalArgumentException e) {
        throw error(no, e.getMessage());
      }
    }
    return (b == null ? Policy.builder() : b).build();
  }

  /** A '#' starts a comment at the line start or after white space, so "mask:#:4" keeps its '#'. */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static void statement(Policy.Builder b, String s) {
    int eq = s.lastIndexOf('=');
    if (eq <= 0 || eq == s.length() - 1) {
      throw new IllegalArgumentException("expected 'TARGET [ATTRIBUTE] [>= SCORE] = ACTION' or 'redact TARGET = OPERATOR'");
    }
    String left = s.substring(0, eq).trim();
    String right = s.substring(eq + 1).trim();
    if (left.endsWith(">")) { // "X >= 0.5 = A": lastIndexOf found the second '='
      throw new IllegalArgumentException("expected 'TARGET >= SCORE = ACTION'");
    }
    if (left.startsWith("redact ")) {
      String target = left.substring(7).trim();
      Redactor r = Redactor.parse(right);
      if (target.equals("default")) {
        b.defaultRedactor(r);
      } else if (target.indexOf('/') >= 0) {
        b.redactor(FindingType.parse(target), r);
      } else {
        b.redactor(category(target), r);
      }
      return;
    }
    Action action = action(right);
    double min = 0.0;
    String target = left;
    int ge = left.indexOf(">=");
    if (ge >= 0) {
      target = left.substring(0, ge).trim();
      String score = left.substring(ge + 2).trim();
      try {
        min = Double.parseDouble(score);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("score must be a number in [0, 1]: " + score);
      }
    }
    String attribute = null;
    int sp = indexOfWhitespace(target);
    if (sp > 0) {
      attribute = attribute(target.substring(sp).trim());
      target = target.substring(0, sp);
      if (target.indexOf('/') < 0) {
        throw new IllegalArgumentException("an attribute rule needs a CATEGORY/TYPE target, such as PII/PERSON: " + target);
      }
    }
    if (attribute != null) {
      b.rule(FindingType.parse(target), attribute, min, action);
    } else if (target.equals("default")) {
      if (ge >= 0) {
        throw new IllegalArgumentException("'default' takes no score");
      }
      b.defaultAction(action);
    } else if (target.indexOf('/') >= 0) {
      b.rule(FindingType.parse(target), min, action);
    } else {
      b.rule(category(target), min, action);
    }
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The attributes a policy file may name; "public" and "public-figure" stand for publicFigure. */
  private static String attribute(String s) {
    switch (s) {
      case "linked":
        return Finding.LINKED;
      case "private":
        return Finding.PRIVATE;
      case "publicFigure":
      case "public":
      case "public-figure":
        return Finding.PUBLIC_FIGURE;
      case "echo":
        return Finding.ECHO;
      default:
        throw new IllegalArgumentException("attribute must be linked, private, publicFigure (or public) or echo: " + s);
    }
  }

  private static Action action(String s) {
    try {
      return Action.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("action must be ALLOW, FLAG, REDACT or BLOCK: " + s);
    }
  }

  private static Category category(String s) {
    try {
      return Category.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("target must be default, a category (PII, SECRET, BIAS, CLAIM, OTHER) or CATEGORY/TYPE: " + s);
    }
  }

  private static IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException("policy line " + line + ": " + message);
  }
}
