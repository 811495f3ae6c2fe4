"""Writes the million generated clients the register benchmarks load: target/bench/clients.jsonl.

One `RegisterEntry` per line (wire form): names from eight countries with their accents, phones in
E.164 as each country writes them, licence plates in each country's pattern, e-mails, 0 to 3 stays
(some covering the benchmarks' day, 2026-07-14) and 0 to 3 invoices' figures. Seeded: every run,
and every language's benchmark, reads the same rows. Rust (core/benches/register.rs), Python
(bindings-python/bench/bench_register.py) and Node (bindings-node/bench/register.js) all read it.

    python tests/bench/register_clients.py [count]
"""

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target/bench/clients.jsonl"
COUNTRIES = {
    "FR": (["Dupont", "Lefèvre", "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
            "Moreau", "Laurent", "Simon", "Michel", "Garçon", "Lemaître", "Bélanger", "Chevalier", "Rousseau", "Fournier"],
           ["Marie", "Élodie", "Jean", "Pierre", "Hélène", "Zoé", "Noël", "Anaïs", "Léa", "Chloé", "Théo", "Jérôme"],
           ["Lyon", "Paris", "Nantes", "Besançon", "Orléans", "Saint-Étienne", "Mimizan", "Arcachon"], "+33", 9,
           lambda r: f"{r.choice('ABCDEFGH')}{r.choice('JKLMNP')}-{r.randint(100, 999)}-{r.choice('QRSTUV')}{r.choice('WXYZAB')}"),
    "DE": (["Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Meyer", "Wagner", "Becker", "Schäfer", "Koch"],
           ["Jürgen", "Anna", "Lukas", "Sophie", "Jörg", "Maximilian", "Lena", "Björn"],
           ["München", "Köln", "Düsseldorf", "Berlin", "Nürnberg"], "+49", 10,
           lambda r: f"{r.choice(['M', 'B', 'K', 'HH'])}-{r.choice('ABCDEFG')}{r.choice('HIJKLMN')} {r.randint(1, 9999)}"),
    "ES": (["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Núñez", "Muñoz"],
           ["Lucía", "José", "María", "Andrés", "Sofía", "Iñigo", "Begoña", "Martín"],
           ["Sevilla", "Málaga", "Córdoba", "León", "Cádiz"], "+34", 9,
           lambda r: f"{r.randint(1000, 9999)} {r.choice('BCDFGH')}{r.choice('JKLMNP')}{r.choice('RSTVWX')}"),
    "IT": (["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"],
           ["Giulia", "Luca", "Niccolò", "Francesca", "Matteo", "Chiara"],
           ["Roma", "Milano", "Forlì", "Cantù"], "+39", 10,
           lambda r: f"{r.choice('ABCDEF')}{r.choice('GHJKLM')} {r.randint(100, 999)}{r.choice('NPRSTV')}{r.choice('WXYZAB')}"),
    "NL": (["de Vries", "van Dijk", "Jansen", "Bakker", "Visser", "Smit", "van den Berg"],
           ["Daan", "Emma", "Sem", "Julia", "Noëlle"], ["Amsterdam", "Utrecht", "Den Haag"], "+31", 9,
           lambda r: f"{r.randint(1, 99)}-{r.choice('ABCDGH')}{r.choice('JKLNPR')}{r.choice('STXZBD')}-{r.randint(1, 9)}"),
    "GB": (["Smith", "Jones", "Taylor", "Brown", "O'Brien", "Wilson", "Evans"],
           ["Oliver", "Amelia", "Harry", "Isla", "Jack"], ["London", "Leeds", "York"], "+44", 10,
           lambda r: f"{r.choice('ABCDE')}{r.choice('FGHJK')}{r.randint(10, 99)} {r.choice('LMNOP')}{r.choice('RSTUV')}{r.choice('WXYZA')}"),
    "PT": (["Silva", "Santos", "Ferreira", "Pereira", "Gonçalves", "Simões"],
           ["João", "Inês", "Tomás", "Beatriz"], ["Lisboa", "Évora", "Porto"], "+351", 9,
           lambda r: f"{r.choice('ABCD')}{r.choice('EFGH')}-{r.randint(10, 99)}-{r.choice('IJKL')}{r.choice('MNOP')}"),
    "PL": (["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Łukasik"],
           ["Łukasz", "Zofia", "Paweł", "Małgorzata"], ["Kraków", "Łódź", "Gdańsk"], "+48", 9,
           lambda r: f"{r.choice(['KR', 'WA', 'GD'])} {r.randint(10000, 99999)}"),
}
WEIGHTS = {"FR": 55, "DE": 12, "ES": 8, "IT": 6, "NL": 7, "GB": 6, "PT": 3, "PL": 3}
DOMAINS = ["example.fr", "example.com", "mail.example", "example.de", "example.es"]
STATUSES = ["confirmed", "completed", "completed", "cancelled", "option", "in_progress"]


