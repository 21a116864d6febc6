#!/usr/bin/env python3
"""Writes guardrails-detectors/src/test/resources/dev/guardrails/detectors/pii/pii-cases.tsv.

Deterministic (fixed seed): every positive is a synthetic value built to pass its checksum (Luhn,
mod 97, Verhoeff, mod 11, 3-7-1, mod 23, base58check, bech32); every negative is a near miss (broken
check digit, reserved range, wrong length, look-alike in a software/order context). No real data.
Columns: type, pos|neg, value, text (text contains value; '\\n' stands for a line break).
Run from the repository root: python3 tools/pii/gen_pii_cases.py
"""
import base64, hashlib, json, random, string

R = random.Random(20261129)
rows = []

def add(t, label, value, template):
    text = template.replace("{}", value)
    assert value in text
    rows.append((t, label, value.replace("\n", "\\n"), text.replace("\n", "\\n")))

def digits(n):
    return "".join(R.choice(string.digits) for _ in range(n))

def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        s += v
    return str((10 - s % 10) % 10)

def luhn_complete(prefix, n):
    body = prefix + digits(n - len(prefix) - 1)
    return body + luhn_digit(body)

def break_last(v):
    return v[:-1] + str((int(v[-1]) + R.randint(1, 9)) % 10)

def group(v, sizes, sep):
    out, p = [], 0
    for k in sizes:
        out.append(v[p:p + k]); p += k
    return sep.join(out)

# ---------------------------------------------------------------- CREDIT_CARD
card_ctx = ["My card number is {}.", "Please charge {} for the order total.", "Visa: {} exp 09/29",
            "credit card {} was declined", "The customer paid with {} yesterday.", "Card on file: {}",
            "Use my debit card {} for the payment.", "{}"]
issuers = [("4", 16, [4, 4, 4, 4]), ("4", 13, None), ("51", 16, [4, 4, 4, 4]), ("2221", 16, [4, 4, 4, 4]),
           ("2720", 16, None), ("34", 15, [4, 6, 5]), ("37", 15, [4, 6, 5]), ("6011", 16, [4, 4, 4, 4]),
           ("65", 16, None), ("3530", 16, [4, 4, 4, 4]), ("36", 14, [4, 6, 4]), ("300", 14, None),
           ("62", 19, None), ("2200", 16, [4, 4, 4, 4]), ("6759", 16, None), ("5018", 12, None),
           ("4", 19, None), ("644", 16, [4, 4, 4, 4])]
for i, (pre, n, sizes) in enumerate(issuers):
    v = luhn_complete(pre, n)
    if sizes and i % 3 != 2:
        v = group(v, sizes, " " if i % 2 == 0 else "-")
    add("CREDIT_CARD", "pos", v, card_ctx[i % len(card_ctx)])
neg_cards = [
    (break_last(luhn_complete("4", 16)), "My card number is {}."),
    (group(break_last(luhn_complete("51", 16)), [4, 4, 4, 4], " "), "credit card {} was declined"),
    (break_last(luhn_complete("37", 15)), "Amex {} on file"),
    (luhn_complete("34", 16), "Card on file: {}"),            # Amex is 15 digits
    (luhn_complete("4", 15), "Visa {} expired"),              # Visa is 13/16/19
    (luhn_complete("9", 16), "card {}"),                      # no issuer in 9 except 9792/9860
    (luhn_complete("7", 16), "payment card {}"),
    ("4444444444444444", "card {}"),                          # all same digits
    (luhn_complete("4", 16), "Order number {} has shipped."),
    (luhn_complete("51", 16), "Tracking number {} for your parcel"),
    (luhn_complete("4", 16), "invoice {} is attached"),
    ("550e8400-e29b-41d4-a716-446655440000", "request id {} failed"),
    (break_last(luhn_complete("6011", 16)), "Discover {}"),
    (luhn_complete("3599", 16), "Reference {} in the ledger"),  # JCB block without a card word
    (luhn_complete("0604", 12), "Item {} is back in stock"),    # legacy Maestro range without a card word
    ("20240115093015123", "build {} passed"),
]
for v, t in neg_cards:
    add("CREDIT_CARD", "neg", v, t)

# ---------------------------------------------------------------- IBAN
def iban(cc, bban):
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return cc + "%02d" % (98 - int(num) % 97) + bban

def alnum_up(n):
    return "".join(R.choice(string.ascii_uppercase + string.digits) for _ in range(n))

def letters(n):
    return "".join(R.choice(string.ascii_uppercase) for _ in range(n))

bbans = [("DE", lambda: digits(18)), ("GB", lambda: letters(4) + digits(14)), ("FR", lambda: digits(10) + alnum_up(11) + digits(2)),
         ("ES", lambda: digits(20)), ("NL", lambda: letters(4) + digits(10)), ("IT", lambda: letters(1) + digits(10) + alnum_up(12)),
         ("CH", lambda: digits(5) + alnum_up(12)), ("BE", lambda: digits(12)), ("AT", lambda: digits(16)),
         ("PL", lambda: digits(24)), ("SE", lambda: digits(20)), ("NO", lambda: digits(11)), ("DK", lambda: digits(14)),
         ("IE", lambda: letters(4) + digits(14)), ("PT", lambda: digits(21)), ("FI", lambda: digits(14))]
