"""Printing the 20-line invoice as PDF from Python: hospes against ReportLab and WeasyPrint,
side by side in one run.

The invoice is core/tests/data/invoice.json: a final invoice in French with the seller's block,
a Polish customer ("Łukasz Żółć"), 20 lines (quantity, unit price incl. VAT, VAT rate, total),
the VAT breakdown over four rates, the totals, the tourist tax not subject to VAT, the payment
status and due date, and the legal line (SIRET, VAT number, legal form) at the foot of the page.
hospes prints it from the record, formatting every amount and date in French, with subsets of
Noto Sans regular and bold embedded (core/fonts/).

ReportLab and WeasyPrint print the same document from the same record: the same strings (built
by `document()` below, inside the timing, with a small hand-written French formatter checked
against hospes's once — cheaper than Babel, so the favourable case for them), the same layout
(A4, 18 mm margins, the same blocks, tables and type sizes) and the same Noto Sans files,
embedded as subsets. Fonts are loaded and the stylesheet compiled once, outside the timing:

* "ReportLab canvas": every string placed by hand at hospes's coordinates, cells wrapped to
  their column; no page breaks (this invoice fits one page) — the most favourable ReportLab;
* "ReportLab platypus": the same with Tables and Paragraphs (labels wrapped, the header
  repeated on each page, "n / N" in the footer), as an invoice is usually written with ReportLab;
* "WeasyPrint": HTML and CSS of the same invoice, the fonts given by @font-face.

Goal: hospes at least 5× faster than ReportLab and 300× faster than WeasyPrint.
Run by `make bench` against a release build, from the repository root; the three PDFs are
written to target/bench/pdf/ to be compared by eye.
"""

import html
import io
import json
import os
import timeit
from decimal import Decimal
from pathlib import Path

from babel import Locale
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

import hospes

DATA = json.loads(Path("core/tests/data/invoice.json").read_text(encoding="utf-8"))
_PDF_INVOICE = next(t for t in hospes._wire.SCHEMA["operations"] if t["name"] == "pdf.invoice")
INVOICE = hospes._wire.from_wire({"invoice": DATA}, _PDF_INVOICE["args"])["invoice"]
REGULAR, BOLD = (os.path.abspath(f"core/fonts/NotoSans-{w}.ttf") for w in ("Regular", "Bold"))
OUT = Path("target/bench/pdf")

# ---------------------------------------------------------------------------------------------
# The invoice's strings, in French, as hospes prints them (core/locales/fr/documents.ftl).

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
TITLES = {"deposit": "Facture d’acompte", "balance": "Facture de solde", "final": "Facture",
          "side_sale": "Facture", "rent": "Facture de loyer",
          "cancellation_fee": "Facture de frais d’annulation", "credit_note": "Avoir"}
STATUSES = {"draft": "brouillon", "issued": "à régler", "partly_paid": "partiellement réglée",
            "paid": "réglée", "cancelled": "annulée par avoir"}
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}
COUNTRIES = Locale.parse("fr").territories
CENT = Decimal("0.01")


def number(value: Decimal) -> str:
    """A decimal as French writes it: `5,5`, `1 234,56` (a narrow no-break space in thousands)."""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    digits = f"{int(whole):,}".replace(",", "\u202f") + ("," + fraction if fraction else "")
    return ("-" if value < 0 else "") + digits


def money(amount) -> str:
    return number(amount["amount"].quantize(CENT)) + "\u00a0" + SYMBOLS[amount["currency"]]


def date(value) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def rate(value: Decimal) -> str:
    return f"{number(value.normalize())} %"


def address(a) -> list:
    return [*a["lines"], f"{a['postcode']} {a['city']}"]


