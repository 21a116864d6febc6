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
      "requests", "client", "proxy", "firewall", "network", "from", "blocked", "login", "src", "dst", "source",
      "destination", "loopback", "localhost", "unspecified", "multicast", "unicast", "anycast", "interface",
      "route", "routes", "routing", "prefix", "cidr", "mapped", "tunnel", "nat", "nat64", "link", "listen", "bind");

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
    boolean net = NETWORK.near(h, start, end);
    if (SOFTWARE.near(h, start, end) && !net) {
      return false;
    }
    h.emit(IP_ADDRESS, start, prefixLength(s, end, 32), net ? 0.95 : 0.85, "IPv4 address");
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

  /**
   * Tries an IPv6 address starting at {@code i}; returns its end if reported, else -1. Accepts the
   * RFC 4291 text forms: eight hextets, one {@code ::} compression, and a dotted IPv4 tail
   * ({@code ::ffff:10.0.0.1}, {@code 64:ff9b::192.0.2.1}, which counts as two hextets and must be
   * four bytes, else nothing is reported); then a zone ({@code %eth0}) and a prefix length
   * ({@code /64}, 0-128; a larger one is left out of the span). Short compressed forms (fewer than
   * three groups or six hex digits: {@code ::1}, {@code fe80::1}, {@code ::}) need a well-known
   * prefix (link-local {@code fe80}, multicast {@code ff0x}, documentation {@code 2001:db8}) or a
   * network word nearby, and must stand alone (not glued to a word, as in {@code std::map}).
   */
  static int v6(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    if (i > 0 && (Context.isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == '.'
        || s.charAt(i - 1) == ':' && i > 1 && (isHex(s.charAt(i - 2)) || s.charAt(i - 2) == ':'))) {
      return -1; // the tail of a longer token
    }
    int p = i;
    int groups = 0;
    int hexDigits = 0;
    boolean compressed = false;
    boolean v4Tail = false;
    int lastGood = -1;
    if (p + 1 < n && s.charAt(p) == ':' && s.charAt(p + 1) == ':') {
      compressed = true;
      p += 2;
      lastGood = p;
    }
    while (p < n) {
      int q = p;
      while (q < n && q - p < 5 && isHex(s.charAt(q))) {
        q++;
      }
      int len = q - p;
      if (len == 0 || len > 4) {
        break;
      }
      if (q + 1 < n && s.charAt(q) == '.' && s.charAt(q + 1) >= '0' && s.charAt(q + 1) <= '9' && (compressed || groups == 6)) {
        int e = v4Tail(s, p);
        if (e < 0) {
          return -1; // "2001:db8::256.1.1.1": an address with a broken IPv4 tail is no address
        }
        groups += 2;
        hexDigits += 4;
        lastGood = e;
        v4Tail = true;
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
    if (lastGood < 0 || groups > 8 || (!compressed && groups != 8) || (compressed && groups > 7)) {
      return -1;
    }
    int end = lastGood;
    if (end < n && (Context.isWordChar(s.charAt(end)) || s.charAt(end) == ':' || s.charAt(end) == '.' && v4Tail
        && end + 1 < n && Character.isLetterOrDigit(s.charAt(end + 1)))) {
      return -1;
    }
    if (!v4Tail && (groups < 3 || hexDigits < 6) && !wellKnown(s, i) && prefixLength(s, end, 128) == end
        && !NETWORK.near(h, i, end)) {
      return -1;
    }
    end = zone(s, end);
    end = prefixLength(s, end, 128);
    h.emit(IP_ADDRESS, i, end, 0.9, "IPv6 address");
    return end;
  }

  /** End of a four-byte dotted quad at {@code p}, or -1. */
  private static int v4Tail(String s, int p) {
    int n = s.length();
    for (int k = 0; k < 4; k++) {
      int q = p;
      int v = 0;
      while (q < n && q - p < 4 && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
        v = v * 10 + s.charAt(q) - '0';
        q++;
      }
      if (q == p || q - p > 3 || v > 255 || (q - p > 1 && s.charAt(p) == '0')) {
        return -1;
      }
      if (k < 3) {
        if (q >= n || s.charAt(q) != '.') {
          return -1;
        }
        p = q + 1;
      } else {
        p = q;
      }
    }
    return p;
  }

  /** A well-known IPv6 prefix at {@code i}: link-local fe80, multicast ff0x, documentation 2001:db8. */
  private static boolean wellKnown(String s, int i) {
    return s.regionMatches(true, i, "fe80:", 0, 5) || s.regionMatches(true, i, "ff0", 0, 3)
        || s.regionMatches(true, i, "2001:db8:", 0, 9);
  }

  /** Extends {@code end} over an IPv6 zone index ({@code %eth0}). */
  private static int zone(String s, int end) {
    int n = s.length();
    if (end + 1 < n && s.charAt(end) == '%' && Character.isLetterOrDigit(s.charAt(end + 1))) {
      int q = end + 1;
      while (q < n && q - end <= 16 && (Context.isWordChar(s.charAt(q)) || s.charAt(q) == '.' && q + 1 < n
          && Context.isWordChar(s.charAt(q + 1)))) {
        q++;
      }
      return q;
    }
    return end;
  }

  /**
   * Extends {@code end} over a CIDR prefix length ({@code /24}) of at most {@code max}; a larger
   * number, or one glued to more text, stays out of the span.
   */
  static int prefixLength(String s, int end, int max) {
    int n = s.length();
    if (end + 1 >= n || s.charAt(end) != '/') {
      return end;
    }
    int q = end + 1;
    int v = 0;
    while (q < n && q - end <= 3 && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
      v = v * 10 + s.charAt(q) - '0';
      q++;
    }
    if (q == end + 1 || q - end > 4 || v > max || (q < n && (Context.isWordChar(s.charAt(q)) || s.charAt(q) == '/'))) {
      return end;
    }
    return q;
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
    if (sameHex(s, i, end)) {
      return -1; // broadcast FF:FF:FF:FF:FF:FF and the null 00:00:00:00:00:00 name no device
    }
    h.emit(MAC_ADDRESS, i, end, 0.85, "MAC address");
    return end;
  }

  static final Context MAC_CTX = Context.of("mac", "hardware", "physical", "ethernet", "device", "nic", "wifi",
      "address", "interface", "adapter");

  /**
   * Tries a MAC address in Cisco's dotted form ({@code 0012.3456.789a}: three groups of four hex
   * digits) at {@code i}; returns its end if reported, else -1. Without a digit it needs a network
   * or hardware word nearby ({@code aabb.ccdd.eeff} could be words).
   */
  static int ciscoMac(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    int end = i + 14;
    if (end > n || (i > 0 && (Context.isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == '.'))) {
      return -1;
    }
    boolean digit = false;
    for (int k = 0; k < 14; k++) {
      char c = s.charAt(i + k);
      if (k == 4 || k == 9) {
        if (c != '.') {
          return -1;
        }
      } else if (!isHex(c)) {
        return -1;
      } else {
        digit |= c <= '9';
      }
    }
    if (end < n && (Context.isWordChar(s.charAt(end)) || s.charAt(end) == '.' && end + 1 < n
        && Context.isWordChar(s.charAt(end + 1)))) {
      return -1;
    }
    if (sameHex(s, i, end) || !digit && !MAC_CTX.near(h, i, end)) {
      return -1;
    }
    h.emit(MAC_ADDRESS, i, end, digit ? 0.8 : 0.7, "MAC address");
    return end;
  }

  /** Whether every hex digit of {@code s[from, to)} is the same (separators skipped). */
  private static boolean sameHex(String s, int from, int to) {
    char first = Character.toLowerCase(s.charAt(from));
    for (int k = from; k < to; k++) {
      char c = Character.toLowerCase(s.charAt(k));
      if (isHex(c) && c != first) {
        return false;
      }
    }
    return true;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