iban_ctx = ["IBAN: {}", "Please wire the money to {} by Friday.", "Account {} (Deutsche Bank)", "{}",
            "my iban is {}", "Transfer to IBAN {} reference rent"]
for i, (cc, f) in enumerate(bbans):
    v = iban(cc, f())
    if i % 2 == 1:
        v = " ".join(v[k:k + 4] for k in range(0, len(v), 4))
    add("IBAN", "pos", v, iban_ctx[i % len(iban_ctx)])
for i, (cc, f) in enumerate(bbans):
    v = iban(cc, f())
    kind = i % 3
    if kind == 0:
        v = v[:2] + "%02d" % ((int(v[2:4]) + 1) % 100 or 2) + v[4:]   # check digits off by one
    elif kind == 1:
        v = v[:-1] + str((int(v[-1]) + 3) % 10) if v[-1].isdigit() else v[:-1] + "0"  # a changed digit
    else:
        v = v + "7"                                                # wrong length for the country
    add("IBAN", "neg", v, iban_ctx[i % len(iban_ctx)])
add("IBAN", "neg", "XX82WEST12345698765432", "IBAN: {}")  # not a country

# ---------------------------------------------------------------- US_SSN
def ssn_ok():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            return "%03d" % a, "%02d" % R.randint(1, 99), "%04d" % R.randint(1, 9999)
ssn_ctx = ["SSN: {}", "My social security number is {}.", "ssn {} on the form", "Employee {} (SSN)",
           "The applicant's SSN is {}", "{}"]
for i in range(16):
    a, g, s_ = ssn_ok()
    v = "-".join((a, g, s_)) if i % 3 else " ".join((a, g, s_))
    if i == 15:
        v = a + g + s_
        add("US_SSN", "pos", v, "social security number {}")
        continue
    add("US_SSN", "pos", v, ssn_ctx[i % len(ssn_ctx)])
for v in ["000-12-3456", "666-45-1234", "900-12-3456", "987-65-4321", "123-00-4567", "234-56-0000",
          "123-45-6789", "078-05-1120", "999-99-9999", "111-11-1111"]:
    add("US_SSN", "neg", v, "SSN: {}")
add("US_SSN", "neg", "234-56-7890", "Order 234-56-7890 shipped today")
add("US_SSN", "neg", "345678901", "Reference 345678901 in the ledger")
add("US_SSN", "neg", "12-345-6789", "Part 12-345-6789 is on back order")
add("US_SSN", "neg", "123-456-789", "ticket 123-456-789 closed")
add("US_SSN", "neg", "2024-01-15", "Released on 2024-01-15.")

# ---------------------------------------------------------------- IP_ADDRESS
ip_ctx = ["The server is at {}.", "ping {}", "Blocked login from {}", "connect to host {} on port 22",
          "DNS resolver: {}", "my IP address is {}"]