def document(invoice) -> dict:
    """Every string the invoice prints, in the order hospes prints them."""
    seller, customer = invoice["seller"], invoice["customer"]
    country = customer["address"]["country"]
    lines = [line for line in [customer["name"], customer["company"]] if line]
    lines += address(customer["address"])
    if country and country != seller["address"]["country"]:
        lines.append(COUNTRIES[country].upper())
    lines += [customer["email"]] if customer["email"] else []
    refs = [f"N° {invoice['number']}", f"Date d’émission : {date(invoice['issue_date'])}",
            f"Séjour n° {invoice['stay_reference']}",
            f"Période : du {date(invoice['service_from'])} au {date(invoice['service_to'])}"]
    incl = invoice["price_basis"] == "including_vat"
    totals = invoice["totals"]
    vat = totals["vat"]
    settled = invoice["status"] in ("paid", "cancelled") or invoice["kind"] == "credit_note"
    legal = [seller["name"], seller["legal_form"], f"SIRET {seller['siret']}",
             f"N° TVA intracommunautaire {seller['vat_number']}", ", ".join(address(seller["address"]))]
    return {
        "title": TITLES[invoice["kind"]], "refs": refs,
        "seller": seller["name"],
        "seller_lines": address(seller["address"]) + [v for v in (seller["phone"], seller["email"]) if v],
        "customer": lines,
        "header": ["Désignation", "Qté", "PU TTC" if incl else "PU HT", "TVA",
                   "Total TTC" if incl else "Total HT"],
        "rows": [[line["label"], number(line["quantity"].normalize()), money(line["unit_price"]),
                  rate(line["vat_rate"]) if line["vat_rate"] else "—", money(total["amount"])]
                 for line, total in zip(invoice["lines"], totals["lines"])],
        "vat_header": ["Taux", "Base HT", "Montant TVA", "Total TTC"],
        "vat_rows": [[rate(v["vat_rate"]) if v["vat_rate"] else "non soumis", money(v["excl_vat"]),
                      money(v["vat"]), money(v["incl_vat"])] for v in vat["lines"]],
        "totals": [("Total HT", money(vat["total_excl_vat"])), ("Total TVA", money(vat["total_vat"])),
                   ("Total TTC", money(vat["total_incl_vat"]))],
        "tourist_tax": any(line["kind"] == "tourist_tax" for line in invoice["lines"]),
        "status": f"Statut : {STATUSES[invoice['status']]}",
        "due": None if settled else f"Échéance : {date(invoice['due_date'])}",
        "footer": " · ".join(v for v in legal if v),
        "info": {"title": f"{TITLES[invoice['kind']]} {invoice['number']}",
                 "author": seller["name"], "subject": customer["name"]},
    }


TOURIST_TAX = "La taxe de séjour est collectée pour la commune et n’est pas soumise à la TVA."

# ---------------------------------------------------------------------------------------------
# ReportLab: Noto Sans registered once; each document embeds the subsets it uses.

pdfmetrics.registerFont(TTFont("Noto", REGULAR))
pdfmetrics.registerFont(TTFont("Noto-Bold", BOLD))
pdfmetrics.registerFontFamily("Noto", normal="Noto", bold="Noto-Bold")
WIDTH, HEIGHT = A4
MARGIN = 18 * mm
INNER = WIDTH - 2 * MARGIN
RIGHT = WIDTH - MARGIN
# The columns of the lines and of the VAT breakdown: width in points, alignment (as hospes's).
COLUMNS = [(INNER - 245, "left"), (40, "right"), (75, "right"), (45, "right"), (85, "right")]
VAT_COLUMNS = [(55, "right"), (80, "right"), (75, "right"), (80, "right")]


