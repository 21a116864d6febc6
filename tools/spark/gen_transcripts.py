#!/usr/bin/env python3
"""Generates examples/transcripts.jsonl: a few hundred chat turns with FAKE data only.

Every value is invented or a documented test value: names from a short list of common first and
last names, emails at example.com/example.org (RFC 2606), phone numbers in the 555-01xx range
reserved for fiction, the card number 4111 1111 1111 1111 (a published test number), the IBAN
GB82 WEST 1234 5698 7654 32 (the standard example), AWS's documented example key id, and
addresses on invented streets. No real personal data.

Fixed seed: the output is byte-identical on every run.
    python3 tools/spark/gen_transcripts.py > examples/transcripts.jsonl
"""
import json
import random
import sys

SEED = 20261205
CONVERSATIONS = 120

FIRST = ["James", "Maria", "Wei", "Aisha", "Oliver", "Sofia", "Rahul", "Emma", "Lucas", "Chloe"]
LAST = ["Smith", "Garcia", "Chen", "Khan", "Brown", "Rossi", "Patel", "Novak", "Silva", "Okafor"]
STREETS = ["Main Street", "Oak Avenue", "Elm Road", "Park Lane", "Maple Drive"]
PRODUCTS = ["the Pro plan", "the router", "your subscription", "the mobile app", "the starter kit"]

PROMPTS = [
    "How do I reset my password?",
    "Can you summarise my last order?",
    "Who should I contact about a refund?",
    "What does the report say about growth?",
    "Write a short job ad for a team lead.",
    "Is this product safe for older users?",
    "Can you check my account details?",
    "What is the API key for the staging server?",
]

CLEAN = [
    "To reset your password, open Settings, choose Security and follow the prompts.",
    "I'm happy to help with that. Could you tell me which device you are using?",
    "Your order has been shipped and should arrive within three to five business days.",
    "You can change the notification settings from the profile page at any time.",
    "The function reads the file line by line and returns a list of records.",
    "Let me know if there is anything else I can help you with today.",
]


def name(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def email(r, n):
    first, last = n.split(" ")
    return f"{first.lower()}.{last.lower()}{r.randint(1, 99)}@{r.choice(['example.com', 'example.org'])}"


def phone(r):
    return f"(212) 555-01{r.randint(0, 99):02d}"


def answer(r, kind, user):
    n = name(r)
    if kind == "clean":
        return " ".join(r.sample(CLEAN, 2)), {}
    if kind == "echo":  # the user's own email comes back: not a leak
        return f"I have updated the contact address on file to {user['email']}. " + r.choice(CLEAN), {"userValues": [user["email"]]}
    if kind == "email":
        return f"You can reach our agent {n} at {email(r, n)} for a refund. " + r.choice(CLEAN), {}
    if kind == "phone":
        return f"Please call {n} on {phone(r)} between 9am and 5pm. " + r.choice(CLEAN), {}
    if kind == "card":
        return f"The card on file is 4111 1111 1111 1111, expiring 12/29. " + r.choice(CLEAN), {}
    if kind == "iban":
        return f"Refunds go to the account GB82 WEST 1234 5698 7654 32 within a week. " + r.choice(CLEAN), {}
    if kind == "address":
        return f"The parcel was sent to {r.randint(10, 999)} {r.choice(STREETS)}, Springfield. " + r.choice(CLEAN), {}
    if kind == "secret":
        return "Use the key AKIAIOSFODNN7EXAMPLE with the secret from the vault for staging. " + r.choice(CLEAN), {}
    if kind == "bias":
        return r.choice([
            "We are looking for a chairman who can manage the manpower of the team.",
            "Hey guys, the new hire should be a digital native who can keep up.",
            "The product is simple enough that even elderly users can manage it.",
            "Every salesman should bring his laptop to the meeting.",
        ]) + " " + r.choice(CLEAN), {}
    if kind == "grounded":
        year = r.choice([2001, 2005, 2012])
        said = year if r.random() < 0.5 else year + 3
        src = f"The company was founded in {year} in Austin, Texas, and has 120 employees."
        return f"The company was founded in {said} in Austin.", {"sources": [src]}
    if kind == "claim":
        return r.choice([
            "Studies show that this diet cuts the risk of heart disease by 40 percent.",
            "Experts agree that growth will double next year.",
            "According to a 2019 survey, 87% of users prefer the new layout.",
        ]) + " " + r.choice(CLEAN), {}
    raise ValueError(kind)


KINDS = ["clean"] * 6 + ["echo", "email", "phone", "card", "iban", "address", "secret", "bias", "bias", "grounded", "claim", "claim"]


def main():
    r = random.Random(SEED)
    out = sys.stdout
    for c in range(1, CONVERSATIONS + 1):
        n = name(r)
        user = {"email": email(r, n)}
        for t in range(1, r.randint(2, 4) + 1):
            text, extra = answer(r, r.choice(KINDS), user)
            row = {"conversation": f"c{c:04d}", "turn": t, "prompt": r.choice(PROMPTS), "text": text}
            row.update(extra)
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
