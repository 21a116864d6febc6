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

# ================================================================ country-specific IDs (issue 15)
# Own generator so the rows above stay byte-identical. Each check below is written from the
# format's published description (see IdChecks' Javadoc for the sources).
R2 = random.Random(20261205)

def d2(n):
    return "".join(R2.choice(string.digits) for _ in range(n))

def wrong_last(v, alphabet=string.digits):
    return v[:-1] + R2.choice([c for c in alphabet if c != v[-1]])

def rand_date(y0=1940, y1=2005):
    y = R2.randint(y0, y1); m = R2.randint(1, 12); d = R2.randint(1, 28)
    return y, m, d

def luhn_ok(v):
    return luhn_digit(v[:-1]) == v[-1]

def neg_plain(t, vals):
    """Plausible numbers of the same length without any cue of the type."""
    tmpl = ["Order {} shipped today.", "Call us on {} anytime.", "The invoice total was {} cents.",
            "Tracking number {} is on its way.", "We sold {} units last year."]
    for i, v in enumerate(vals):
        add(t, "neg", v, tmpl[i % len(tmpl)])

# -- AU_ABN: weights 10 1 3 ... 19 after subtracting 1 from the first digit, mod 89
def abn_ok(v):
    d = [int(c) for c in v]; d[0] -= 1
    return d[0] >= 0 and sum(x * w for x, w in zip(d, [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19])) % 89 == 0
def abn():
    while True:
        v = str(R2.randint(1, 9)) + d2(10)
        if abn_ok(v):
            return v
for i in range(16):
    v = abn()
    v = group(v, [2, 3, 3, 3], " ") if i % 2 == 0 else v
    add("AU_ABN", "pos", v, ["ABN: {}", "Our ABN is {}.", "Australian Business Number {}", "invoice from ABN {}"][i % 4])
for i in range(10):
    v = abn()
    while True:
        b = wrong_last(v)
        if not abn_ok(b):
            break
    add("AU_ABN", "neg", group(b, [2, 3, 3, 3], " "), "ABN: {}")
neg_plain("AU_ABN", [abn() for _ in range(5)])

# -- AU_ACN: weights 8..1, check (10 - sum mod 10) mod 10
def acn():
    b = d2(8)
    return b + str((10 - sum(int(c) * (8 - k) for k, c in enumerate(b)) % 10) % 10)
for i in range(16):
    v = acn()
    v = group(v, [3, 3, 3], " ") if i % 2 == 0 else v
    add("AU_ACN", "pos", v, ["ACN: {}", "Australian Company Number {}", "company ACN {} registered"][i % 3])
for i in range(10):
    add("AU_ACN", "neg", group(wrong_last(acn()), [3, 3, 3], " "), "ACN: {}")
neg_plain("AU_ACN", [group(acn(), [3, 3, 3], " ") for _ in range(5)])

# -- AU_TFN: weights 1 4 3 7 5 8 6 9 10, sum mod 11 = 0
def tfn_ok(v):
    return sum(int(c) * w for c, w in zip(v, [1, 4, 3, 7, 5, 8, 6, 9, 10])) % 11 == 0
def tfn():
    while True:
        v = d2(9)
        if tfn_ok(v) and len(set(v)) > 1:
            return v
for i in range(16):
    v = tfn()
    v = group(v, [3, 3, 3], " ") if i % 2 == 0 else v
    add("AU_TFN", "pos", v, ["TFN: {}", "my tax file number is {}", "Tax File Number {} on file"][i % 3])
for i in range(10):
    v = tfn()
    while True:
        b = wrong_last(v)
        if not tfn_ok(b):
            break
    add("AU_TFN", "neg", group(b, [3, 3, 3], " "), "TFN: {}")
neg_plain("AU_TFN", [group(tfn(), [3, 3, 3], " ") for _ in range(5)])

# -- AU_MEDICARE: first 2-6, weights 1 3 7 9 1 3 7 9, ninth = sum mod 10, tenth issue number
def medicare():
    b = str(R2.randint(2, 6)) + d2(7)
    return b + str(sum(int(c) * w for c, w in zip(b, [1, 3, 7, 9, 1, 3, 7, 9])) % 10) + str(R2.randint(1, 9))
for i in range(16):
    v = medicare()
    v = group(v, [4, 5, 1], " ") if i % 2 == 0 else v
    add("AU_MEDICARE", "pos", v, ["Medicare number {}", "my Medicare card: {}", "Medicare {} expires 2027"][i % 3])
for i in range(10):
    v = medicare()
    b = v[:8] + str((int(v[8]) + 1 + i % 8) % 10) + v[9]
    add("AU_MEDICARE", "neg", group(b, [4, 5, 1], " "), "Medicare number {}")
neg_plain("AU_MEDICARE", [medicare() for _ in range(5)])

# -- PL_PESEL: YYMMDD (+20 month for 2000s), weights 1 3 7 9 1 3 7 9 1 3
def pesel(y=None):
    y, m, d = rand_date() if y is None else (y, R2.randint(1, 12), R2.randint(1, 28))
    mm = m + (20 if y >= 2000 else 0)
    b = "%02d%02d%02d" % (y % 100, mm, d) + d2(4)
    return b + str((10 - sum(int(c) * w for c, w in zip(b, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])) % 10) % 10)
for i in range(16):
    add("PL_PESEL", "pos", pesel(2003 if i % 5 == 0 else None), ["PESEL: {}", "numer PESEL {}", "my PESEL is {}", "PESEL {} (Poland)"][i % 4])
for i in range(8):
    add("PL_PESEL", "neg", wrong_last(pesel()), "PESEL: {}")
for i in range(2):
    v = pesel(); add("PL_PESEL", "neg", v[:2] + "13" + v[4:], "PESEL: {}")  # month 13: no century
neg_plain("PL_PESEL", [pesel() for _ in range(5)])

# -- TR_TCKN: tenth = (7*odd - even) mod 10, eleventh = sum of first ten mod 10
def tckn():
    b = str(R2.randint(1, 9)) + d2(8)
    odd = sum(int(b[k]) for k in (0, 2, 4, 6, 8)); even = sum(int(b[k]) for k in (1, 3, 5, 7))
    b += str((odd * 7 - even) % 10)
    return b + str(sum(int(c) for c in b) % 10)
for i in range(16):
    add("TR_TCKN", "pos", tckn(), ["TC Kimlik No: {}", "T.C. kimlik numarası {}", "my Turkish identity number is {}", "TCKN {}"][i % 4])
for i in range(8):
    add("TR_TCKN", "neg", wrong_last(tckn()), "TC Kimlik No: {}")
for i in range(2):
    add("TR_TCKN", "neg", "0" + tckn()[1:], "TCKN {}")
neg_plain("TR_TCKN", [tckn() for _ in range(5)])

# -- DE_TAX_ID: one digit twice among the first ten, ISO 7064 MOD 11,10
def de_check(b):
    prod = 10
    for c in b:
        sm = (int(c) + prod) % 10 or 10
        prod = sm * 2 % 11
    c = 11 - prod
    return "0" if c == 10 else str(c)
def detax():
    ds = R2.sample(string.digits, 9)
    if ds[0] == "0":
        ds[0], ds[1] = ds[1], ds[0]
    rep = R2.choice(ds[1:])
    b = ds + [rep]
    first, rest = b[0], b[1:]
    R2.shuffle(rest)
    b = "".join([first] + rest)
    return b + de_check(b)
for i in range(16):
    v = detax()
    v = group(v, [2, 3, 3, 3], " ") if i % 3 == 0 else v
    add("DE_TAX_ID", "pos", v, ["Steuer-ID: {}", "Steueridentifikationsnummer {}", "meine IdNr ist {}", "tax ID {} (Germany)"][i % 4])
for i in range(8):
    add("DE_TAX_ID", "neg", wrong_last(detax()), "Steuer-ID: {}")
add("DE_TAX_ID", "neg", "12345678903", "Steuer-ID: {}")  # no repeated digit
add("DE_TAX_ID", "neg", "01234567899", "Steuer-ID: {}")  # leading zero
neg_plain("DE_TAX_ID", [detax() for _ in range(5)])

# -- SE_PERSONNUMMER: YYMMDD-NNNC, Luhn over the ten digits
def pnr():
    y, m, d = rand_date()
    b = "%02d%02d%02d" % (y % 100, m, d) + d2(3)
    return b + luhn_digit(b), y