def reportlab_canvas(invoice) -> bytes:
    """The invoice drawn string by string at hospes's coordinates (core/src/pdf/page.rs)."""
    d = document(invoice)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    c.setTitle(d["info"]["title"])
    c.setAuthor(d["info"]["author"])
    c.setSubject(d["info"]["subject"])

    def text(x, y, s, size, bold=False, align="left"):
        c.setFont("Noto-Bold" if bold else "Noto", size)
        {"left": c.drawString, "right": c.drawRightString, "center": c.drawCentredString}[align](x, y, s)

    def table(y, columns, header, rows):
        """A header on a grey band, then rows between rules, each cell wrapped to its column."""
        size, pad, leading = 8.5, 3.0, 8.5 * 1.3
        end = MARGIN + sum(width for width, _ in columns)
        for i, cells in enumerate([header, *rows]):
            font = "Noto-Bold" if i == 0 else "Noto"
            wrapped = [simpleSplit(cell, font, size, width - 2 * pad) for cell, (width, _) in zip(cells, columns)]
            height = max(map(len, wrapped)) * leading + 2 * pad
            top = y + size + pad
            if i == 0:
                c.setFillGray(0.9)
                c.rect(MARGIN, top - height, end - MARGIN, height, stroke=0, fill=1)
                c.setFillGray(0)
            else:
                c.setStrokeGray(0.85)
                c.line(MARGIN, top, end, top)
            x = MARGIN
            for cell_lines, (width, align) in zip(wrapped, columns):
                anchor = x + pad if align == "left" else x + width - pad
                for k, line in enumerate(cell_lines):
                    text(anchor, y - k * leading, line, size, i == 0, align)
                x += width
            y -= height
        c.setStrokeGray(0.6)
        c.line(MARGIN, y + 9, end, y + 9)
        c.setStrokeGray(0)
        return y - 6

    y = top = HEIGHT - MARGIN
    text(MARGIN, y, d["seller"], 13, True)
    y -= 15
    for line in d["seller_lines"]:
        text(MARGIN, y, line, 8.5)
        y -= 11
    ty = top
    text(RIGHT, ty, d["title"], 16, True, "right")
    ty -= 18
    for line in d["refs"]:
        text(RIGHT, ty, line, 9, align="right")
        ty -= 12
    y = min(y, ty) - 10
    x = WIDTH / 2 + 10
    height = 16 + 11.5 * len(d["customer"])
    c.setLineWidth(0.75)
    c.rect(x - 6, y - height + 10, RIGHT - x + 6, height)
    text(x, y, "Client", 7.5)
    y -= 13
    for i, line in enumerate(d["customer"]):
        text(x, y, line, 9.5, i == 0)
        y -= 11.5
    y = table(y - 14, COLUMNS, d["header"], d["rows"]) - 6
    text(MARGIN, y, "Détail de la TVA", 9, True)
    y -= 14
    ty = y
    for i, (label, amount) in enumerate(d["totals"]):
        text(RIGHT - 95, ty, label, 9.5, i == 2, "right")
        text(RIGHT, ty, amount, 9.5, i == 2, "right")
        ty -= 14
    y = min(table(y, VAT_COLUMNS, d["vat_header"], d["vat_rows"]), ty) - 4
    if d["tourist_tax"]:
        for line in simpleSplit(TOURIST_TAX, "Noto", 7.5, INNER):
            text(MARGIN, y, line, 7.5)
            y -= 7.5 * 1.3
    y -= 6
    text(MARGIN, y, d["status"], 9.5, True)
    if d["due"]:
        text(MARGIN, y - 12.35, d["due"], 9)
    c.setStrokeGray(0.8)
    c.line(MARGIN, MARGIN + 6, RIGHT, MARGIN + 6)
    for i, line in enumerate(simpleSplit(d["footer"], "Noto", 6.5, INNER - 40)):
        text(WIDTH / 2, MARGIN - 4 - i * 8.45, line, 6.5, align="center")
    text(RIGHT, MARGIN - 4, "1 / 1", 6.5, align="right")
    c.showPage()
    c.save()
    return out.getvalue()


STYLE = {name: ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, alignment=align)
         for name, font, size, align in [
             ("seller", "Noto-Bold", 13, 0), ("small", "Noto", 8.5, 0), ("title", "Noto-Bold", 16, 2),
             ("ref", "Noto", 9, 2), ("label", "Noto", 7.5, 0), ("customer", "Noto", 9.5, 0),
             ("cell", "Noto", 8.5, 0), ("head", "Noto-Bold", 8.5, 0), ("h2", "Noto-Bold", 9, 0),
             ("total", "Noto", 9.5, 2), ("note", "Noto", 7.5, 0), ("status", "Noto-Bold", 9.5, 0),
             ("body", "Noto", 9, 0)]}
GRID = [("FONT", (0, 0), (-1, -1), "Noto", 8.5), ("FONT", (0, 0), (-1, 0), "Noto-Bold", 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, colors.Color(0.85, 0.85, 0.85)),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.Color(0.6, 0.6, 0.6)),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]


