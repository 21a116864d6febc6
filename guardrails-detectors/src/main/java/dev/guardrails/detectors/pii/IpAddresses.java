package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.IP_ADDRESS;
import static dev.guardrails.detectors.pii.PiiPatternDetector.MAC_ADDRESS;

/**
 * IPv4 (four dotted octets 0-255, no leading zeros, not a version string in software context),
 * IPv6 (eight hextets or one {@code ::} compression) and MAC addresses (six hex pairs joined by
 * {@code :} or {@code -}), each parsed rather than matched.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class IpAddresses {

  private IpAddresses() {}

  static final Context SOFTWARE = Context.of("version", "versions", "ver", "build", "release", "released",
      "firmware", "update", "updated", "upgrade", "upgraded", "patch", "package", "library", "sdk", "jdk",
      "plugin", "dependency", "module", "app", "software", "driver", "kernel", "installed", "install",
      "changelog", "semver", "chapter", "section", "figure", "table", "step", "rule");
  static final Context NETWORK = Context.of("ip", "ipv4", "ipv6", "address", "server", "host", "subnet",
      "gateway", "dns", "router", "ping", "ssh", "connect", "connected", "connection", "request",
      "requests", "client", "proxy", "firewall", "network", "from", "blocked", "login");

  /**
   * Groups {@code [a, a+3]} of a run form the run and are four bytes ({@link #quad}, checked by the
   * caller): checks what surrounds them and the context, and reports.
   */
  static boolean v4(Hits h, int[] gs, int[] ge, int a, int start, int end) {
    String s = h.s;
    if (start > 0 && (s.charAt(start - 1) == '.' || s.charAt(start - 1) == '-' || s.charAt(start - 1) == '/')
        || end < s.length() - 1 && s.charAt(end) == '.' && Character.isLetterOrDigit(s.charAt(end + 1))) {
      return false; // part of a longer dotted name, path or range
    }
    boolean net = NETWORK.near(s, start, end);
    if (SOFTWARE.near(s, start, end) && !net) {
      return false;
    }
    h.emit(IP_ADDRESS, start, end, net ? 0.95 : 0.85, "IPv4 address");
    return true;
  }

  /** Whether groups {@code a..a+3} are four bytes (0-255, no leading zero): an IPv4 address's shape. */
  static boolean quad(String s, int[] gs, int[] ge, int a) {
    for (int k = a; k < a + 4; k++) {
      int len = ge[k] - gs[k];
      if (len > 3 || (len > 1 && s.charAt(gs[k]) == '0')) {
        return false;
      }
      int v = 0;
      for (int p = gs[k]; p < ge[k]; p++) {
        v = v * 10 + s.charAt(p) - '0';
      }
      if (v > 255) {
        return false;
      }
    }
    return true;
  }

  /** Tries an IPv6 address starting at {@code i}; returns its end if reported, else -1. */
  static int v6(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    int p = i;
    int groups = 0;
    int hexDigits = 0;
    boolean compressed = false;
    if (p + 1 < n && s.charAt(p) == ':' && s.charAt(p + 1) == ':') {
      compressed = true;
      p += 2;
    }
    int lastGood = -1;
    while (p < n) {
      int q = p;
      while (q < n && q - p < 5 && isHex(s.charAt(q))) {
        q++;
      }
      int len = q - p;
      if (len == 0 || len > 4) {
        break;
      }
      groups++;
      hexDigits += len;
      lastGood = q;
      if (q + 1 < n && s.charAt(q) == ':' && s.charAt(q + 1) == ':') {
        if (compressed) {
          return -1;
        }
        compressed = true;
        p = q + 2;
        lastGood = p;
      } else if (q + 1 < n && s.charAt(q) == ':' && isHex(s.charAt(q + 1))) {
        p = q + 1;
      } else {
        break;
      }
      if (groups > 8) {
        return -1;
      }
    }
    if (lastGood < 0 || groups > 8 || (!compressed && groups != 8) || (compressed && (groups > 7 || groups < 3))
        || hexDigits < 6) {
      return -1;
    }
    int end = lastGood;
    if (end < n && (Context.isWordChar(s.charAt(end)) || s.charAt(end) == ':')) {
      return -1;
    }
    h.emit(IP_ADDRESS, i, end, 0.9, "IPv6 address");
    return end;
  }

  /** Tries a MAC address starting at {@code i}; returns its end if reported, else -1. */
  static int mac(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    if (i + 17 > n) {
      return -1;
    }
    char sep = s.charAt(i + 2);
    if (sep != ':' && sep != '-') {
      return -1;
    }
    for (int k = 0; k < 6; k++) {
      int p = i + 3 * k;
      if (!isHex(s.charAt(p)) || !isHex(s.charAt(p + 1)) || (k < 5 && s.charAt(p + 2) != sep)) {
        return -1;
      }
    }
    int end = i + 17;
    if (i > 0 && s.charAt(i - 1) == sep) {
      return -1; // the tail of a longer hex chain (EUI-64, key fingerprint)
    }
    if (end < n && (Context.isWordChar(s.charAt(end)) || s.charAt(end) == sep)) {
      return -1;
    }
    h.emit(MAC_ADDRESS, i, end, 0.85, "MAC address");
    return end;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