for i in range(16):
    v, y = pnr()
    v = (str(y // 100) + v[:6] + "-" + v[6:]) if i % 4 == 3 else (v[:6] + "-" + v[6:] if i % 2 == 0 else v)
    add("SE_PERSONNUMMER", "pos", v, ["personnummer {}", "Personnummer: {}", "my Swedish personal identity number is {}", "personnr {}"][i % 4])
for i in range(10):
    v, _ = pnr()
    add("SE_PERSONNUMMER", "neg", wrong_last(v[:6] + "-" + v[6:]), "personnummer {}")
neg_plain("SE_PERSONNUMMER", [pnr()[0] for _ in range(5)])

# -- KR_RRN: YYMMDD-SNNNNNC, weights 2..9 2..5, check (11 - sum mod 11) mod 10
def rrn():
    y, m, d = rand_date()
    s = R2.choice("12") if y < 2000 else R2.choice("34")
    b = "%02d%02d%02d" % (y % 100, m, d) + s + d2(5)
    return b + str((11 - sum(int(c) * w for c, w in zip(b, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])) % 11) % 10)
for i in range(16):
    v = rrn()
    v = v[:6] + "-" + v[6:] if i % 2 == 0 else v
    add("KR_RRN", "pos", v, ["RRN {}", "resident registration number: {}", "Korean RRN {}", "{}"][i % 4] if i % 2 == 0
        else ["RRN {}", "resident registration number: {}", "Korean RRN {}", "my RRN is {}"][i % 4])
for i in range(10):
    v = rrn()
    # numbers issued since October 2020 have random last digits (no check digit), so a near miss
    # breaks the sex/century digit (1-8) instead of only the check digit
    w = wrong_last(v[:6] + "-" + v[6:])
    add("KR_RRN", "neg", w[:7] + "9" + w[8:], "RRN {}")
neg_plain("KR_RRN", [rrn() for _ in range(5)])

# -- TH_TNIN: first 1-8, weights 13..2, check (11 - sum mod 11) mod 10
def tnin():
    b = str(R2.randint(1, 8)) + d2(11)
    return b + str((11 - sum(int(c) * (13 - k) for k, c in enumerate(b)) % 11) % 10)
for i in range(16):
    v = tnin()
    v = group(v, [1, 4, 5, 2, 1], "-") if i % 2 == 0 else v
    add("TH_TNIN", "pos", v, ["Thai national ID {}", "เลขประจำตัวประชาชน (Thai ID card) {}", "citizen ID {}", "{}"][i % 4] if i % 2 == 0
        else ["Thai national ID {}", "Thai ID card no. {}", "citizen ID {}", "TNIN {}"][i % 4])
for i in range(10):
    add("TH_TNIN", "neg", group(wrong_last(tnin()), [1, 4, 5, 2, 1], "-"), "Thai national ID {}")
neg_plain("TH_TNIN", [tnin() for _ in range(5)])

# -- ZA_ID: YYMMDD SSSS C A Z, citizenship 0-2, Luhn
def zaid():
    y, m, d = rand_date()
    b = "%02d%02d%02d" % (y % 100, m, d) + d2(4) + R2.choice("01") + "8"
    return b + luhn_digit(b)
for i in range(16):
    add("ZA_ID", "pos", zaid(), ["South African ID number {}", "SA ID: {}", "my RSA ID is {}", "ID number {} (South Africa)"][i % 4])
for i in range(8):
    add("ZA_ID", "neg", wrong_last(zaid()), "South African ID number {}")
for i in range(2):
    v = zaid(); b = v[:10] + "5" + v[11:-1]; add("ZA_ID", "neg", b + luhn_digit(b), "SA ID: {}")  # citizenship 5
neg_plain("ZA_ID", [zaid() for _ in range(5)])

# -- NG_NIN: 11 digits, no published check digit: only with a cue
for i in range(16):
    add("NG_NIN", "pos", str(R2.randint(1, 9)) + d2(10), ["NIN: {}", "my National Identification Number is {}", "NIMC NIN {}", "Nigerian NIN {}"][i % 4])
for i in range(10):
    add("NG_NIN", "neg", str(R2.randint(1, 9)) + d2(R2.choice([9, 12])), "NIN: {}")  # wrong length
neg_plain("NG_NIN", [str(R2.randint(1, 9)) + d2(10) for _ in range(5)])

# -- PH_TIN: 9 digits or 12 with the branch code, only with a cue
for i in range(16):
    v = str(R2.randint(1, 8)) + d2(8)
    v = group(v + "000", [3, 3, 3, 3], "-") if i % 3 == 0 else (group(v, [3, 3, 3], "-") if i % 3 == 1 else v)
    add("PH_TIN", "pos", v, ["TIN: {}", "my BIR TIN is {}", "taxpayer identification number {} (Philippines)"][i % 3])
for i in range(10):
    add("PH_TIN", "neg", str(R2.randint(1, 8)) + d2(R2.choice([7, 10])), "TIN: {}")  # wrong length
neg_plain("PH_TIN", [group(str(R2.randint(1, 8)) + d2(8), [3, 3, 3], "-") for _ in range(5)])

# -- US_ITIN: 9XX-GG-SSSS, group 50-65, 70-88, 90-92, 94-99
def itin():
    g = R2.choice(list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100)))
    return "9%s-%02d-%s" % (d2(2), g, d2(4))
for i in range(16):
    add("US_ITIN", "pos", itin(), ["ITIN: {}", "my ITIN is {}", "taxpayer ID {}", "{}"][i % 4])
for g in [0, 10, 20, 30, 40, 49, 66, 67, 69, 89, 93]:
    add("US_ITIN", "neg", "9%s-%02d-%s" % (d2(2), g, d2(4)), "ITIN: {}")
for i in range(4):
    add("US_ITIN", "neg", "8%s-%s-%s" % (d2(2), R2.randint(70, 88), d2(4)), "ITIN: {}")

# -- US_BANK_NUMBER: 8-17 digits after a bank-account cue, no check digit
def not_card(v):
    return not luhn_ok(v) or len(v) < 12
for i in range(16):
    while True:
        v = str(R2.randint(1, 9)) + d2(R2.choice([7, 9, 10, 11, 13, 15, 16]))
        if not_card(v):
            break
    add("US_BANK_NUMBER", "pos", v, ["bank account number {}", "Account number: {}", "my checking account {}", "acct {}"][i % 4])
for i in range(10):
    add("US_BANK_NUMBER", "neg", str(R2.randint(1, 9)) + d2(R2.choice([4, 5, 6])), "bank account number {}")  # too short
neg_plain("US_BANK_NUMBER", ["4" + d2(10), "8" + d2(12), "5" + d2(9), "7" + d2(7), "3" + d2(11)])

# -- SG_NRIC_FIN: S/T/F/G + 7 digits + check letter
def nric():
    p = R2.choice("STFG"); b = d2(7)
    t = sum(int(c) * w for c, w in zip(b, [2, 7, 6, 5, 4, 3, 2])) + (4 if p in "TG" else 0)
    return p + b + ("JZIHGFEDCBA" if p in "ST" else "XWUTRQPNMLK")[t % 11]
for i in range(16):
    add("SG_NRIC_FIN", "pos", nric(), ["NRIC: {}", "my FIN is {}", "{}", "Singapore IC {}"][i % 4])
for i in range(10):
    add("SG_NRIC_FIN", "neg", wrong_last(nric(), string.ascii_uppercase), "NRIC: {}")
for i in range(5):
    v = nric(); add("SG_NRIC_FIN", "neg", R2.choice("ABCDEHJKL") + v[1:], "NRIC: {}")  # no such prefix

# -- IN_PAN: five letters (fourth = holder kind), four digits, a letter
def pan(kind=None):
    L = string.ascii_uppercase
    return "".join(R2.choice(L) for _ in range(3)) + (kind or R2.choice("PCHFATBLJG")) + R2.choice(L) + d2(4) + R2.choice(L)
for i in range(16):
    add("IN_PAN", "pos", pan(), ["PAN: {}", "my PAN card number is {}", "{}", "Permanent Account Number {}"][i % 4])
for i in range(10):
    add("IN_PAN", "neg", pan(R2.choice("DEIKMNOQRSUVWXYZ")), "reference {} attached")  # no holder kind, no cue
for i in range(5):
    v = pan(); add("IN_PAN", "neg", v[:5] + d2(5), "PAN {}")  # digit where the last letter goes

# -- IN_VOTER: EPIC, three letters and seven digits, only with a cue
for i in range(16):
    v = "".join(R2.choice(string.ascii_uppercase) for _ in range(3)) + d2(7)
    add("IN_VOTER", "pos", v, ["voter ID {}", "EPIC number: {}", "my voter card {}", "Election Commission EPIC {}"][i % 4])
for i in range(10):
    v = "".join(R2.choice(string.ascii_uppercase) for _ in range(3)) + d2(7)
    add("IN_VOTER", "neg", v, ["part {} in stock", "flight {} boards", "model {}", "see {}", "SKU {}"][i % 5])
for i in range(5):
    add("IN_VOTER", "neg", "".join(R2.choice(string.ascii_uppercase) for _ in range(3)) + d2(6), "voter ID {}")

# -- IN_PASSPORT: a letter and seven digits after "passport"
for i in range(16):
    add("IN_PASSPORT", "pos", R2.choice("ABCJKLMNPRSTUVWZ") + d2(7), ["passport number {}", "my passport is {}", "Indian passport no. {}"][i % 3])
for i in range(10):
    add("IN_PASSPORT", "neg", R2.choice("ABCJKLMNPRSTUVWZ") + d2(7), ["part {} in stock", "flight {} boards", "model {}", "see {}", "SKU {}"][i % 5])
for i in range(5):
    add("IN_PASSPORT", "neg", R2.choice("ABCJKLMNPRSTUVWZ") + d2(8), "passport number {}")  # nine chars: the US layout

# -- IT_FISCAL_CODE: 16 chars, check letter from the odd/even tables mod 26
ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
def cf_check(b):
    t = 0
    for k, c in enumerate(b):
        v = int(c) if c.isdigit() else ord(c) - 65
        t += ODD[v] if k % 2 == 0 else v
    return chr(65 + t % 26)
def cf():
    L = string.ascii_uppercase
    y, m, d = rand_date()
    d += R2.choice([0, 40])
    b = "".join(R2.choice(L) for _ in range(6)) + "%02d" % (y % 100) + "ABCDEHLMPRST"[m - 1] + "%02d" % d + R2.choice(L) + d2(3)
    return b + cf_check(b)
for i in range(16):
    v = cf()
    add("IT_FISCAL_CODE", "pos", v.lower() if i == 7 else v, ["codice fiscale: {}", "CF {}", "{}", "my Italian fiscal code is {}"][i % 4])
for i in range(10):
    add("IT_FISCAL_CODE", "neg", wrong_last(cf(), string.ascii_uppercase), "codice fiscale: {}")
for i in range(5):
    v = cf(); b = v[:8] + "Z" + v[9:15]; add("IT_FISCAL_CODE", "neg", b + cf_check(b), "codice fiscale: {}")  # Z: no month

# -- FI_HETU: DDMMYY, century sign, serial 002-899, check char mod 31
HC = "0123456789ABCDEFHJKLMNPRSTUVWXY"
def hetu(bad_date=False):
    y, m, d = rand_date(1930, 2015)
    if bad_date:
        m = 2; d = 30
    sign = "-" if y < 2000 else "A"
    n = "%02d%02d%02d%03d" % (d, m, y % 100, R2.randint(2, 899))
    return n[:6] + sign + n[6:] + HC[int(n) % 31]