def para(text: str, style: str, bold: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped: Paragraph reads markup)."""
    text = html.escape(text)
    return Paragraph(f"<b>{text}</b>" if bold else text, STYLE[style])


class _Numbered(canvas.Canvas):
    """A canvas that holds its pages back to print "n / N" and the legal line on each."""

    footer = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for n, page in enumerate(self._pages, 1):
            self.__dict__.update(page)
            self.setStrokeGray(0.8)
            self.line(MARGIN, MARGIN + 6, RIGHT, MARGIN + 6)
            self.setFont("Noto", 6.5)
            for i, line in enumerate(simpleSplit(self.footer, "Noto", 6.5, INNER - 40)):
                self.drawCentredString(WIDTH / 2, MARGIN - 4 - i * 8.45, line)
            self.drawRightString(RIGHT, MARGIN - 4, f"{n} / {len(self._pages)}")
            super().showPage()
        super().save()


def reportlab_platypus(invoice) -> bytes:
    """The invoice as ReportLab flowables: header, customer box, tables, paragraphs."""
    d = document(invoice)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 12, **d["info"])
    seller = [para(d["seller"], "seller"), *(para(line, "small") for line in d["seller_lines"])]
    title = [para(d["title"], "title"), *(para(line, "ref") for line in d["refs"])]
    customer = [para("Client", "label"), para(d["customer"][0], "customer", bold=True),
                *(para(line, "customer") for line in d["customer"][1:])]
    box = Table([[customer]], colWidths=[RIGHT - WIDTH / 2 - 4], hAlign="RIGHT",
                style=[("BOX", (0, 0), (-1, -1), 0.75, colors.black)])
    lines = Table([d["header"], *([para(r[0], "cell"), *r[1:]] for r in d["rows"])],
                  colWidths=[width for width, _ in COLUMNS], repeatRows=1, style=GRID)
    vat_width = sum(width for width, _ in VAT_COLUMNS)
    vat = Table([d["vat_header"], *d["vat_rows"]], colWidths=[width for width, _ in VAT_COLUMNS],
                style=GRID + [("ALIGN", (0, 0), (0, -1), "RIGHT")])
    totals = Table([[para(label, "total", i == 2), para(amount, "total", i == 2)]
                    for i, (label, amount) in enumerate(d["totals"])], colWidths=[80, 70])
    story = [Table([[seller, title]], colWidths=[INNER / 2, INNER / 2]), Spacer(0, 10), box, Spacer(0, 14),
             lines, Spacer(0, 6), para("Détail de la TVA", "h2"),
             Table([[vat, totals]], colWidths=[vat_width, INNER - vat_width],
                   style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])]
    if d["tourist_tax"]:
        story.append(para(TOURIST_TAX, "note"))
    story += [Spacer(0, 6), para(d["status"], "status")] + ([para(d["due"], "body")] if d["due"] else [])
    doc.build(story, canvasmaker=type("Footer", (_Numbered,), {"footer": d["footer"]}))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# WeasyPrint: the same invoice in HTML; the stylesheet (with the @font-face) compiled once.

FONT_CONFIG = FontConfiguration()
STYLESHEET = CSS(string=f"""
@font-face {{ font-family: "Invoice Sans"; src: url("file://{REGULAR}"); font-weight: 400; }}
@font-face {{ font-family: "Invoice Sans"; src: url("file://{BOLD}"); font-weight: 700; }}
@page {{ size: A4; margin: 18mm 18mm 24mm;
  @bottom-center {{ content: element(footer); vertical-align: top; }}
  @bottom-right {{ content: counter(page) " / " counter(pages); font: 6.5pt "Invoice Sans";
                   vertical-align: top; padding-top: 5pt; width: 20pt; white-space: nowrap; }} }}
body {{ font: 9pt/1.3 "Invoice Sans"; margin: 0; }}
footer {{ position: running(footer); font-size: 6.5pt; text-align: center; border-top: 0.8pt solid #ccc;
         padding: 4pt 20pt 0; }}
.head {{ display: flex; justify-content: space-between; }}
.seller strong {{ font-size: 13pt; }} .seller {{ font-size: 8.5pt; line-height: 11pt; }}
.title {{ text-align: right; line-height: 12pt; }} .title strong {{ font-size: 16pt; line-height: 20pt; }}
.customer {{ margin: 10pt 0 14pt 50%; border: 0.75pt solid #000; padding: 3pt 6pt; font-size: 9.5pt;
            line-height: 11.5pt; }}