for i in range(10):
    v = "%d.%d.%d.%d" % (R.randint(1, 223), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
    add("IP_ADDRESS", "pos", v, ip_ctx[i % len(ip_ctx)])
for i in range(6):
    hx = ["%x" % R.randint(1, 0xffff) for _ in range(8)]
    v = ":".join(hx) if i % 2 == 0 else "2001:db8::" + hx[0] + ":" + hx[1]
    add("IP_ADDRESS", "pos", v, ip_ctx[i % len(ip_ctx)])
for v, t in [("1.2.3.4", "Upgrade the library to version 1.2.3.4 first."), ("2.0.1.7", "Firmware 2.0.1.7 fixes the bug."),
             ("256.1.1.1", "host {}"), ("10.0.0", "subnet {}"), ("10.0.0.1.5", "see {}"),
             ("01.02.03.04", "host {}"), ("3.1.4.1", "Installed package 3.1.4.1 yesterday"),
             ("12:30:45", "The meeting is at {} today."), ("2024.01.15", "Released {}"),
             ("1.2.840.113549", "OID {} is RSA"), ("999.10.10.10", "server {}"),
             ("4.19.0.21", "kernel {} panicked"), ("7.0.0.1", "SDK {} is out"),
             ("12:34", "meet at {}"), ("1:2:3", "ratio {}"), ("2001:db8", "prefix {} alone")]:
    add("IP_ADDRESS", "neg", v, t if "{}" in t else t.replace(v, "{}"))

# ---------------------------------------------------------------- MAC_ADDRESS
def mac(sep):
    return sep.join("%02X" % R.randint(0, 255) for _ in range(6))
for i in range(16):
    v = mac(":" if i % 2 == 0 else "-")
    if i % 4 == 3:
        v = v.lower()
    add("MAC_ADDRESS", "pos", v, ["MAC address {}", "device {} joined the network", "{}", "The NIC reports {}."][i % 4])
for v, t in [("12:30:45", "at {}"), ("00:1A:2B:3C:4D", "MAC {}"), ("00:1A:2B:3C:4D:5E:6F", "EUI {}"),
             ("0G:1A:2B:3C:4D:5E", "MAC {}"), ("00:1A-2B:3C-4D:5E", "MAC {}"), ("001A:2B3C:4D5E", "id {}"),
             ("fe80::1", "link {}"), ("10:15", "at {} pm"), ("2024-01-15", "on {}"), ("12-34-56", "part {}"),
             ("AB:CD:EF", "code {}"), ("1:2:3:4:5:6", "ratio {}"), ("00:00:00", "timer {}"),
             ("123:45:67:89:ab:cd", "value {}"), ("00-1A-2B-3C-4D", "MAC {}")]:
    add("MAC_ADDRESS", "neg", v, t)

# ---------------------------------------------------------------- URL_WITH_CREDENTIALS
schemes = ["https", "http", "ftp", "postgres", "mysql", "mongodb", "redis", "amqp", "sftp", "smtp"]
hosts = ["db.internal.example.com", "example.org", "10.0.0.5", "cache.example.net", "ftp.example.com"]
for i in range(16):
    user = R.choice(["admin", "deploy", "svc_app", "jane", "root", "backup"])
    pw = "".join(R.choice(string.ascii_letters + string.digits + "!$") for _ in range(R.randint(8, 16)))
    v = "%s://%s:%s@%s" % (schemes[i % len(schemes)], user, pw, hosts[i % len(hosts)])
    add("URL_WITH_CREDENTIALS", "pos", v, ["Connect with {}/app", "DATABASE_URL={}:5432/prod", "{}", "Try {} and report back."][i % 4])
for v in ["https://example.com/path?q=1", "http://example.com:8080/", "mailto:jane@example.com",
          "https://jane@example.com/", "ssh://git@example.com/repo.git", "https://example.com/@user",
          "http://localhost:3000", "https://example.com/a:b@c", "ftp://ftp.example.com/pub",
          "https://example.com/user:pass", "git@example.com:org/repo.git", "http://[::1]:8080/",
          "https://user:@example.com", "https://:secret@example.com", "jane:doe@example"]:
    add("URL_WITH_CREDENTIALS", "neg", v, "See {} for details")

# ---------------------------------------------------------------- CRYPTO
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def b58check(version, payload):
    raw = bytes([version]) + payload
    raw += hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    num = int.from_bytes(raw, "big")
    out = ""
    while num:
        num, r = divmod(num, 58)
        out = B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out

CH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
def polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk
def bech32(hrp, data, const):
    values = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp] + data
    pm = polymod(values + [0] * 6) ^ const
    return hrp + "1" + "".join(CH[d] for d in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])
def convertbits(data, frm, to):
    acc = bits = 0; ret = []
    for v in data:
        acc = (acc << frm) | v; bits += frm
        while bits >= to:
            bits -= to; ret.append((acc >> bits) & ((1 << to) - 1))
    if bits:
        ret.append((acc << (to - bits)) & ((1 << to) - 1))
    return ret

crypto_ctx = ["Send the BTC to {} please.", "wallet: {}", "{}", "Donations: {}"]
for i in range(6):
    add("CRYPTO", "pos", b58check(0 if i % 2 == 0 else 5, R.randbytes(20)), crypto_ctx[i % 4])
for i in range(5):
    prog = R.randbytes(20 if i % 2 == 0 else 32)
    add("CRYPTO", "pos", bech32("bc", [0] + convertbits(prog, 8, 5), 1), crypto_ctx[i % 4])
add("CRYPTO", "pos", bech32("bc", [1] + convertbits(R.randbytes(32), 8, 5), 0x2bc830a3), "taproot {}")
for i in range(4):
    add("CRYPTO", "pos", "0x" + R.randbytes(20).hex(), ["ETH address {}", "send ether to {}", "{}", "wallet {}"][i])
def corrupt(v, alphabet):
    k = len(v) - 3
    c = alphabet[(alphabet.index(v[k]) + 1) % len(alphabet)]
    return v[:k] + c + v[k + 1:]
for i in range(4):
    add("CRYPTO", "neg", corrupt(b58check(0, R.randbytes(20)), B58), "wallet: {}")
for i in range(4):
    add("CRYPTO", "neg", corrupt(bech32("bc", [0] + convertbits(R.randbytes(20), 8, 5), 1), CH), "wallet: {}")
add("CRYPTO", "neg", "0x" + R.randbytes(20).hex()[:39], "ETH address {}")
add("CRYPTO", "neg", "0x" + R.randbytes(21).hex(), "ETH address {}")
add("CRYPTO", "neg", R.randbytes(20).hex(), "commit {} fixed it")   # a git SHA-1 without 0x
add("CRYPTO", "neg", "0x" + R.randbytes(4).hex(), "flags {}")
add("CRYPTO", "neg", "bc1qshort", "see {}")
add("CRYPTO", "neg", "1" + "".join(R.choice(B58) for _ in range(33)), "wallet: {}")
add("CRYPTO", "neg", "3" + "".join(R.choice(B58) for _ in range(33)), "wallet: {}")
add("CRYPTO", "neg", "0x" + "g" + R.randbytes(20).hex()[1:], "ETH address {}")