for i in range(16):
    add("FI_HETU", "pos", hetu(), ["henkilötunnus {}", "HETU: {}", "{}", "my Finnish personal identity code is {}"][i % 4])
for i in range(10):
    add("FI_HETU", "neg", wrong_last(hetu(), HC), "HETU: {}")
for i in range(3):
    v = hetu(True); add("FI_HETU", "neg", v, "HETU: {}")  # 30 February
for i in range(2):
    v = hetu(); add("FI_HETU", "neg", v[:6] + "Q" + v[7:], "HETU: {}")  # no century sign

# -- US_NPI: 10 digits, first 1-2, Luhn over "80840" + the number (CMS NPI check-digit spec); own RNG
R15 = random.Random(15)
def npi_check(b):
    s = 24
    for i, c in enumerate(reversed(b)):
        v = int(c) * (2 if i % 2 == 0 else 1)
        s += v - 9 if v > 9 else v
    return str((10 - s % 10) % 10)
def npi():
    b = R15.choice("12") + "".join(R15.choice(string.digits) for _ in range(8))
    return b + npi_check(b)
for i in range(16):
    add("US_NPI", "pos", npi(), ["NPI {}", "National Provider Identifier: {}", "provider NPI number {}",
                                 "the prescriber's NPI is {}"][i % 4])
for i in range(10):
    v = npi()
    add("US_NPI", "neg", v[:9] + str((int(v[9]) + 1 + R15.randrange(9)) % 10), "NPI {}")  # wrong check digit
for i in range(3):
    v = npi()
    w = "3" + v[1:9]
    add("US_NPI", "neg", w + npi_check(w), "NPI {}")  # first digit not 1 or 2
neg_plain("US_NPI", [npi() for _ in range(5)])

# ================================================================ issue 15, second round (helper ids)
# Own RNG again (earlier rows unchanged). Each check is written here from the format's public
# description, not from the Java validators; a few positives are the examples the issuers or
# encyclopedias print (marked "published").
R16 = random.Random(16)
UP = string.ascii_uppercase
def r16d(n):
    return "".join(R16.choice(string.digits) for _ in range(n))
def r16l(n, alphabet=UP):
    return "".join(R16.choice(alphabet) for _ in range(n))

# -- IN_GSTIN: state code, PAN, entity number, 'Z', Luhn mod 36 check char (GSTN)
B36 = string.digits + UP
def gst_check(b):
    t = 0
    for k, c in enumerate(b):
        p = B36.index(c) * (2 if k % 2 else 1)
        t += p // 36 + p % 36
    return B36[(36 - t % 36) % 36]
def gstin(state=None):
    b = "%02d" % (state or R16.randint(1, 37)) + r16l(3) + R16.choice("PCHFATBLJG") + r16l(1) + r16d(4) + r16l(1) \
        + R16.choice("123456789ABC") + "Z"
    return b + gst_check(b)
for v in ["27AAPFU0939F1ZV", "29AAGCB7383J1Z4"]:  # published examples (GST portal help, GSTN)
    add("IN_GSTIN", "pos", v, "GSTIN: {}")
for i in range(14):
    add("IN_GSTIN", "pos", gstin(), ["GSTIN {}", "our GST number is {}", "{}", "Invoice from supplier, GSTIN: {}",
                                     "Goods and Services Tax ID {}", "Please update GSTIN to {} in the ledger."][i % 6])
for i in range(8):
    v = gstin(); add("IN_GSTIN", "neg", v[:-1] + R16.choice([c for c in B36 if c != v[-1]]), "GSTIN: {}")  # check char
for st in [0, 39, 50, 96]:
    b = "%02d" % st + gstin()[2:14]; add("IN_GSTIN", "neg", b + gst_check(b), "GSTIN: {}")  # no such state code
for i in range(3):
    v = gstin(); b = v[:13] + "Y"; add("IN_GSTIN", "neg", b + gst_check(b), "GSTIN: {}")  # 14th char not Z
v = gstin(); add("IN_GSTIN", "neg", v.lower(), "gstin {}")  # issued upper case

# -- SG_UEN: three ACRA formats with their check letters
def uen_business():
    b = r16d(8)
    return b + "XMKECAWLJDB"[sum(int(c) * w for c, w in zip(b, [10, 4, 9, 3, 8, 2, 7, 1])) % 11]
def uen_local(year=None):
    b = str(year or R16.randint(1975, 2024)) + r16d(5)
    return b + "ZKCMDNERGWH"[sum(int(c) * w for c, w in zip(b, [10, 8, 6, 4, 9, 7, 5, 3, 1])) % 11]
UEN_A = "ABCDEFGHJKLMNPQRSTUVWX0123456789"
def uen_other(kind=None):
    b = R16.choice("TSR") + r16d(2) + (kind or R16.choice(["LL", "LP", "FC", "RF", "CS", "MM", "TU", "SS"])) + r16d(4)
    return b + UEN_A[(sum(UEN_A.index(c) * w for c, w in zip(b, [4, 3, 5, 3, 10, 2, 2, 5, 7])) - 5) % 11]
def not_nif(v):
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(v[:8]) % 23] != v[8]
for v in ["00192200M", "197401143C", "S16FC0121D", "T01FC6132D"]:  # published examples (ACRA-format test vectors)
    add("SG_UEN", "pos", v, "UEN {}")
i = 0
while i < 12:
    v = [uen_business, uen_local, uen_other][i % 3]()
    if len(v) == 9 and not not_nif(v):
        continue
    add("SG_UEN", "pos", v, ["UEN: {}", "the company's UEN is {}", "{}", "ACRA registration number {}"][i % 4]); i += 1
for f in [uen_business, uen_local, uen_other] * 3:
    v = f()
    w = v[:-1] + R16.choice([c for c in "ABCDEFGHJKLMNPRWXZ" if c != v[-1]])
    add("SG_UEN", "neg", w, "UEN: {}")  # check letter
for i in range(3):
    b = "1799" + r16d(5); add("SG_UEN", "neg", b + "ZKCMDNERGWH"[sum(int(c) * w for c, w in zip(b, [10, 8, 6, 4, 9, 7, 5, 3, 1])) % 11], "UEN: {}")  # year
for k in ["QQ", "AB", "XQ"]:
    add("SG_UEN", "neg", uen_other(k), "UEN: {}")  # no such entity type

# -- US_MBI: CMS layout C A AN N A AN N A A N N, letters without S L O I B Z
MBI_L = [c for c in UP if c not in "SLOIBZ"]
def mbi(dashed=False):
    v = (R16.choice("123456789") + R16.choice(MBI_L) + R16.choice(MBI_L + list(string.digits)) + r16d(1)
         + R16.choice(MBI_L) + R16.choice(MBI_L + list(string.digits)) + r16d(1) + R16.choice(MBI_L) + R16.choice(MBI_L)
         + r16d(2))
    return v[:4] + "-" + v[4:7] + "-" + v[7:] if dashed else v
add("US_MBI", "pos", "1EG4-TE5-MK73", "MBI {}")  # published: CMS's example MBI
add("US_MBI", "pos", "1EG4TE5MK73", "Medicare number {}")
for i in range(14):
    add("US_MBI", "pos", mbi(i % 2 == 0), ["Medicare Beneficiary Identifier: {}", "MBI {}", "{}", "new Medicare card, ID {}",
                                           "patient's MBI is {} per the card"][i % 5])
def mbi_bad(pos, ch):
    v = mbi(); return v[:pos] + ch + v[pos + 1:]
for pos, ch in [(1, "S"), (1, "L"), (4, "O"), (7, "I"), (8, "B"), (4, "Z"), (0, "0"), (1, "7"), (3, "K"), (9, "Q")]:
    add("US_MBI", "neg", mbi_bad(pos, ch), "MBI: {}")
add("US_MBI", "neg", mbi()[:10], "MBI: {}")  # ten chars
add("US_MBI", "neg", mbi() + r16d(1), "MBI: {}")  # twelve chars
for i in range(3):
    add("US_MBI", "neg", mbi().lower(), "build {} passed")  # lower-case compact without a cue

