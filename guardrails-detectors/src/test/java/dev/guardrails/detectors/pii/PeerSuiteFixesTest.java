package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.Guardrail;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One row per failure class that Presidio's recognizer tests exposed (issue 14), hand-checked:
 * {@code text | type | exact expected span}, or {@code text | !type} for a type that must not be
 * reported anywhere. Each row failed before its fix.
 */
class PeerSuiteFixesTest {

  private static final String[] ROWS = {
    // IPv6 with a dotted IPv4 tail: one span, nothing left visible
    "2001:db8::192.168.1.1|IP_ADDRESS|2001:db8::192.168.1.1",
    "Connect to ::ffff:10.0.0.1 now|IP_ADDRESS|::ffff:10.0.0.1",
    "0:0:0:0:0:FFFF:129.144.52.38|IP_ADDRESS|0:0:0:0:0:FFFF:129.144.52.38",
    "2001:db8::256.1.1.1|!IP_ADDRESS",
    // short compressed forms, zones and prefixes
    "Gateway: fe80::1 on interface|IP_ADDRESS|fe80::1",
    "my ip: ::1|IP_ADDRESS|::1",
    "fe80::1%eth0/64|IP_ADDRESS|fe80::1%eth0/64",
    "Prefix: 2001:db8::/32|IP_ADDRESS|2001:db8::/32",
    "we use std::vector here|!IP_ADDRESS",
    // IPv4 with a CIDR suffix: an address, never a phone
    "Subnet: 192.168.1.0/24|IP_ADDRESS|192.168.1.0/24",
    "Route is 10.0.0.0/8.|IP_ADDRESS|10.0.0.0/8",
    "10.0.0.0/123|IP_ADDRESS|10.0.0.0",
    "192.168.1.0/24|!PHONE",
    "192.168.1.1.1|!PHONE",
    // dates, ITINs and dotted SSNs are not phone numbers
    "Today is 5-20-2021|!PHONE",
    "5-20-2021 is today.|!PHONE",
    "911-70-1234|US_ITIN|911-70-1234",
    "911-89-1234|!PHONE",
    "078.05.1123|US_SSN|078.05.1123",
    "078.05.1120|!PHONE",
    "078-051121 07805-1121|US_SSN|078-051121",
    "078-051121 07805-1121|!PHONE",
    // MAC: Cisco's dotted form; broadcast and null are no device
    "Cisco MAC: 0012.3456.789A|MAC_ADDRESS|0012.3456.789A",
    "Broadcast: FF:FF:FF:FF:FF:FF|!MAC_ADDRESS",
    // national IDs in their other printed forms
    "NINO: AA 12 34 56 H|!UK_NINO",
    "tw987654a|UK_NINO|tw987654a",
    "55555555-K|ES_NIF|55555555-K",
    "1111111G|ES_NIF|1111111G",
    "12345678z|ES_NIF|12345678z",
    "x9613851n|ES_NIF|x9613851n",
    "3123:4567:8909|IN_AADHAAR|3123:4567:8909",
    "3123 4567 8909|IN_AADHAAR|3123 4567 8909",
    "3222-7162-7|US_ABA_ROUTING|3222-7162-7",
    "130 692 544|CA_SIN|130 692 544",
    "code 750 994 485 applied|!CA_SIN",
    "122000000000003|CREDIT_CARD|122000000000003",
    "a@xn--d1acufc.xn--p1ai|EMAIL|a@xn--d1acufc.xn--p1ai",
    // a local number without area code after a phone cue (issue 14, "real answers"): already found (regression guard)
    "you can call me at 785 8949 tonight|PHONE|785 8949",
    "my cell is 785-8949.|PHONE|785-8949",
    "we sold 785 8949 units|!PHONE",
    // Presidio suite rows fixed with the country IDs (issue 15): Cisco MAC of letters only, a spaced
    // lower-case NINO, glued and "travel document" passport cues, a piece of a dash/dot-joined token
    // never reported alone (it left the rest visible), RRNs since 2020, Thai cues, HETU temporary serials
    "Physical address is aabb.ccdd.eeff|MAC_ADDRESS|aabb.ccdd.eeff",
    "hh 01 02 03 d|UK_NINO|hh 01 02 03 d",
    "my passportnumber is 912803456|US_PASSPORT|912803456",
    "my travel document is A12803456|US_PASSPORT|A12803456",
    "Tax ID: 000-123-456-001|!PHONE",
    "532.123.45.67|PHONE|532.123.45.67",
    "RRN 960121-1234567|KR_RRN|960121-1234567",
    "\u0e40\u0e25\u0e02\u0e1a\u0e31\u0e15\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19 2345678901234|TH_TNIN|2345678901234",
    "My hetu is 010594Y9032|FI_HETU|010594Y9032",
    "19910924-2397 \u00e4r mitt pnr.|SE_PERSONNUMMER|19910924-2397",
    // country rows of issue 15 (helper fix): a compact number with its trunk 0 that is a mobile number
    // at home (PH 0917, TR 0532, GB 07400) stands alone; a geographic one, an invoice number or the
    // counting sequence does not; a dotted number in phone groups is one phone; the M series of FIN;
    // a 12-digit TIN after "tax ID"; the counting sequence is no TIN
    "09171234567|PHONE|09171234567",
    "Cep no: 05321234567|PHONE|05321234567",
    "text me on 07400123456 later|PHONE|07400123456",
    "03121234567|!PHONE",
    "Invoice 09171234567 is paid|!PHONE",
    "12345678901|!PHONE",
    "Windows 10.0.19041.1 is installed|!PHONE",
    "M4332674T|SG_NRIC_FIN|M4332674T",
    "Tax ID: 000-123-456-001|PH_TIN|000-123-456-001",
    "Not a TIN 123456789|!PH_TIN",
  };

  private static Guardrail guard;

  @BeforeAll
  static void build() {
    guard = PiiAccuracy.allDetectors();
  }

  @Test
  void everyFixedClassHolds() {
    List<String> failures = new ArrayList<>();
    for (String row : ROWS) {
      String[] f = row.split("\\|", -1);
      String text = f[0];
      List<Finding> found = guard.check(text, CheckContext.empty()).findings();
      if (f[1].startsWith("!")) {
        String type = f[1].substring(1);
        if (found.stream().anyMatch(x -> x.type().name().equals(type))) {
          failures.add(row + " -> " + found);
        }
      } else {
        int s = text.indexOf(f[2]);
        int e = s + f[2].length();
        if (found.stream().noneMatch(x -> x.type().name().equals(f[1]) && x.start() == s && x.end() == e)) {
          failures.add(row + " -> " + found);
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " rows fail:\n" + String.join("\n", failures));
  }
}