def ascii_local(text):
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum()) or "x"


def entry(r, i):
    country = r.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    lasts, firsts, cities, code, digits, plate = COUNTRIES[country]
    last, first = r.choice(lasts), r.choice(firsts)
    client = {"id": f"C-{i:07d}", "civility": r.choice(["mr", "mrs", "family", None]), "last_name": last,
              "first_name": first, "address": {"lines": [f"{r.randint(1, 200)} rue {r.choice(lasts)}"],
              "postcode": f"{r.randint(10000, 99999)}", "city": r.choice(cities), "country": country},
              "created_at": f"{r.randint(2015, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T10:00:00Z"}
    if r.random() < 0.03:
        client["company"] = f"{r.choice(lasts)} {r.choice(['Voyages', 'Tours', 'Reisen', 'Viajes'])}"
    if r.random() < 0.9:
        client["mobile"] = code + "6" + "".join(str(r.randint(0, 9)) for _ in range(digits - 1))
    if r.random() < 0.3:
        client["landline"] = code + "4" + "".join(str(r.randint(0, 9)) for _ in range(digits - 1))
    if r.random() < 0.85:
        client["email"] = f"{ascii_local(first)}.{ascii_local(last)}{r.randint(1, 999)}@{r.choice(DOMAINS)}"
    if r.random() < 0.6:
        client["licence_plates"] = [plate(r)]
    stays, invoices = [], []
    for k in range(r.choice([0, 1, 1, 2, 3])):
        year = r.randint(2018, 2026)
        month, day = r.randint(4, 9), r.randint(1, 20)
        nights = r.randint(2, 21)
        arrival = f"{year}-{month:02d}-{day:02d}"
        departure = f"{year}-{month:02d}-{day + min(nights, 8):02d}"
        stays.append({"reference": f"S-{i}-{k}", "arrival": arrival, "departure": departure,
                      "status": r.choice(STATUSES)})
        if stays[-1]["status"] in ("confirmed", "completed", "in_progress"):
            excl = r.randint(100, 3000)
            invoices.append({"number": f"F-{i}-{k}", "kind": "final", "issue_date": departure,
                             "revenue_excl_vat": {"amount": f"{excl}.00", "currency": "EUR"},
                             "revenue_incl_vat": {"amount": f"{excl * 11 // 10}.00", "currency": "EUR"},
                             "due": {"amount": "0.00", "currency": "EUR"}})
    if r.random() < 0.02:
        stays.append({"reference": f"S-{i}-now", "arrival": "2026-07-10", "departure": "2026-07-20",
                      "status": "in_progress"})
    return {"client": client, "stays": stays, "invoices": invoices}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    if OUT.exists() and sum(1 for _ in OUT.open(encoding="utf-8")) == count:
        print(f"{OUT} has {count} clients already")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    r = random.Random(2026)
    with OUT.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps(entry(r, i), ensure_ascii=False) + "\n")
    print(f"wrote {count} clients to {OUT}")


if __name__ == "__main__":
    main()