# ---------------------------------------------------------------- DATE_OF_BIRTH
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
dob_ctx = ["I was born on {}.", "DOB: {}", "Date of birth: {}", "born {} in Leeds", "birthday {}", "Birthdate {}",
           "My DOB is {}"]
for i in range(16):
    y, m, d = R.randint(1940, 2010), R.randint(1, 12), R.randint(1, 28)
    v = ["%02d/%02d/%d" % (m, d, y), "%d-%02d-%02d" % (y, m, d), "%s %d, %d" % (months[m - 1], d, y),
         "%d %s %d" % (d, months[m - 1], y), "%02d.%02d.%d" % (d, m, y)][i % 5]
    add("DATE_OF_BIRTH", "pos", v, dob_ctx[i % len(dob_ctx)])
for v, t in [("03/04/2024", "The meeting is on {}."), ("2021-05-04", "Released {} with fixes"),
             ("March 3, 2019", "Invoice dated {}"), ("12.10.2023", "Deadline {}"), ("1985", "born in {}"),
             ("32/13/1985", "born {}"), ("2024-13-45", "DOB {}"), ("5 May 2022", "We shipped on {}"),
             ("01/02/2020", "Order placed {}"), ("1990-07-21", "Version {} of the spec"),
             ("07/21", "expires {}"), ("1.2.3", "born-again build {}"), ("2000", "around {} people were born"),
             ("20/20", "vision {}"), ("12/25", "Christmas falls on {}")]:
    add("DATE_OF_BIRTH", "neg", v, t)

# ---------------------------------------------------------------- UK_NINO
first = "ABCEGHJKLMNOPRSTWXYZ"
second = "ABCEGHJKLMNPRSTWXYZ"
for i in range(16):
    while True:
        p = R.choice(first) + R.choice(second)
        if p not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    num = digits(6)
    suf = R.choice("ABCD")
    v = p + num + suf if i % 2 == 0 else " ".join([p, num[:2], num[2:4], num[4:], suf])
    add("UK_NINO", "pos", v, ["NI number: {}", "National Insurance number {}", "{}", "My NINO is {}."][i % 4])
for v in ["DA123456A", "FA123456B", "QQ123456C", "AD123456A", "AO123456B", "BG123456A", "GB123456B",
          "NK123456C", "TN123456D", "ZZ123456A", "AB123456E", "AB12345A", "AB1234567A", "VA123456C", "AB123456CX"]:
    add("UK_NINO", "neg", v, "reference {} attached")

# ---------------------------------------------------------------- UK_NHS
def nhs():
    while True:
        d = [R.randint(0, 9) for _ in range(9)]
        c = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        c = 0 if c == 11 else c
        if c != 10:
            return "".join(map(str, d)) + str(c)
def nhs_bad():
    while True:
        v = nhs()
        b = v[:-1] + str((int(v[-1]) + 1) % 10)
        return b
for i in range(16):
    v = nhs()
    if i % 2:
        v = group(v, [3, 3, 4], " ")
    add("UK_NHS", "pos", v, ["NHS number: {}", "My NHS no is {}", "patient {} was admitted", "NHS {}"][i % 4])
for i in range(10):
    add("UK_NHS", "neg", group(nhs_bad(), [3, 3, 4], " "), "NHS number: {}")
for i in range(5):
    add("UK_NHS", "neg", nhs(), ["Order {} shipped", "tracking {}", "build {}", "ticket {}", "item {} sold"][i])

# ---------------------------------------------------------------- CA_SIN
def sin():
    while True:
        v = luhn_complete(str(R.choice([1, 2, 3, 4, 5, 6, 7, 9])), 9)
        return v
for i in range(16):
    v = sin()
    if i % 2:
        v = group(v, [3, 3, 3], " " if i % 4 == 1 else "-")
    add("CA_SIN", "pos", v, ["SIN: {}", "Social insurance number {}", "my Canadian SIN is {}", "NAS {}"][i % 4])
for i in range(8):
    add("CA_SIN", "neg", group(break_last(sin()), [3, 3, 3], " "), "SIN: {}")
add("CA_SIN", "neg", luhn_complete("0", 9), "SIN: {}")
add("CA_SIN", "neg", luhn_complete("8", 9), "SIN: {}")
for i in range(5):
    add("CA_SIN", "neg", group(sin(), [3, 3, 3], " "), ["Order {} shipped", "Part {}", "invoice {}", "ticket {}", "code {} applied"][i])