# -- UK_DRIVING_LICENCE: DVLA driver number, surname(5, 9-padded) decade MM(+50) DD year initials 9 check(2)
def dl(month=None, day=None, surname=None):
    sur = surname or r16l(R16.randint(2, 5))
    sur = (sur + "99999")[:5]
    y = R16.randint(40, 99)
    m = month if month is not None else R16.randint(1, 12)
    d = day if day is not None else R16.randint(1, 28)
    if R16.random() < 0.5 and month is None:
        m += 50
    init = r16l(R16.randint(1, 2)); init = (init + "9")[:2]
    return sur + str(y // 10) + "%02d%02d" % (m, d) + str(y % 10) + init + "9" + r16l(2)
add("UK_DRIVING_LICENCE", "pos", "MORGA753116SM9IJ", "driving licence number {}")  # published: DVLA specimen
for i in range(15):
    add("UK_DRIVING_LICENCE", "pos", dl(), ["driving licence {}", "DVLA driver number: {}", "{}", "my licence is {}",
                                            "UK driving license no. {} (full)"][i % 5])
for m in [13, 0, 49, 63, 50]:
    add("UK_DRIVING_LICENCE", "neg", dl(month=m), "driving licence {}")  # no such month
for m, d in [(2, 30), (4, 31), (9, 31), (1, 32), (6, 0)]:
    add("UK_DRIVING_LICENCE", "neg", dl(month=m, day=d), "driving licence {}")  # no such day
for i in range(3):
    v = dl(); add("UK_DRIVING_LICENCE", "neg", v[:2] + "7" + v[3:], "driving licence {}")  # digit in the surname not 9
for i in range(2):
    v = dl(); add("UK_DRIVING_LICENCE", "neg", v[:-1], "driving licence {}")  # fifteen chars

# -- UK_POSTCODE: known area, district, inward digit + two letters without C I K M O V (Royal Mail)
AREAS = ("AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX "
         "FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG "
         "NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS "
         "TW UB W WA WC WD WF WN WR WS WV YO ZE").split()
INW = [c for c in UP if c not in "CIKMOV"]
def postcode(space=True):
    a = R16.choice(AREAS)
    dist = str(R16.randint(1, 9)) + R16.choice(["", str(R16.randint(0, 9))])
    return a + dist + (" " if space else "") + str(R16.randint(0, 9)) + R16.choice(INW) + R16.choice(INW)
for i, v in enumerate(["SW1A 1AA", "EC1A 1BB", "W1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT"]):  # published examples
    add("UK_POSTCODE", "pos", v, ["London {}", "{}", "postcode {}", "send it to {}"][i % 4])
for i in range(10):
    add("UK_POSTCODE", "pos", postcode(i % 4 != 3), ["my postcode is {}", "12 High Street, Leeds {}", "{}",
                                                     "Address: Flat 2, 9 Mill Lane, {}, United Kingdom", "post code: {}"][i % 5])
for v in ["QA1 1AA", "XY1 2AB", "PS5 1TB", "MP3 4AB", "ZZ9 9ZZ"]:
    add("UK_POSTCODE", "neg", v, "code {} on the box")  # no such postcode area
for v in ["M1 1CA", "SW1A 1AI", "EC1A 1BK", "LS6 2MO", "B33 8VH"]:
    add("UK_POSTCODE", "neg", v, "postcode {}")  # inward letter C I K M O V
for v in ["SW1A 1A", "SW1AA 1AA", "M1 11A", "EC1A1BBX", "W1I 1AA"]:
    add("UK_POSTCODE", "neg", v, "postcode {}")  # layout or district letter wrong

# -- UK_PASSPORT: two letters and seven digits, only next to a passport cue
for i in range(16):
    add("UK_PASSPORT", "pos", r16l(2) + r16d(7), ["passport number {}", "my UK passport is {}", "Passport: {} (expires 2031)",
                                                  "HM Passport Office issued {}"][i % 4])
for i in range(8):
    add("UK_PASSPORT", "neg", r16l(2) + r16d(7), ["order {} shipped", "part {} in stock", "see {}", "SKU {}"][i % 4])  # no cue
for i in range(4):
    add("UK_PASSPORT", "neg", r16l(2) + r16d(6), "passport number {}")  # six digits
for i in range(3):
    add("UK_PASSPORT", "neg", r16l(3) + r16d(7), "passport number {}")  # three letters

# -- DE_ID_CARD: Personalausweis number, 9 chars (consonants CFGHJKLMNPRTVWXYZ and digits) + ICAO 7-3-1 check digit
DE_L = "CFGHJKLMNPRTVWXYZ"
def icao(v):
    return str(sum((int(c) if c.isdigit() else ord(c) - 55) * [7, 3, 1][k % 3] for k, c in enumerate(v)) % 10)
def de_id(check=True):
    v = R16.choice(DE_L) + "".join(R16.choice(DE_L + string.digits) for _ in range(8))
    return v + icao(v) if check else v
add("DE_ID_CARD", "pos", "T220001293", "Personalausweis Nr. {}")  # published: the specimen card (Erika Mustermann)
add("DE_ID_CARD", "pos", "L01X00T471", "Ausweisnummer: {}")  # published: the 2010 specimen's number and check digit
for i in range(14):
    add("DE_ID_CARD", "pos", de_id(i % 3 != 2), ["Personalausweisnummer {}", "meine Ausweisnummer ist {}",
                                                 "German ID card number: {}", "Ausweis: {}"][i % 4])
for i in range(7):
    v = de_id(); add("DE_ID_CARD", "neg", v[:-1] + str((int(v[-1]) + 1 + R16.randrange(9)) % 10), "Ausweisnummer: {}")  # check digit
for i in range(4):
    v = de_id(False); add("DE_ID_CARD", "neg", R16.choice("AEIOUBDQS") + v[1:], "Ausweisnummer: {}")  # no such first letter
for i in range(4):
    add("DE_ID_CARD", "neg", de_id(False), ["order {} shipped", "part {} in stock", "see {}", "SKU {}"][i % 4])  # no cue

# -- SE_ORGANISATIONSNUMMER: NNNNNN-NNNC, third digit >= 2, Luhn (own RNG: rows above unchanged)
R17 = random.Random(17)
def orgnr(third=None):
    b = str(R17.choice([1, 2, 3, 5, 7, 8, 9])) + str(R17.randint(0, 9)) + str(third if third is not None else R17.randint(2, 9)) \
        + "".join(R17.choice(string.digits) for _ in range(6))
    v = b + luhn_digit(b)
    return v[:6] + "-" + v[6:]
add("SE_ORGANISATIONSNUMMER", "pos", "212000-0142", "organisationsnummer {}")  # Presidio's row, Luhn checked by hand
add("SE_ORGANISATIONSNUMMER", "pos", "556703-7485", "{} är vårt orgnummer")  # Presidio's row, Luhn checked by hand
for i in range(14):
    v = orgnr()
    add("SE_ORGANISATIONSNUMMER", "pos", v.replace("-", "") if i % 4 == 3 else v,
        ["Organisationsnummer: {}", "{}", "företagets orgnr {}", "Swedish organisation number {}"][i % 4])
for i in range(8):
    v = orgnr(); add("SE_ORGANISATIONSNUMMER", "neg", v[:-1] + str((int(v[-1]) + 1 + R17.randrange(9)) % 10), "orgnr {}")  # Luhn
for i in range(4):
    b = str(R17.randint(1, 9)) + str(R17.randint(0, 9)) + "1" + "".join(R17.choice(string.digits) for _ in range(6))
    v = b + luhn_digit(b); add("SE_ORGANISATIONSNUMMER", "neg", v[:6] + "-" + v[6:], "orgnr {}")  # third digit 1: a month
for i in range(3):
    add("SE_ORGANISATIONSNUMMER", "neg", orgnr().replace("-", ""), ["Order {} shipped today.", "Call us on {} anytime.", "Tracking number {} is on its way."][i])  # bare compact

# -- DE_VAT_ID: DE + 9 digits, first not 0, ISO 7064 MOD 11,10 over the first eight (own RNG)
R18 = random.Random(18)
def de_vat():
    b = str(R18.randint(1, 9)) + "".join(R18.choice(string.digits) for _ in range(7))
    return b + de_check(b)
add("DE_VAT_ID", "pos", "DE136695976", "USt-IdNr.: {}")  # published example (python-stdnum de.vat; Presidio's rows)
add("DE_VAT_ID", "pos", "DE 129 273 398", "{}")  # Presidio's row, MOD 11,10 checked by hand
for i in range(14):
    v = de_vat()
    form = ["DE" + v, "DE " + v[:3] + " " + v[3:6] + " " + v[6:], "DE-" + v, "de" + v][i % 4]
    add("DE_VAT_ID", "pos", form, ["USt-IdNr. {}", "VAT ID: {}", "{}", "Rechnung von Beispiel GmbH, {}", "our VAT number is {}"][i % 5])
for i in range(8):
    v = de_vat(); add("DE_VAT_ID", "neg", "DE" + v[:8] + str((int(v[8]) + 1 + R18.randrange(9)) % 10), "USt-IdNr. {}")  # check
for i in range(3):
    b = "0" + "".join(R18.choice(string.digits) for _ in range(7)); add("DE_VAT_ID", "neg", "DE" + b + de_check(b), "USt-IdNr. {}")  # first digit 0
for v in ["DE" + de_vat()[:8], "DE" + de_vat() + "1", "AT" + de_vat(), "Wilmington, DE 19801"]:
    add("DE_VAT_ID", "neg", v, "VAT {}" if not v.startswith("Wil") else "{}")  # length, country, a US state + ZIP

# -- DE_HEALTH_INSURANCE: KVNR, letter (as 01-26) + 8 digits, weights 1 2 1 2 ..., digit sums, mod 10 (own RNG)
R19 = random.Random(19)
def kvnr_check(letter, body):
    ds = "%02d" % (ord(letter) - 64) + body
    t = 0
    for k, c in enumerate(ds):
        p = int(c) * (1 if k % 2 == 0 else 2)
        t += p - 9 if p > 9 else p
    return str(t % 10)
def kvnr():
    l = R19.choice(UP); b = "".join(R19.choice(string.digits) for _ in range(8))
    return l + b + kvnr_check(l, b)
for v in ["A123456780", "M123456785"]:  # Presidio's rows, checked by hand (sums 40 and 45)
    add("DE_HEALTH_INSURANCE", "pos", v, "KVNR: {}")
for i in range(14):
    v = kvnr()
    add("DE_HEALTH_INSURANCE", "pos", v.lower() if i == 5 else v,
        ["Krankenversichertennummer {}", "{}", "meine KVNR ist {}", "eGK-Nummer {} bitte angeben", "health insurance number {}"][i % 5])
for i in range(10):
    v = kvnr(); add("DE_HEALTH_INSURANCE", "neg", v[:9] + str((int(v[9]) + 1 + R19.randrange(9)) % 10), "KVNR: {}")  # check digit
for i in range(3):
    v = kvnr(); add("DE_HEALTH_INSURANCE", "neg", v.lower(), "ref {}")  # lower case without a cue
for i in range(2):
    v = kvnr(); add("DE_HEALTH_INSURANCE", "neg", v[:9], "KVNR: {}")  # nine chars

# -- DE_SOCIAL_SECURITY: Versicherungsnummer, area + DDMMYY (+50 day) + initial + serial + check (own RNG)
R20 = random.Random(20)
W_RV = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
def rv_check(body):  # body: 8 digits + letter + 2 digits
    n = ord(body[8]) - 64
    d = [int(c) for c in body[:8]] + [n // 10, n % 10, int(body[9]), int(body[10])]
    return str(sum((x * w) // 10 + (x * w) % 10 for x, w in zip(d, W_RV)) % 10)
def rvnr(month=None, day=None):
    y, m, dd = rand_date()
    m = month if month is not None else m
    dd = day if day is not None else dd
    b = "%02d%02d%02d%02d" % (R20.choice([2, 4, 8, 10, 12, 13, 15, 16, 17, 18, 19, 20, 38, 65]), dd, m, y % 100) \
        + R20.choice(UP) + "%02d" % R20.randint(0, 99)
    return b + rv_check(b)
for v in ["15070649C103", "65070803A019"]:  # Presidio's rows, checked by hand (sums 43 and 29)
    add("DE_SOCIAL_SECURITY", "pos", v, "RVNR: {}")
for i in range(14):
    add("DE_SOCIAL_SECURITY", "pos", rvnr(), ["Versicherungsnummer {}", "{}", "meine Rentenversicherungsnummer ist {}",
                                              "Sozialversicherungsausweis: {}", "social security number {}"][i % 5])
for i in range(9):
    v = rvnr(); add("DE_SOCIAL_SECURITY", "neg", v[:11] + str((int(v[11]) + 1 + R20.randrange(9)) % 10), "RVNR: {}")  # check
for m, d in [(13, 10), (0, 10), (2, 30), (4, 31), (6, 0), (6, 82)]:
    add("DE_SOCIAL_SECURITY", "neg", rvnr(m, d), "RVNR: {}")  # no such birth date

# ================================================================ issue 15, part B: German types (own RNGs R30-R37)
# Values computed here from each format's published description, independently of the Java validators;
# the published examples are marked.

# -- DE_PASSPORT: Reisepass serial, 9 chars (first C F G H J K or Z, then digits/CFGHJKLMNPRTVWXYZ), ICAO check digit when written
R30 = random.Random(30)
def de_pass(check=True, first=None):
    v = (first or R30.choice("CFGHJKZ")) + "".join(R30.choice(DE_L + string.digits) for _ in range(8))
    return v + icao(v) if check else v
add("DE_PASSPORT", "pos", "C01X00T478", "Reisepass-Nr. {}")  # published: the specimen passport (Erika Mustermann) and its MRZ check digit
add("DE_PASSPORT", "pos", "C01X0006H", "Passnummer {}")  # published: BMI's example serial (alphanumeric serials, 2007)
add("DE_PASSPORT", "pos", "C01X00T47", "My German passport number is {}.")  # published specimen serial after an English cue (not a US layout)
add("DE_PASSPORT", "pos", "C01X0006H", "passport: {}")  # published BMI serial after an English cue
for i in range(14):
    v = de_pass(i % 3 != 2)
    add("DE_PASSPORT", "pos", v.lower() if i == 7 else v, ["Reisepass {}", "meine Reisepassnummer ist {}", "Pass-Nr.: {}",
                                                           "{} (Reisepass)", "Kinderreisepass {}"][i % 5])
for i in range(6):
    v = de_pass(); add("DE_PASSPORT", "neg", v[:-1] + str((int(v[-1]) + 1 + R30.randrange(9)) % 10), "Reisepass {}")  # check digit
for f in "LMTYAE":
    add("DE_PASSPORT", "neg", de_pass(False, f), "Reisepass {}")  # no passport letter (L-Y: ID cards; A, E: never)
for i in range(2):
    v = de_pass(False); add("DE_PASSPORT", "neg", v[:4] + R30.choice("AEIOUBDQS") + v[5:], "Passnummer {}")  # letter not used
for t in ["order {} shipped", "part {} in stock", "SKU {}"]:
    add("DE_PASSPORT", "neg", de_pass(False), t)  # no cue
add("DE_PASSPORT", "neg", de_pass(False)[:8], "Reisepass {}")  # eight chars

# -- DE_FUEHRERSCHEIN: Land letter A-P, 2 digits, 1 char, 5-char serial, check (weights 9..1 mod 11, 10 = X), issue char
R31 = random.Random(31)
def fs_val(c):
    return int(c) if c.isdigit() else ord(c) - 55
def fs_check(b):
    r = sum(fs_val(c) * (9 - k) for k, c in enumerate(b)) % 11
    return "X" if r == 10 else str(r)
def fuehrerschein(land=None):
    b = (land or R31.choice("ABCDEFGHIJKLMNOP")) + "%02d" % R31.randint(0, 99) + R31.choice(UPD) \
        + "".join(R31.choice(UPD) for _ in range(5))
    return b + fs_check(b) + R31.choice(string.digits + UP)
add("DE_FUEHRERSCHEIN", "pos", "B072RRE2I55", "Führerscheinnummer: {}")  # published: the specimen licence (Musterführerschein)
for i in range(15):
    v = fuehrerschein()
    add("DE_FUEHRERSCHEIN", "pos", v.lower() if i == 4 else v,
        ["Führerscheinnummer {}", "{}", "Fahrerlaubnis {} wurde ausgestellt", "meine Führerschein-Nr. ist {}",
         "Feld 5: {} (Führerschein)"][i % 5])
for i in range(7):
    v = fuehrerschein(); c = fs_check(v[:9])
    add("DE_FUEHRERSCHEIN", "neg", v[:9] + R31.choice([x for x in string.digits + "X" if x != c]) + v[10], "Führerscheinnummer {}")  # check
for land in "QRXZ":
    b = land + v[1:9]; add("DE_FUEHRERSCHEIN", "neg", b + fs_check(b) + "1", "Führerscheinnummer {}")  # no such Land letter
for i in range(2):
    b = "B" + R31.choice(UP) + "12" + "".join(R31.choice(UPD) for _ in range(5))
    add("DE_FUEHRERSCHEIN", "neg", b + fs_check(b) + "1", "Führerscheinnummer {}")  # a letter where the district digits go
for i in range(2):
    add("DE_FUEHRERSCHEIN", "neg", fuehrerschein().lower(), "ref {}")  # lower case without a cue
add("DE_FUEHRERSCHEIN", "neg", fuehrerschein()[:10], "Führerscheinnummer {}")  # ten chars

# -- DE_KFZ: district code (FZV Anlage 1, the resource list) + 1-2 letters + 1-4 digits (<= 8 chars), E/H suffix; cue required
R32 = random.Random(32)
KFZ = [l.strip() for l in open("guardrails-detectors/src/main/resources/dev/guardrails/detectors/pii/de-kfz-districts.txt",
                               encoding="utf-8") if l.strip() and not l.startswith("#")]
KFZ_SET = set(KFZ)
def kfz(seps=("-", " "), district=None, nl=None, nd=None):
    d = district or R32.choice(KFZ)
    nl = nl or R32.randint(1, 2)
    nd = nd or R32.randint(1, max(1, min(4, 8 - len(d) - nl)))
    return d + seps[0] + "".join(R32.choice(UP) for _ in range(nl)) + seps[1] + str(R32.randint(1, 9)) \
        + "".join(R32.choice(string.digits) for _ in range(nd - 1))
for v, t in [("M-AB 1234", "Kennzeichen {}"), ("HH-AB-1234", "Kennzeichen: {}."), ("B AB 1234", "Das Fahrzeug mit Kennzeichen {} wurde gesehen."),
             ("MÜ-XY 12", "Kfz-Kennzeichen: {}"), ("MIL-E 1234", "mein Auto hat das Kennzeichen {}")]:
    add("DE_KFZ", "pos", v, t)  # hand-written (district codes M, HH, B, MÜ, MIL)
for i in range(12):
    v = kfz([("-", " "), (" ", " "), ("-", "-")][i % 3])
    if i % 5 == 4 and len(v.replace("-", "").replace(" ", "")) < 8:
        v += R32.choice("EH")
    add("DE_KFZ", "pos", v, ["Kennzeichen {}", "das Nummernschild {} am Wagen", "amtliches Kennzeichen: {}",
                             "license plate {}", "Fahrzeug {} wurde abgeschleppt", "Kfz {}"][i % 6])
for d in ["QQ", "XYZ", "I", "ZZY", "JQ"]:
    assert d not in KFZ_SET
    add("DE_KFZ", "neg", kfz(district=d), "Kennzeichen {}")  # no such district code
for i in range(3):
    d = R32.choice([c for c in KFZ if len(c) == 3]); add("DE_KFZ", "neg", d + "-AB " + str(R32.randint(1000, 9999)), "Kennzeichen {}")  # nine chars
for i in range(2):
    add("DE_KFZ", "neg", kfz().rsplit(" ", 1)[0] + " 0" + str(R32.randint(1, 99)), "Kennzeichen {}")  # number starts with 0
for i in range(2):
    add("DE_KFZ", "neg", R32.choice(KFZ[:50]) + "-ABC " + str(R32.randint(1, 99)), "Kennzeichen {}")  # three letters
for t in ["Zimmer {} im Erdgeschoss", "siehe Abschnitt {}", "Formular {} ausfüllen"]:
    add("DE_KFZ", "neg", kfz((" ", " ")), t)  # no cue

# -- DE_PLZ: five digits (not region 00, not one digit repeated) next to a postcode/address cue or after "D-"
R33 = random.Random(33)
def plz():
    while True:
        v = "%05d" % R33.randint(1000, 99999)
        if v[:2] != "00" and len(set(v)) > 1:
            return v
for v, t in [("10115", "PLZ: {}"), ("80331", "Postleitzahl {} München"), ("20095", "Anschrift: Hauptstraße 5, {} Hamburg"),
             ("50667", "D-{} Köln")]:
    add("DE_PLZ", "pos", v, t)  # hand-written (Berlin-Mitte, München, Hamburg, Köln)
for i in range(12):
    add("DE_PLZ", "pos", plz(), ["PLZ {}", "Postleitzahl: {}", "Adresse: Bahnhofstraße 12, {} Musterstadt", "wohnhaft in {} Beispielstadt",
                                 "Postfach 1234, {} Musterdorf", "D-{} Musterstadt"][i % 6])
for t in ["Der Preis beträgt {} Euro.", "order {} shipped", "Wir haben {} Mitglieder.", "Artikel {} ist vorrätig.", "{}",
          "Seite {} von 99999"]:
    add("DE_PLZ", "neg", plz(), t)  # no cue
for v in ["00123", "00999", "99999", "11111"]:
    add("DE_PLZ", "neg", v, "PLZ {}")  # region 00, one digit repeated
for v in ["1011", "101150", "8033"]:
    add("DE_PLZ", "neg", v, "PLZ {}")  # four or six digits
for t in ["PLZ-Bereich 1.{} Stück", "Adresse ... Tel. 030 {} 678"]:
    add("DE_PLZ", "neg", plz(), t)  # part of a longer number

# -- DE_HANDELSREGISTER: HRA or HRB (one case) + 1-6 digits, first not 0
R34 = random.Random(34)
def hr(kind=None, nd=None):
    return (kind or R34.choice(["HRA", "HRB"])) + " " + str(R34.randint(1, 9)) + "".join(R34.choice(string.digits) for _ in range((nd or R34.randint(1, 6)) - 1))
for v, t in [("HRB 86786", "Amtsgericht München, {}"), ("HRA 12345", "eingetragen im {} Köln"), ("HRB123456", "Registernummer: {}"),
             ("hrb 4711", "Handelsregister {}")]:
    add("DE_HANDELSREGISTER", "pos", v, t)  # hand-written
for i in range(12):
    v = hr()
    add("DE_HANDELSREGISTER", "pos", v.replace(" ", "") if i % 6 == 5 else v,
        ["Amtsgericht Hamburg {}", "{}", "Handelsregister: {}", "Registergericht Berlin-Charlottenburg, {} B",
         "Die Firma ist unter {} eingetragen.", "Sitz der Gesellschaft: Frankfurt, {}"][i % 6])
for k in ["HRC", "HR", "HRX", "HRAB", "VR", "GnR", "PR"]:
    add("DE_HANDELSREGISTER", "neg", k + " " + str(R34.randint(100, 99999)), "Amtsgericht Köln {}")  # not HRA/HRB
for i in range(3):
    add("DE_HANDELSREGISTER", "neg", R34.choice(["HRA", "HRB"]) + " " + str(R34.randint(1000000, 9999999)), "Amtsgericht Bonn {}")  # seven digits
for v in ["HRb 12345", "Hrb 12345", "HRB 012345", "XHRB 12345", "HRB ABC"]:
    add("DE_HANDELSREGISTER", "neg", v, "Handelsregister {}")  # mixed case, leading 0, glued prefix, no number

# -- DE_TAX_NUMBER: the Länder's layouts (10/11 digits, slash or space) and the 13-digit federal form; cue required
# Published: the state-by-state examples of the ELSTER scheme (Lexware program help, "Aufbau der Steuernummer").
STNR_STATE = ["93815/08152", "181/815/08155", "21/815/08150", "048/815/08155", "75 815 08152", "02/815/08156",
              "013 815 08153", "079/815/08151", "24/815/08151", "133/8150/8159", "22/815/0815/4", "010/815/08182",
              "201/123/12340", "101/815/08154", "29 815 08158", "151/815/08156"]
STNR_FED = ["2893081508152", "9181081508155", "1121081508150", "3048081508155", "2475081508152", "2202081508156",
            "2613081508153", "4079081508151", "2324081508151", "5133081508159", "2722081508154", "1010081508182",
            "3201012312340", "3101081508154", "2129081508158", "4151081508156"]
for i, v in enumerate(STNR_STATE[:10] + STNR_FED[:8]):
    add("DE_TAX_NUMBER", "pos", v, ["Steuernummer {}", "St.-Nr. {}", "Steuernummer: {} (Finanzamt)", "StNr {}",
                                    "meine Steuernummer lautet {}", "Finanzamt Musterstadt, Steuernummer {}"][i % 6])
R35 = random.Random(35)
for v in ["0281508150123", "0981508150999", "1681508150001", "1781508150001", "0081508150001", "6181081508155",
          "8181081508155", "2581081508152"]:
    add("DE_TAX_NUMBER", "neg", v, "Steuernummer {}")  # federal form: 5th digit not 0 (Presidio's rows), or no Land prefix
for v in ["12/345/6789", "12/3456/7890", "1234/56/78901", "111/111/11111"]:
    add("DE_TAX_NUMBER", "neg", v, "Steuernummer {}")  # no Land layout, one digit repeated
for v, t in [("181/815/08155", "Aktenzeichen {}"), ("21/815/08150", "siehe Tabelle {}"), ("9181081508155", "EAN {}")]:
    add("DE_TAX_NUMBER", "neg", v, t)  # no cue

# -- DE_LANR: 6-digit doctor number, check digit (weights 4 9 4 9 4 9, (10 - sum mod 10) mod 10), 2-digit specialty
R36 = random.Random(36)
def lanr_check(b):
    return str((10 - sum(int(c) * (4 if k % 2 == 0 else 9) for k, c in enumerate(b)) % 10) % 10)
def lanr():
    b = "".join(R36.choice(string.digits) for _ in range(6))
    return b + lanr_check(b) + R36.choice(["01", "02", "03", "23", "25", "34", "38", "45", "47", "51", "58", "60"])
for v in ["123456601", "987654401"]:  # Presidio's rows, checked by hand (sums 144 and 246)
    add("DE_LANR", "pos", v, "LANR: {}")
for i in range(14):
    add("DE_LANR", "pos", lanr(), ["LANR {}", "Arztnummer {} auf dem Rezept", "lebenslange Arztnummer: {}", "{} (LANR)"][i % 4])
for i in range(9):
    v = lanr(); add("DE_LANR", "neg", v[:6] + str((int(v[6]) + 1 + R36.randrange(9)) % 10) + v[7:], "LANR: {}")  # check digit
for v in ["12345660", "1234566010", "555555555"]:
    add("DE_LANR", "neg", v, "LANR: {}")  # length, one digit repeated
for t in ["order {} shipped", "Tracking number {}", "Kundennummer {}"]:
    add("DE_LANR", "neg", lanr(), t)  # no cue

# -- DE_BSNR: 9 digits, the KV region first (01 Schleswig-Holstein ... 98 Sachsen), no check digit; cue required
R37 = random.Random(37)
def bsnr():
    return R37.choice(["01", "02", "03", "17", "20", "38", "46", "51", "52", "71", "72", "73", "78", "83", "88", "93", "98"]) \
        + "".join(R37.choice(string.digits) for _ in range(7))
for i in range(15):
    add("DE_BSNR", "pos", bsnr(), ["BSNR: {}", "Betriebsstättennummer {}", "Praxisnummer (BSNR) {}", "die BSNR der Praxis ist {}",
                                   "{} (Betriebsstätte)"][i % 5])
for v in ["000000000", "02123456", "0212345689", "02123456A"]:  # Presidio's rows
    add("DE_BSNR", "neg", v, "{}")
for v in ["001234567", "123456789", "777777777", "12345678", "1234567890"]:
    add("DE_BSNR", "neg", v, "BSNR {}")  # region 00, counting, one digit repeated, length
for t in ["order {} shipped", "Tracking number {}", "Rechnung {}", "Kundennummer {}", "Artikel {}", "Los {}"]:
    add("DE_BSNR", "neg", bsnr(), t)  # no cue

# -- UK_VEHICLE_REGISTRATION: current format AB51 ABC (region letter, DVLA office letter, age 02-25/51-75, 3 letters)
R21 = random.Random(21)
PL_RANDOM = [c for c in UP if c not in "IQ"]
def plate(sep=" ", age=None, first=None):
    a = first or R21.choice("ABCDEFGHKLMNOPRSVWY")
    b = R21.choice([c for c in UP if c not in "IQZ"])
    g = age if age is not None else R21.choice(list(range(2, 26)) + list(range(51, 76)))
    return a + b + "%02d" % g + sep + "".join(R21.choice(PL_RANDOM) for _ in range(3))
for v in ["AB51 ABC", "LN14-HGT"]:  # Presidio's rows (published format examples)
    add("UK_VEHICLE_REGISTRATION", "pos", v, "car reg {}")
for i in range(14):
    v = plate([" ", "", "-", " "][i % 4])
    add("UK_VEHICLE_REGISTRATION", "pos", v.lower() if i == 6 else v,
        ["my car reg is {}", "{}", "Vehicle registration: {}", "the van ({}) was parked outside", "number plate {}"][i % 5])
for age in [0, 1, 30, 49, 50, 80, 99]:
    add("UK_VEHICLE_REGISTRATION", "neg", plate(age=age), "car reg {}")  # no such age identifier (as of 2026-2028)
for f in ["I", "Q", "Z", "X"]:
    add("UK_VEHICLE_REGISTRATION", "neg", plate(first=f), "car reg {}")  # no such region letter
for i in range(4):
    v = plate(); add("UK_VEHICLE_REGISTRATION", "neg", v[:5] + R21.choice("IQ") + v[6:], "car reg {}")  # I or Q in the random letters

# ================================================================ issue 15, part A (ids)
# Hand-written rows: each value typed from its format's description (no RNG), the check digits of
# KR_BRN, KR_FRN and IT_VAT_CODE computed by the small functions below, written from the specs
# (NTS weights; the RRN weights + 2; Luhn + office code), not by the detector's code.
def brn_check(b):  # 9 digits -> check digit
    w = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    t = sum(int(c) * x for c, x in zip(b, w)) + int(b[8]) * 5 // 10
    return str((10 - t % 10) % 10)
def frn_check(b):  # 12 digits -> check digit
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return str((13 - sum(int(c) * x for c, x in zip(b, w)) % 11) % 10)
def it_vat_check(b):  # 10 digits -> Luhn digit
    return luhn_digit(b)
def rows_of(t, label, pairs):
    for v, tpl in pairs:
        add(t, label, v, tpl)

rows_of("KR_PASSPORT", "pos", [("M123A4567", "My passport number is {}"), ("M456B7890", "Korean passport: {}"),
    ("M789C1234", "여권번호는 {}입니다"), ("S207K5581", "passport {} (Republic of Korea)"), ("M930C2214", "Passport No. {}"),
    ("R118D7720", "I travel with passport {} tomorrow"), ("D554E3019", "diplomatic passport {}"),
    ("G301F8842", "여권 {}"), ("m482b1937", "passport number {}"), ("M12345678", "Korean passport M-series: {}"),
    ("S87654321", "대한민국 여권 {}"), ("M70689098", "여권번호: {}"), ("M777Z1234", "{} is my passport"),
    ("S990H0001", "passport no {} issued in Seoul"), ("M001A0001", "Passport: {}")])
rows_of("KR_PASSPORT", "neg", [("A123B4567", "My passport number is {}"), ("M12A4567", "passport {}"),
    ("M1234A567", "passport {}"), ("M123AB567", "passport {}"), ("M123A45678", "passport {}"),
    ("M123A456", "passport {}"), ("M123456789", "passport {}"), ("MM123A4567", "passport {}"),
    ("M123A4567", "order {} shipped"), ("M482B1937", "part number {}"), ("M12345678", "passport {}"),
    ("M123-A4567", "passport {}"), ("X123A4567", "passport {}"), ("M12345678", "SKU {} in stock"),
    ("S207K5581", "see {}")])
rows_of("ES_PASSPORT", "pos", [("PAA123456", "Mi pasaporte es {}"), ("XDA456789", "pasaporte {}"),
    ("AAB112233", "número de pasaporte: {}"), ("ZAB908172", "Spanish passport {}"), ("paa123456", "pasaporte {}"),
    ("AaA123456", "Mi pasaporte es {}"), ("PAB000111", "passport number {}"), ("XYZ987654", "Pasaporte: {}"),
    ("AAA123456", "{} (pasaporte)"), ("PAC765432", "passport {} (Spain)"), ("RTX246810", "pasaporte n.º {}"),
    ("PAD135790", "mi pasaporte {} caduca en 2030"), ("QWE102938", "passport no {}"), ("PAE564738", "Pasaporte {}"),
    ("PAF111222", "pasaporte español {}")])
rows_of("ES_PASSPORT", "neg", [("AA123456", "pasaporte {}"), ("AAAA12345", "pasaporte {}"), ("AAA12345", "pasaporte {}"),
    ("AAA1234567", "pasaporte {}"), ("PAA123456", "order {} shipped"), ("XDA456789", "part {}"),
    ("PAA-123456", "pasaporte {}"), ("PA1234567", "pasaporte {}"), ("P1A123456", "pasaporte {}"),
    ("PAA12345X", "pasaporte {}"), ("AAA123456", "código {}"), ("ZAB908172", "SKU {}"),
    ("PAA 123456", "pasaporte {}"), ("PAAA23456", "pasaporte {}"), ("123PAA456", "pasaporte {}")])
rows_of("IT_PASSPORT", "pos", [("YA1234567", "passaporto {}"), ("YB7654321", "Italian passport {}"),
    ("AA0011223", "il mio passaporto è {}"), ("YC5550123", "passaporto n. {}"), ("ya1234567", "passaporto {}"),
    ("YA0000001", "numero del passaporto: {}"), ("YD8642097", "passport {} (Repubblica Italiana)"),
    ("YE1357913", "Passaporto {}"), ("AB2468024", "passaporto italiano {}"), ("YF3141592", "passaporto: {}"),
    ("YG2718281", "Italian passport number {}"), ("YH1618033", "il passaporto {} scade nel 2031"),
    ("YL1414213", "passaporto {} rilasciato a Roma"), ("YM1732050", "{} (passaporto)"), ("YN2236067", "passaporto nr {}")])
rows_of("IT_PASSPORT", "neg", [("YA123456", "passaporto {}"), ("YA12345678", "passaporto {}"),
    ("YA1234567", "passport {}"), ("YA1234567", "ordine {}"), ("Y1234567A", "passaporto {}"),
    ("YAB123456", "passaporto {}"), ("Ya1234567", "passaporto {}"), ("YA-1234567", "passaporto {}"),
    ("YB7654321", "part {}"), ("1234567YA", "passaporto {}"), ("YA123456B", "passaporto {}"),
    ("AA0011223", "codice {}"), ("YC5550123", "SKU {}"), ("YA12345", "passaporto {}"), ("Y12345678", "passaporto {}")])
rows_of("IT_IDENTITY_CARD", "pos", [("CA12345AB", "carta d'identità {}"), ("CA00000AA", "CIE {}"),
    ("CB98765ZZ", "numero carta di identità: {}"), ("AY1234567", "carta d'identità {}"),
    ("CA55555XY", "Italian identity card {}"), ("CC10203DE", "la mia carta d'identità è {}"),
    ("AX7654321", "carta di identità n. {}"), ("CD24680FG", "CIE n. {}"), ("CE13579HJ", "carta identità {}"),
    ("CF11111KL", "documento: carta d'identità {}"), ("CA22222MN", "{} (carta d'identità)"),
    ("AZ0000001", "carta d'identità cartacea {}"), ("CG33333PQ", "Italian ID {}"), ("CH44444RS", "CIE: {}"),
    ("CI55555TU", "carta di identità elettronica {}")])
rows_of("IT_IDENTITY_CARD", "neg", [("CA1234AB", "carta d'identità {}"), ("CA123456AB", "carta d'identità {}"),
    ("C123456AB", "carta d'identità {}"), ("ca12345ab", "CIE {}"), ("CA12345AB", "ordine {}"),
    ("CA12345A1", "CIE {}"), ("CB98765ZZ", "part {}"), ("AY123456", "carta d'identità {}"),
    ("AY12345678", "carta d'identità {}"), ("A1234567Y", "carta d'identità {}"), ("CA-12345AB", "CIE {}"),
    ("CA12345AB", "SKU {}"), ("CA1234567B", "CIE {}"), ("12CA345AB", "CIE {}"), ("CAB2345AB", "CIE {}")])
rows_of("IT_DRIVER_LICENSE", "pos", [("AA0123456B", "patente {}"), ("RM1234567X", "numero patente: {}"),
    ("MI7654321Z", "driving licence {}"), ("U1K711J11M", "license {} here"), ("U1H00B000C", "patente di guida {}"),
    ("U1B2C3D4FG", "la mia patente è {}"), ("TO2468135K", "patente n. {}"), ("NA1357924P", "Patente: {}"),
    ("U10000000A", "patente {}"), ("FI1112223Q", "driver's license {}"), ("BO9998887R", "{} (patente)"),
    ("U1ZZZZZZZT", "patente {}"), ("GE5554443S", "patente di guida n. {}"), ("PA3332221V", "licence {}"),
    ("U1X9Y8W7VZ", "numero della patente {}")])
rows_of("IT_DRIVER_LICENSE", "neg", [("AA0123456", "patente {}"), ("AA01234567B", "patente {}"),
    ("U1H00A000B", "patente {}"), ("990123456B", "patente {}"), ("A10123456B", "patente {}"),
    ("aa0123456b", "patente {}"), ("AA0123456B", "order {} shipped"), ("U1K711J11M", "part {}"),
    ("U1E00B000C", "patente {}"), ("AA0123456-B", "patente {}"), ("AA01234561", "patente {}"),
    ("RM1234567X", "SKU {}"), ("U2K711J11M", "patente {}"), ("AA012345BB", "patente {}"), ("U1K711J11", "patente {}")])
rows_of("IN_VEHICLE_REGISTRATION", "pos", [("KA53ME3456", "my car registration number is {}"),
    ("DL3CJI0001", "vehicle {} was parked outside"), ("MH12AB1234", "bike number plate {}"),
    ("TN09BX4521", "RC for {}"), ("GJ01KL0007", "car {} at the gate"), ("UP32A1234", "registration {}"),
    ("WB02AK5678", "vehicle number {}"), ("KL07CD9090", "my scooter {} is blue"), ("HR26DQ5551", "truck {}"),
    ("RJ14C3333", "reg {}"), ("AP28BF1212", "Vehicle registration: {}"), ("TS09EJ7777", "car number plate {}"),
    ("PB10GH2468", "motorcycle {}"), ("OD02BA2341", "My Bike's registration number is {}"),
    ("BR01PK6060", "registration number {}")])
rows_of("IN_VEHICLE_REGISTRATION", "neg", [("AB53ME3456", "registration number {}"),
    ("KA53ME345", "registration number {}"), ("KA53MEXY3456", "registration number {}"),
    ("KA533ME3456", "registration number {}"), ("ka53me3456", "registration number {}"),
    ("MH12AB1234", "order {} shipped"), ("ZZ12AB1234", "vehicle {}"), ("KAME3456", "vehicle {}"),
    ("KA53ME34567", "vehicle {}"), ("DL3CJI0001", "part {}"), ("KA-53-ME-3456X", "vehicle {}"),
    ("XX01CA1234", "car {}"), ("GJ09AB12", "car {}"), ("TN09BX4521", "SKU {}"), ("QQ01AA0001", "registration {}")])
rows_of("NG_VEHICLE_REGISTRATION", "pos", [("APP-456CV", "plate number {}"), ("ABJ-001AA", "The plate number is {} for this vehicle"),
    ("KJA-999PZ", "Plates: {} registered in Lagos"), ("LSD 123AB", "vehicle {}"), ("EKY-472QT", "car {} was towed"),
    ("GGE 903BM", "number plate {}"), ("AAA123BC", "plate {}"), ("kja-123ab", "plate number {}"),
    ("FKJ-554XY", "FRSC confirmed {}"), ("BDG-710KD", "registration {}"), ("MUS-066TT", "car with plate {}"),
    ("SMK-321LA", "vehicle registration {}"), ("ENU-808EN", "Plates: {}"), ("KTU-445GH", "plate {} at the checkpoint"),
    ("AKD-900JJ", "my car {}")])
rows_of("NG_VEHICLE_REGISTRATION", "neg", [("AB-1234CD", "plate number {}"), ("123-456AB", "plate number {}"),
    ("AB-12CD", "plate number {}"), ("ABCD-123EF", "plate number {}"), ("APP-4567CV", "plate number {}"),
    ("APP-456C", "plate number {}"), ("APP-456CVX", "plate number {}"), ("App-456CV", "plate number {}"),
    ("APP-456CV", "order {} shipped"), ("APP-456-CV", "plate number {}"), ("KJA-999PZ", "part {}"),
    ("AP1-456CV", "plate number {}"), ("APP-45ACV", "plate number {}"), ("APP_456CV", "plate number {}"),
    ("APP-456C1", "plate number {}")])
rows_of("TR_LICENSE_PLATE", "pos", [("34 ABC 123", "plaka {}"), ("06 A 1234", "Araç plakası {} olarak kayıtlı"),
    ("35 JK 123", "Plaka {}"), ("16 BC 4567", "license plate {}"), ("34ABC123", "plaka {}"), ("34 abc 123", "plaka {}"),
    ("01 AB 123", "plaka numarası: {}"), ("81 A 1234", "vehicle {} parked"), ("07 AB 123", "araç {}"),
    ("41 KLM 56", "plate {}"), ("55 R 12345", "Plaka: {}"), ("34 ABC 1234", "License plate {}"),
    ("06 JK 567", "Plaka 34 ABC 123 ve {}"), ("20 DE 789", "aracın plakası {}"), ("45 FGH 21", "number plate {}")])
rows_of("TR_LICENSE_PLATE", "neg", [("00 ABC 123", "plaka {}"), ("82 ABC 123", "plaka {}"), ("99 ABC 123", "plaka {}"),
    ("34 ABCD 123", "plaka {}"), ("34 ABC 1", "plaka {}"), ("34 ABC 123456", "plaka {}"), ("34 AQC 123", "plaka {}"),
    ("34 AWX 123", "plaka {}"), ("34-ABC-123", "plaka {}"), ("34 Abc 123", "plaka {}"), ("34 ABC 123", "order {} shipped"),
    ("1234567890", "plaka {}"), ("34 ABC", "plaka {}"), ("3 ABC 123", "plaka {}"), ("34ABC12X", "plaka {}")])
frn_pos = []
for body, tpl in [("91112456789", "{}"), ("85031551234", "Alien registration {}"), ("92010162345", "외국인등록번호: {}"),
                  ("03070873456", "His Korean FRN is {}"), ("10123184567", "FRN {}"), ("77010150000", "{} (외국인)"),
                  ("88022961111", "foreign registration number {}")]:
    b = body + "0"  # 12 digits: the date, the sex digit, five serial digits
    v = b + frn_check(b)
    frn_pos.append((v[:6] + "-" + v[6:], tpl))
frn_pos += [("911124-5678901", "{}"), ("000505-7637892", "{}"), ("050912-6000012", "FRN: {}"),
            ("850315-5123456", "{}"), ("920101-6234567", "외국인등록번호 {}"), ("030708-7345678", "{}"),
            ("101231-8456789", "alien registration {}")]
b = "850315512345"; frn_pos.append((b + frn_check(b), "FRN {}"))  # compact after a cue
rows_of("KR_FRN", "pos", frn_pos)
rows_of("KR_FRN", "neg", [("001332-5234567", "{}"), ("850315-1123456", "{}"), ("850315-9123456", "{}"),
    ("850315-0123456", "{}"), ("850230-5123456", "{}"), ("850315-51234567", "{}"), ("850315-512345", "{}"),
    ("8503155123456", "order {} shipped"), ("010229-7123456", "{}"), ("990229-5123456", "{}"),
    ("000402-2214431", "{}"), ("051102-9234110", "{}"), ("960303-0021413", "{}"), ("851315-6123456", "FRN {}"),
    ("850300-6123456", "FRN {}")])
brn_pos = []
for body, tpl in [("116820027", "{}"), ("104865665", "BRN: {}"), ("134867268", "사업자등록번호 {}"),
                  ("220811234", "business registration number {}"), ("105810001", "{}"), ("211870456", "사업자번호: {}"),
                  ("314050789", "{}"), ("120883333", "BRN {}"), ("617811122", "{}"), ("409124567", "사업자 {}"),
                  ("101010101", "{}"), ("775550042", "business registration {}"), ("888990707", "{}")]:
    v = body + brn_check(body)
    brn_pos.append((v[:3] + "-" + v[3:5] + "-" + v[5:], tpl))
b = "214860123"; brn_pos.append((b + brn_check(b), "My BRN is {}"))
b = "603811478"; brn_pos.append((b + brn_check(b), "사업자등록번호: {}"))
rows_of("KR_BRN", "pos", brn_pos)
brn_neg = []
for body in ["116820027", "104865665", "134867268", "220811234", "314050789", "617811122"]:
    c = str((int(brn_check(body)) + 3) % 10)
    brn_neg.append((body[:3] + "-" + body[3:5] + "-" + body[5:] + c, "BRN {}"))  # wrong check digit
for body in ["100820027", "099865665", "116000027", "116820000"]:  # office < 101, kind 00, serial 0000
    v = body + brn_check(body)
    brn_neg.append((v[:3] + "-" + v[3:5] + "-" + v[5:], "BRN {}"))
b = "214860123"; brn_neg.append((b + brn_check(b), "order {} shipped"))  # compact, no cue
brn_neg += [("110-81-4127", "BRN {}"), ("110-81-412722", "BRN {}"), ("110-81-4127A", "BRN {}"), ("123-45-67890", "BRN {}")]
rows_of("KR_BRN", "neg", brn_neg)
rows_of("KR_DRIVER_LICENSE", "pos", [("11-22-123456-12", "{}"), ("13-19-654321-01", "My license is {}"),
    ("28 05 778899 44", "{}"), ("21-10-000123-45", "운전면허번호 {}"), ("112212345612", "운전면허번호: {}"),
    ("261533445566", "면허번호 {}"), ("12-08-246810-11", "driver's license {}"), ("14-99-135791-22", "{}"),
    ("15 12 102030 33", "운전면허 {}"), ("16-15-999999-99", "{}"), ("17-01-000001-01", "licence {}"),
    ("18-20-500500-50", "{}"), ("19-21-121212-12", "Korean driver's license {}"), ("20-23-343434-34", "{}"),
    ("25-24-565656-56", "운전면허증 번호 {}")])
rows_of("KR_DRIVER_LICENSE", "neg", [("99-22-123456-12", "{}"), ("27-22-123456-12", "{}"), ("11-22-12345-12", "{}"),
    ("11-22-123456-1", "{}"), ("111-22-123456-12", "{}"), ("11-22-123456-123", "{}"), ("10-22-123456-12", "{}"),
    ("112212345612", "order {} shipped"), ("29-22-123456-12", "{}"), ("00-22-123456-12", "{}"),
    ("11-22-123A56-12", "{}"), ("11-2-1234567-12", "{}"), ("11-22-1234567-2", "{}"), ("11 22-123456 12", "{}"),
    ("992212345612", "운전면허번호 {}")])
vat_pos = [("00743110157", "Partita IVA {}"), ("01333550323", "P.IVA {}")]
for body, tpl in [("1234567001", "P. IVA: {}"), ("0765432032", "VAT number {}"), ("0211111058", "piva {}"),
                  ("0555555100", "partita iva n. {}"), ("0987654120", "P.IVA {}"), ("0300000121", "Partita IVA: {}"),
                  ("0412345888", "VAT {}"), ("0600000999", "codice IVA {}"), ("0199887015", "Partita IVA {}"),
                  ("0724681036", "P.IVA: {}"), ("0835790050", "VAT no {}"), ("0946802077", "partita IVA {}"),
                  ("0102030094", "IVA {}")]:
    vat_pos.append((body + it_vat_check(body), tpl))
rows_of("IT_VAT_CODE", "pos", vat_pos)
vat_neg = [("00000000000", "Partita IVA {}"), ("00000000001", "Partita IVA {}"), ("00743110158", "Partita IVA {}"),
           ("0074311015", "Partita IVA {}"), ("01333550323", "order {} shipped")]
for body in ["1234567001", "0765432032", "0211111058", "0555555100", "0987654120"]:
    vat_neg.append((body + str((int(it_vat_check(body)) + 5) % 10), "Partita IVA {}"))  # wrong check digit
for body in ["1234567000", "0765432200", "0211111500", "0555555101", "0987654122"]:  # no such office
    vat_neg.append((body + it_vat_check(body), "Partita IVA {}"))
rows_of("IT_VAT_CODE", "neg", vat_neg)
# the UK's nine-digit passport numbers (issued before the two-letter series) after a passport cue
# and a UK word; without a country word a nine-digit passport number stays US_PASSPORT
rows_of("UK_PASSPORT", "pos", [("925076473", "my British passport number is {}"), ("107185703", "UK passport: {}"),
    ("533401372", "passport {} (HM Passport Office)")])
rows_of("UK_PASSPORT", "neg", [("925076473", "passport number {}"), ("10718570", "UK passport: {}")])

out = "guardrails-detectors/src/test/resources/dev/guardrails/detectors/pii/pii-cases.tsv"
with open(out, "w") as f:
    f.write("# Generated by tools/pii/gen_pii_cases.py (synthetic, checksummed values; no real data).\n")
    f.write("# type\tpos|neg\tvalue\ttext ('\\n' = line break)\n")
    for r in rows:
        assert "\t" not in "".join(r)
        f.write("\t".join(r) + "\n")
from collections import Counter
print(sorted(Counter((r[0], r[1]) for r in rows).items()))