.customer small {{ font-size: 7.5pt; }}
table {{ border-collapse: collapse; font-size: 8.5pt; }}
.lines {{ width: 100%; }}
th {{ background: #e6e6e6; font-weight: 700; }}
th, td {{ padding: 3pt; text-align: right; }}
.lines td:first-child, .lines th:first-child {{ text-align: left; }}
td {{ border-top: 0.5pt solid #d9d9d9; }} tr:last-child td {{ border-bottom: 0.5pt solid #999; }}
.vat th:nth-child(1) {{ width: 49pt; }} .vat th:nth-child(2), .vat th:nth-child(4) {{ width: 74pt; }}
.vat th:nth-child(3) {{ width: 69pt; }}
h2 {{ font-size: 9pt; margin: 12pt 0 4pt; }}
.sums {{ display: flex; justify-content: space-between; align-items: flex-start; }}
.totals td {{ border: 0; font-size: 9.5pt; padding: 0 0 0 24pt; }}
.totals tr:last-child td {{ font-weight: 700; }}
.note {{ font-size: 7.5pt; }} .status {{ font-weight: 700; font-size: 9.5pt; margin: 6pt 0 0; }}
""", font_config=FONT_CONFIG)


def row(cells, tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{html.escape(cell)}</{tag}>" for cell in cells) + "</tr>"


def weasyprint_html(d) -> str:
    """The invoice's strings in HTML, every one escaped."""
    e = html.escape
    return "".join([
        f'<html lang="fr"><head><title>{e(d["info"]["title"])}</title>',
        f'<meta name="author" content="{e(d["info"]["author"])}">',
        f'<meta name="description" content="{e(d["info"]["subject"])}"></head><body>',
        f'<footer>{e(d["footer"])}</footer>',
        f'<div class="head"><div class="seller"><strong>{e(d["seller"])}</strong><br>',
        "<br>".join(map(e, d["seller_lines"])),
        f'</div><div class="title"><strong>{e(d["title"])}</strong><br>',
        "<br>".join(map(e, d["refs"])), "</div></div>",
        f'<div class="customer"><small>Client</small><br><strong>{e(d["customer"][0])}</strong><br>',
        "<br>".join(map(e, d["customer"][1:])), "</div>",
        '<table class="lines"><thead>', row(d["header"], "th"), "</thead><tbody>",
        *map(row, d["rows"]), "</tbody></table>",
        '<h2>Détail de la TVA</h2><div class="sums"><table class="vat"><thead>', row(d["vat_header"], "th"),
        "</thead><tbody>", *map(row, d["vat_rows"]), '</tbody></table><table class="totals">',
        *map(row, d["totals"]), "</table></div>",
        f'<p class="note">{e(TOURIST_TAX)}</p>' if d["tourist_tax"] else "",
        f'<p class="status">{e(d["status"])}</p>', f'<div>{e(d["due"])}</div>' if d["due"] else "",
        "</body></html>",
    ])


def weasyprint(invoice) -> bytes:
    page = weasyprint_html(document(invoice))
    return HTML(string=page).write_pdf(stylesheets=[STYLESHEET], font_config=FONT_CONFIG)


# ---------------------------------------------------------------------------------------------


def per_call(fn, repeat: int = 5) -> float:
    """The best of `repeat` rounds, each of as many calls as fill 0.2 s (at least one)."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number * 1e6


def main() -> None:
    # The hand-written formatter writes what hospes writes.
    vat = INVOICE["totals"]["vat"]
    amounts = [line["unit_price"] for line in INVOICE["lines"]] + [t["amount"] for t in INVOICE["totals"]["lines"]]
    amounts += [v[k] for v in vat["lines"] for k in ("excl_vat", "vat", "incl_vat")]
    amounts += [vat["total_excl_vat"], vat["total_vat"], vat["total_incl_vat"]]
    for amount in amounts:
        assert money(amount) == hospes.format_money(amount, "fr"), (money(amount), hospes.format_money(amount, "fr"))
    for day in (INVOICE["issue_date"], INVOICE["due_date"], INVOICE["service_from"], INVOICE["service_to"]):
        assert date(day) == hospes.format_date(day, "fr"), (date(day), hospes.format_date(day, "fr"))

    printers = {  # name: (file written to OUT, the call timed)
        "hospes invoice_pdf": ("hospes.pdf", lambda: hospes.invoice_pdf(INVOICE)),
        "ReportLab canvas": ("reportlab-canvas.pdf", lambda: reportlab_canvas(INVOICE)),
        "ReportLab platypus": ("reportlab-platypus.pdf", lambda: reportlab_platypus(INVOICE)),
        "WeasyPrint": ("weasyprint.pdf", lambda: weasyprint(INVOICE)),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, (file, fn) in printers.items():
        pdf = fn()  # also the warm-up: first-use caches stay out of the timing
        assert pdf.startswith(b"%PDF"), name
        sizes[name] = len(pdf)
        (OUT / file).write_bytes(pdf)
    times = {name: per_call(fn) for name, (_, fn) in printers.items()}

    ours = times["hospes invoice_pdf"]
    print("20-line invoice as PDF, Noto Sans subsets embedded (ms per invoice, file size)")
    for name, us in times.items():
        versus = "" if us is ours else f"   hospes {us / ours:6.1f}× faster"
        print(f"  {name:<20} {us / 1000:9.2f} ms  {sizes[name] / 1000:6.1f} KB{versus}")
    reportlab = min(times["ReportLab canvas"], times["ReportLab platypus"])
    for other, us, goal in [("ReportLab (the faster way)", reportlab, 5), ("WeasyPrint", times["WeasyPrint"], 300)]:
        ratio = us / ours
        verdict = "met" if ratio >= goal else "NOT met"
        print(f"  goal: hospes ≥ {goal}× faster than {other}: {ratio:.1f}×, {verdict}")
    print(f"  (PDFs written to {OUT}/)")


if __name__ == "__main__":
    main()