# ---------------------------------------------------------------- IN_AADHAAR
VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
      [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
      [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
      [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
def verhoeff_digit(body):
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return str(VINV[c])
def aadhaar(first=None):
    body = str(first if first is not None else R.randint(2, 9)) + digits(10)
    return body + verhoeff_digit(body)
for i in range(16):
    v = aadhaar()
    if i % 2 == 0:
        v = group(v, [4, 4, 4], " ")
        add("IN_AADHAAR", "pos", v, ["Aadhaar: {}", "{}", "My Aadhaar number is {}.", "UID {}"][i // 2 % 4])
    else:
        add("IN_AADHAAR", "pos", v, ["Aadhaar: {}", "aadhaar no {}", "My Aadhaar number is {}.", "UIDAI id {}"][i // 2 % 4])
for i in range(8):
    v = aadhaar()
    add("IN_AADHAAR", "neg", group(v[:-1] + str((int(v[-1]) + 1 + i % 8) % 10), [4, 4, 4], " "), "Aadhaar: {}")
add("IN_AADHAAR", "neg", group(aadhaar(0), [4, 4, 4], " "), "Aadhaar: {}")
add("IN_AADHAAR", "neg", group(aadhaar(1), [4, 4, 4], " "), "Aadhaar: {}")
for i in range(5):
    add("IN_AADHAAR", "neg", aadhaar(), ["Order {} shipped", "tracking {}", "account {}", "{} views", "serial {}"][i])

# ---------------------------------------------------------------- ES_NIF
L = "TRWAGMYFPDXBNJZSQVHLCKE"
for i in range(10):
    n = R.randint(1000000, 99999999)
    add("ES_NIF", "pos", "%08d%s" % (n, L[n % 23]), ["NIF: {}", "DNI {}", "{}", "mi NIF es {}"][i % 4])
for i in range(6):
    k = R.randint(0, 2)
    n = R.randint(0, 9999999)
    v = "%s%07d%s" % ("XYZ"[k], n, L[(k * 10000000 + n) % 23])
    if i % 3 == 2:
        v = "%s-%07d-%s" % ("XYZ"[k], n, L[(k * 10000000 + n) % 23])
    add("ES_NIF", "pos", v, ["NIE: {}", "permiso {}", "{}"][i % 3])
for i in range(8):
    n = R.randint(1000000, 99999999)
    add("ES_NIF", "neg", "%08d%s" % (n, L[(n + 1 + i) % 23]), "NIF: {}")
for i in range(4):
    k = R.randint(0, 2)
    n = R.randint(0, 9999999)
    add("ES_NIF", "neg", "%s%07d%s" % ("XYZ"[k], n, L[(k * 10000000 + n + 5) % 23]), "NIE: {}")
add("ES_NIF", "neg", "1234567", "NIF {}")
add("ES_NIF", "neg", "W1234567A", "NIE {}")
add("ES_NIF", "neg", "123456789Z", "NIF {}")

# ---------------------------------------------------------------- US_ABA_ROUTING
def aba(prefix=None):
    while True:
        p = prefix if prefix is not None else R.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)))
        body = "%02d" % p + digits(6)
        for c in range(10):
            v = body + str(c)
            d = list(map(int, v))
            if (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0:
                return v
for i in range(16):
    add("US_ABA_ROUTING", "pos", aba(), ["Routing number: {}", "ABA {}", "routing {} account 12345", "bank routing no. {}"][i % 4])
for i in range(8):
    add("US_ABA_ROUTING", "neg", break_last(aba()), "Routing number: {}")
for p in [13, 20, 40, 55, 90]:
    add("US_ABA_ROUTING", "neg", aba(p), "Routing number: {}")
for i in range(3):
    add("US_ABA_ROUTING", "neg", aba(), ["Order {} shipped", "tracking {}", "part {}"][i])

# ---------------------------------------------------------------- US_PASSPORT
for i in range(16):
    v = digits(9) if i % 2 == 0 else R.choice("ACEFHKLMNPRSTWXZ") + digits(8)
    add("US_PASSPORT", "pos", v, ["passport number {}", "Passport: {}", "My passport no. is {}", "US passport {}"][i % 4])
for v, t in [("123456789", "order {}"), ("C03005988", "ticket {}"), ("2030", "passport expires in {}"),
             ("12345", "passport office at {} Main"), ("A1234", "passport {}"), ("1234567890123", "passport {}"),
             ("987654321", "account {}"), ("X12345678", "ref {}"), ("20", "passport photo {} dollars"),
             ("5", "passport takes {} weeks"), ("ABCDEFGHI", "passport {}"), ("300", "about {} passports"),
             ("456123789", "flight {} booked"), ("E12345678", "vehicle {}"), ("12-34", "passport ready {}")]:
    add("US_PASSPORT", "neg", v, t)

# ---------------------------------------------------------------- US_DRIVER_LICENSE
for i in range(16):
    v = [R.choice(string.ascii_uppercase) + digits(7), digits(9), R.choice(string.ascii_uppercase) + digits(12),
         digits(8), R.choice(string.ascii_uppercase) + digits(3) + "-" + digits(4) + "-" + digits(4)][i % 5]
    add("US_DRIVER_LICENSE", "pos", v, ["driver's license {}", "Driver license number: {}", "DL {}",
                                        "driving licence no {}"][i % 4])
for v, t in [("D1234567", "order {}"), ("470.57", "NVIDIA driver {}"), ("25", "driving {} miles"),
             ("2023", "driver update {}"), ("5", "driver in {} minutes"), ("123456789", "invoice {}"),
             ("3", "driver level {}"), ("A12", "DL {}"), ("1.2.3", "driver {}"), ("10", "drivers over {} years"),
             ("B9876543", "vehicle {}"), ("99", "driving at {} mph"), ("12345678901234567890", "DL {}"),
             ("x64", "driver for {}"), ("2", "driver {} seat")]:
    add("US_DRIVER_LICENSE", "neg", v, t)

# ---------------------------------------------------------------- secrets
def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))
UPD = string.ascii_uppercase + string.digits
ALN = string.ascii_letters + string.digits
for i in range(16):
    v = R.choice(["AKIA", "ASIA"]) + rs(UPD, 16)
    add("AWS_ACCESS_KEY", "pos", v, ["aws_access_key_id={}", "AWS_ACCESS_KEY_ID: {}", "key {}", "access_key = \"{}\"",
                                     "export TOKEN={}", "api_key: {}", "{}", "secret={}"][i % 8])
for v, t in [("AKIA" + rs(UPD, 15), "aws_access_key_id={}"), ("AKIA" + rs(UPD, 17), "key {}"),
             ("akia" + rs(UPD, 16).lower(), "key {}"), ("AKIB" + rs(UPD, 16), "key {}"),
             ("AKIA" + rs(UPD, 15) + "a", "key {}"), ("AIDA" + rs(UPD, 16), "user id {}"),
             ("AKI" + rs(UPD, 17), "key {}"), ("AKIA-" + rs(UPD, 15), "key {}"), ("XAKIA" + rs(UPD, 16), "key {}"),
             ("AKIA" + rs(UPD, 12), "key {}"), ("AKIA", "prefix {} means a long-term key"),
             ("ASIAN", "The {} market"), ("AKIAs", "several {}"), ("AROA" + rs(UPD, 16), "role {}"),
             ("AKIA_" + rs(UPD, 15), "key {}")]:
    add("AWS_ACCESS_KEY", "neg", v, t)
for i in range(16):
    v = ("ghp_", "gho_", "ghs_", "ghu_", "ghr_")[i % 5] + rs(ALN, 36) if i < 14 else "github_pat_" + rs(ALN, 22) + "_" + rs(ALN, 59)
    add("GITHUB_TOKEN", "pos", v, ["GITHUB_TOKEN={}", "token: {}", "{}", "use {} to push"][i % 4])
for v in ["ghp_" + rs(ALN, 20), "ghx_" + rs(ALN, 36), "gh_" + rs(ALN, 37), "ghp-" + rs(ALN, 36), "ghp_" + rs(ALN, 37),
          "github_pat_short", "ghp_", "GHP_" + rs(ALN, 36), "ghp" + rs(ALN, 37), "gho_" + rs(ALN, 30),
          "github_pat", "github_" + rs(ALN, 40), "xghp_" + rs(ALN, 36), "ghp_" + rs(ALN, 35), "ghs_" + rs(ALN, 10)]:
    add("GITHUB_TOKEN", "neg", v, "see {} here")
for i in range(16):
    add("GITLAB_TOKEN", "pos", "glpat-" + rs(ALN + "-_", 20), ["GITLAB_TOKEN={}", "token {}", "{}", "use {}"][i % 4])
for v in ["glpat-" + rs(ALN, 10), "glpat-", "glpat_" + rs(ALN, 20), "GLPAT-" + rs(ALN, 20), "gl-" + rs(ALN, 20),
          "glpat" + rs(ALN, 21), "xglpat-" + rs(ALN, 20), "glpat-" + rs(ALN, 19), "glpt-" + rs(ALN, 20),
          "glpat-abc", "glptt-" + rs(ALN, 20), "gldt-" + rs(ALN, 5), "glpat--", "glp-" + rs(ALN, 22), "glpat-" + rs(ALN, 5)]:
    add("GITLAB_TOKEN", "neg", v, "see {} here")
for i in range(16):
    v = "xox" + "abprs"[i % 5] + "-" + digits(11) + "-" + digits(12) + "-" + rs(ALN, 24)
    add("SLACK_TOKEN", "pos", v, ["SLACK_TOKEN={}", "bot token {}", "{}", "use {}"][i % 4])
for v in ["xoxb-" + rs(string.ascii_letters, 20), "xoxz-" + digits(11) + "-" + rs(ALN, 10), "xoxb-123",
          "xox-" + digits(11) + "-" + digits(12), "xoxb_" + digits(11) + "_" + digits(12), "XOXB-" + digits(11) + "-" + digits(12),
          "xoxb", "xoxo-hugs-and-kisses", "xoxp-abc-def-ghi", "oxb-" + digits(11) + "-" + digits(12),
          "xoxb-" + digits(5), "xoxc" + digits(15), "xxoxb-" + digits(11), "xoxb-12345", "xoxq-" + digits(11) + "-" + digits(12)]:
    add("SLACK_TOKEN", "neg", v, "see {} here")
for i in range(16):
    v = ("sk_live_", "rk_live_", "pk_live_")[i % 3] + rs(ALN, 24 + i % 8)
    add("STRIPE_KEY", "pos", v, ["STRIPE_SECRET_KEY={}", "stripe key {}", "{}", "Stripe.apiKey = \"{}\";"][i % 4])
for v in ["sk_test_" + rs(ALN, 24), "pk_test_" + rs(ALN, 24), "sk_live_" + rs(ALN, 10), "sk_live_", "sk_live",
          "xk_live_" + rs(ALN, 24), "SK_LIVE_" + rs(ALN, 24), "sk-live-" + rs(ALN, 24), "rk_test_" + rs(ALN, 24),
          "sk_dead_" + rs(ALN, 24), "sklive_" + rs(ALN, 24), "sk_live_abc", "pk_live_" + rs(ALN, 8),
          "sk__live_" + rs(ALN, 24), "whsec_" + rs(string.ascii_letters, 5)]:
    if v.startswith(("sk_test_", "rk_test_")) or (v.startswith("sk_live_") and len(v) == 18):
        continue  # gitleaks' stripe rule reports test keys and 10-char keys: secrets, not near misses
    add("STRIPE_KEY", "neg", v, "see {} here")
for v in ["sk_live_abc123XY", "rk_live_Ab3dE", "sk_prod_", "sk_test_"]:  # fixed: the random stream stays as it was
    add("STRIPE_KEY", "neg", v, "see {} here")
for i in range(16):
    v = ("sk-" if i % 2 == 0 else "sk-proj-") + rs(ALN, 48)
    if not any(c.isdigit() for c in v):
        v = v[:-3] + "123"
    add("OPENAI_KEY", "pos", v, ["OPENAI_API_KEY={}", "openai key {}", "{}", "client = OpenAI(api_key=\"{}\")"][i % 4])
for v in ["sk-" + rs(ALN, 10), "sk-this-is-not-a-real-key-at-all-ok", "sk-" + "a" * 40, "sk-proj-", "sk_" + rs(ALN, 48),
          "ski-" + rs(ALN, 48), "sk-abcdefghijklmnopqrstuvwxyzabcdefgh", "SK-" + rs(ALN, 48), "xsk-" + rs(ALN, 48),
          "sk-" + rs(string.ascii_lowercase, 40), "task-" + rs(ALN, 40), "disk-" + rs(ALN, 40), "sk-1", "sk-proj-abc",
          "sk-placeholder-key-goes-here-please"]:
    add("OPENAI_KEY", "neg", v, "see {} here")
def b64u(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")
for i in range(16):
    header = {"alg": ["HS256", "RS256", "ES256"][i % 3], "typ": "JWT"}
    payload = {"sub": str(R.randint(1000, 99999)), "name": "user%d" % i, "iat": 1700000000 + R.randint(0, 10 ** 7)}
    v = b64u(header) + "." + b64u(payload) + "." + base64.urlsafe_b64encode(R.randbytes(32)).decode().rstrip("=")
    add("JWT", "pos", v, ["Authorization: Bearer {}", "token={}", "{}", "the JWT is {}"][i % 4])
for i in range(15):
    kind = i % 5
    if kind == 0:
        v = "eyJ" + rs(ALN, 30) + "." + rs(ALN, 30) + "." + rs(ALN, 20)     # does not decode
    elif kind == 1:
        v = b64u({"alg": "HS256"}) + "." + base64.urlsafe_b64encode(b"not json at all").decode().rstrip("=") + "." + rs(ALN, 20)
    elif kind == 2:
        v = b64u({"alg": "HS256"})                                            # header only
    elif kind == 3:
        v = "eyJhbGciOi." + rs(ALN, 10)
    else:
        v = "eyes." + rs(ALN, 10) + "." + rs(ALN, 10)
    add("JWT", "neg", v, "token {} here")
pem_kinds = ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"]
for i in range(16):
    k = pem_kinds[i % len(pem_kinds)]
    body = "\n".join(base64.b64encode(R.randbytes(48)).decode() for _ in range(4))
    v = "-----BEGIN %s-----\n%s\n-----END %s-----" % (k, body, k)
    add("PRIVATE_KEY", "pos", v, ["Here is the key:\n{}\n", "{}", "```\n{}\n```", "key.pem contains\n{}"][i % 4])
for i in range(15):
    body = "\n".join(base64.b64encode(R.randbytes(48)).decode() for _ in range(3))
    k = ["PUBLIC KEY", "CERTIFICATE", "CERTIFICATE REQUEST", "RSA PUBLIC KEY", "X509 CRL"][i % 5]
    v = "-----BEGIN %s-----\n%s\n-----END %s-----" % (k, body, k)
    if i >= 10:
        v = ["-----BEGIN PRIVATE KEY-----", "BEGIN RSA PRIVATE KEY", "-----BEGIN PRIVATE KEY----- ... (redacted)",
             "-----END PRIVATE KEY-----", "---BEGIN PRIVATE KEY---"][i - 10]
    add("PRIVATE_KEY", "neg", v, "Output:\n{}\n")
keys = ["password", "DB_PASSWORD", "api_key", "secret", "client_secret", "auth_token", "passwd", "SECRET_KEY", "token", "pwd"]
for i in range(16):
    val = rs(ALN + "!@#%^&*", R.randint(12, 28))
    while not (any(c.isdigit() for c in val) and any(c.isalpha() for c in val)):
        val = rs(ALN + "!@#%^&*", 16)
    k = keys[i % len(keys)]
    tpl = [k + "={}", k + ": {}", k + " = \"{}\"", "\"" + k + "\": \"{}\"", k + ":={}"][i % 5]
    add("GENERIC_SECRET", "pos", val, tpl)
for v, t in [("hunter2", "password=hunter2"), ("${DB_PASS}", "password: ${DB_PASS}"), ("<your-password>", "password=<your-password>"),
             ("xxxxxxxxxxxx", "token: xxxxxxxxxxxx"), ("changeme123", "password = changeme123"), ("aaaaaaaaaaaa", "secret: aaaaaaaaaaaa"),
             ("passwordpassword", "password=passwordpassword"), ("example-token", "api_key: example-token"),
             ("{{ secrets.API_KEY }}", "api_key: {{ secrets.API_KEY }}"), ("%API_KEY%", "token=%API_KEY%"),
             ("required", "password: required"), ("https://vault.example.com/v1/kv", "secret: https://vault.example.com/v1/kv"),
             ("8f3kd92", "the word password is 8f3kd92"), ("YOUR_API_KEY_HERE", "api_key=YOUR_API_KEY_HERE"),
             ("Xy7pQ2rT9vLm", "passwordless login with Xy7pQ2rT9vLm"), ("redacted-value", "secret=redacted-value")]:
    add("GENERIC_SECRET", "neg", v, t)

# ---------------------------------------------------------------- EMAIL
first_names = ["jane", "omar", "li.wei", "m.garcia", "a_kumar", "sam+news", "o'neil", "j.smith-jones", "info", "x"]
domains = ["example.com", "mail.example.org", "example.co.uk", "example.io", "example.de", "uni-example.edu",
           "example.com.au", "example.fr", "sub.example.net", "example.dev"]
for i in range(16):
    v = first_names[i % 10] + str(R.randint(1, 99) if i > 9 else "") + "@" + domains[i % 10]
    if i == 15:
        v = v.upper()
    add("EMAIL", "pos", v, ["Email me at {}.", "Contact: {}", "{}", "send it to <{}> please", "(reply to {})"][i % 5])
for v, t in [("user@localhost", "login as {}"), ("icon@2x.png", "use {} for retina"), ("name@example", "write {}"),
             ("name@example.notarealtld", "write {}"), ("@example.com", "follow {}"), ("user@@example.com", "mail {}"),
             ("user.example.com", "see {}"), ("a@b.c", "see {}"), ("user@.example.com", "see {}"),
             ("user@example..com", "see {}"), ("@jane", "ping {} on slack"), ("file@v1.2", "checkout {}"),
             ("npm i pkg@1.2.3", "{}"), ("user@-example.com", "see {}"), ("support at example", "write to {}")]:
    add("EMAIL", "neg", v, t)

# ---------------------------------------------------------------- PHONE
phones = ["(212) 555-0143", "+1 415 555 2671", "415-555-0199", "+44 20 7946 0958", "+44 7700 900123",
          "+49 30 901820", "+33 1 42 68 53 00", "+91 98765 43210", "+61 2 9374 4000", "+81 3-3224-9999",
          "+34 912 345 678", "+39 06 6988 1234", "+52 55 5250 1234", "0044 20 7946 0018", "(312) 555-0176 x204",
          "+1-202-555-0173"]
for i, v in enumerate(phones):
    add("PHONE", "pos", v, ["Call me at {}.", "phone: {}", "You can reach our office on {}", "{}", "Tel {}"][i % 5])
for v, t in [("1.2.3.4", "Upgrade to version {}"), ("20240115", "build {} passed"), ("12345678", "Order #{} shipped"),
             ("978-3-16-148410-0", "ISBN {}"), ("2024", "in {} we grew"), ("3-2", "won {}"), ("1,234,567", "{} people"),
             ("0.5551234", "p = {}"), ("4815162342", "invoice {}"), ("12:30", "at {}"), ("100-200", "pages {}"),
             ("555", "room {}"), ("1234", "PIN {}"), ("2021-05-04", "released {}"), ("3.14159265", "pi is {}")]:
    add("PHONE", "neg", v, t)
# a date and a clock time are not a phone number; a time after a phone number is not part of it
add("PHONE", "neg", "2000-04-16 11", "When: {}:34:35 at the club.")
add("PHONE", "neg", "1978-04-13 12", "Date: {}:20:39 (server time)")
add("PHONE", "pos", "(212) 555-0143", "Call {} 10:30 tomorrow")

out = "guardrails-detectors/src/test/resources/dev/guardrails/detectors/pii/pii-cases.tsv"
with open(out, "w") as f:
    f.write("# Generated by tools/pii/gen_pii_cases.py (synthetic, checksummed values; no real data).\n")
    f.write("# type\tpos|neg\tvalue\ttext ('\\n' = line break)\n")
    for r in rows:
        assert "\t" not in "".join(r)
        f.write("\t".join(r) + "\n")
from collections import Counter
print(sorted(Counter((r[0], r[1]) for r in rows).items()))
