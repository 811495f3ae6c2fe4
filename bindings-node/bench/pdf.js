'use strict';
// Printing the 20-line invoice as PDF from Node: hospes against pdfkit, side by side in one run.
//
// The invoice is core/tests/data/invoice.json: a final invoice in French with the seller's
// block, a Polish customer ("Łukasz Żółć"), 20 lines (quantity, unit price incl. VAT, VAT rate,
// total), the VAT breakdown over four rates, the totals, the tourist tax not subject to VAT, the
// payment status and due date, and the legal line (SIRET, VAT number, legal form) at the foot of
// the page. hospes prints it from the record, formatting every amount and date in French (ICU4X),
// with subsets of Noto Sans regular and bold embedded (core/fonts/).
//
// pdfkit prints the same document from the same record: the same strings (built by `document()`
// below, inside the timing, amounts and dates formatted by Intl and checked once against
// hospes's), every string placed at hospes's coordinates (core/src/pdf/page.rs), cells wrapped
// to their column, and the same two Noto Sans files embedded as subsets. No page breaks: this
// invoice fits one page, the favourable case for pdfkit. The fonts are read and parsed once,
// outside the timing: two fontkit fonts shared by every document (pdfkit takes a fontkit font
// where its guide passes the file's bytes, which would parse Noto Sans — its GSUB and GPOS tables
// — again for every document), the regular one also the document's default font, so pdfkit does
// not load Helvetica's metrics each time. The fastest pdfkit we found.
//
// Goal: hospes at least 4× faster than pdfkit. Run by `make bench` against a release
// build, from the repository root: node bench/pdf.js (the two PDFs go to target/bench/pdf/).
const fs = require('node:fs');
const fontkit = require('fontkit');
const PDFDocument = require('pdfkit');
const hospes = require('..');

const invoice = hospes.fromWire(JSON.parse(fs.readFileSync('core/tests/data/invoice.json', 'utf8')));
const REGULAR = fs.readFileSync('core/fonts/NotoSans-Regular.ttf');
const BOLD = fs.readFileSync('core/fonts/NotoSans-Bold.ttf');
const FONTS = { regular: fontkit.create(REGULAR), bold: fontkit.create(BOLD) };

// The invoice's strings, in French, as hospes prints them (core/locales/fr/documents.ftl).
const TITLES = {
  deposit: 'Facture d’acompte', balance: 'Facture de solde', final: 'Facture', side_sale: 'Facture',
  rent: 'Facture de loyer', cancellation_fee: 'Facture de frais d’annulation', credit_note: 'Avoir',
};
const STATUSES = {
  draft: 'brouillon', issued: 'à régler', partly_paid: 'partiellement réglée', paid: 'réglée',
  cancelled: 'annulée par avoir',
};
const TOURIST_TAX = 'La taxe de séjour est collectée pour la commune et n’est pas soumise à la TVA.';
const moneyFormats = {};
const money = (m) => {
  moneyFormats[m.currency] ??= new Intl.NumberFormat('fr-FR', { style: 'currency', currency: m.currency });
  return moneyFormats[m.currency].format(m.amount); // a decimal string, formatted exactly
};
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20 });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const date = (day) => dateFormat.format(new Date(day));
const rate = (value) => `${numberFormat.format(value)} %`;
const regions = new Intl.DisplayNames('fr', { type: 'region' });
const address = (a) => [...a.lines, `${a.postcode} ${a.city}`];

/** Every string the invoice prints, in the order hospes prints them. */
function document(inv) {
  const { seller, customer, totals } = inv;
  const { vat } = totals;
  const lines = [customer.name, customer.company].filter(Boolean).concat(address(customer.address));
  const country = customer.address.country;
  if (country && country !== seller.address.country) lines.push(regions.of(country).toUpperCase());
  if (customer.email) lines.push(customer.email);
  const incl = inv.priceBasis === 'including_vat';
  const settled = ['paid', 'cancelled'].includes(inv.status) || inv.kind === 'credit_note';
  const legal = [seller.name, seller.legalForm, `SIRET ${seller.siret}`,
    `N° TVA intracommunautaire ${seller.vatNumber}`, address(seller.address).join(', ')];
  return {
    title: TITLES[inv.kind],
    refs: [`N° ${inv.number}`, `Date d’émission : ${date(inv.issueDate)}`, `Séjour n° ${inv.stayReference}`,
      `Période : du ${date(inv.serviceFrom)} au ${date(inv.serviceTo)}`],
    seller: seller.name,
    sellerLines: address(seller.address).concat([seller.phone, seller.email].filter(Boolean)),
    customer: lines,
    header: ['Désignation', 'Qté', incl ? 'PU TTC' : 'PU HT', 'TVA', incl ? 'Total TTC' : 'Total HT'],
    rows: inv.lines.map((line, i) => [line.label, numberFormat.format(line.quantity), money(line.unitPrice),
      Number(line.vatRate) ? rate(line.vatRate) : '—', money(totals.lines[i].amount)]),
    vatHeader: ['Taux', 'Base HT', 'Montant TVA', 'Total TTC'],
    vatRows: vat.lines.map((v) => [Number(v.vatRate) ? rate(v.vatRate) : 'non soumis', money(v.exclVat),
      money(v.vat), money(v.inclVat)]),
    totals: [['Total HT', money(vat.totalExclVat)], ['Total TVA', money(vat.totalVat)],
      ['Total TTC', money(vat.totalInclVat)]],
    touristTax: inv.lines.some((line) => line.kind === 'tourist_tax'),
    status: `Statut : ${STATUSES[inv.status]}`,
    due: settled ? null : `Échéance : ${date(inv.dueDate)}`,
    footer: legal.filter(Boolean).join(' · '),
    info: { Title: `${TITLES[inv.kind]} ${inv.number}`, Author: seller.name, Subject: customer.name },
  };
}

// A4 in points, 18 mm margins; hospes's y runs up from the bottom, pdfkit's down from the top.
const MM = 72 / 25.4;
const [WIDTH, HEIGHT] = [210 * MM, 297 * MM];
const MARGIN = 18 * MM;
const INNER = WIDTH - 2 * MARGIN;
const RIGHT = WIDTH - MARGIN;
// The columns of the lines and of the VAT breakdown: width in points, alignment (as hospes's).
const COLUMNS = [[INNER - 245, 'left'], [40, 'right'], [75, 'right'], [45, 'right'], [85, 'right']];
const VAT_COLUMNS = [[55, 'right'], [80, 'right'], [75, 'right'], [80, 'right']];

/** The invoice drawn string by string at hospes's coordinates, as a Buffer. */
function pdfkitInvoice(inv) {
  const d = document(inv);
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress: true, info: d.info, lang: 'fr', font: FONTS.regular });
  const done = new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Noto', FONTS.regular);
  doc.registerFont('Noto-Bold', FONTS.bold);

  // One line at baseline `y` (hospes's, from the bottom), starting at, ending at or centred on `x`.
  const text = (x, y, s, size, bold = false, align = 'left') => {
    doc.font(bold ? 'Noto-Bold' : 'Noto').fontSize(size);
    const w = align === 'left' ? 0 : doc.widthOfString(s);
    const left = align === 'right' ? x - w : align === 'center' ? x - w / 2 : x;
    doc.text(s, left, HEIGHT - y, { lineBreak: false, baseline: 'alphabetic' });
  };
  // Text wrapped to `width`, its first baseline at `y`; returns the number of lines. Most cells
  // fit: those are measured and drawn as one line, pdfkit's line wrapper is run for the others.
  const wrapped = (x, y, s, size, width, bold, align) => {
    doc.font(bold ? 'Noto-Bold' : 'Noto').fontSize(size);
    if (doc.widthOfString(s) <= width) {
      const anchor = { left: x, right: x + width, center: x + width / 2 }[align];
      text(anchor, y, s, size, bold, align);
      return 1;
    }
    const lineGap = size * 1.3 - doc.currentLineHeight(true);
    const lines = Math.round(doc.heightOfString(s, { width, lineGap }) / (size * 1.3));
    doc.text(s, x, HEIGHT - y, { width, align, lineGap, baseline: 'alphabetic' });
    return lines;
  };
  const line = (x1, x2, y, gray) => {
    const g = gray * 255;
    doc.moveTo(x1, HEIGHT - y).lineTo(x2, HEIGHT - y).lineWidth(0.5).strokeColor([g, g, g]).stroke();
  };
  // A header on a grey band, then rows between rules, each cell wrapped to its column.
  const table = (y, columns, header, rows) => {
    const [size, pad, leading] = [8.5, 3, 8.5 * 1.3];
    const end = MARGIN + columns.reduce((sum, [width]) => sum + width, 0);
    [header, ...rows].forEach((cells, i) => {
      const top = y + size + pad;
      if (i > 0) line(MARGIN, end, top, 0.85);
      else doc.rect(MARGIN, HEIGHT - top, end - MARGIN, leading + 2 * pad).fill('#e6e6e6').fillColor('black');
      let x = MARGIN;
      let lines = 1;
      cells.forEach((cell, j) => {
        const [width, align] = columns[j];
        lines = Math.max(lines, wrapped(x + pad, y, cell, size, width - 2 * pad, i === 0, align));
        x += width;
      });
      y -= lines * leading + 2 * pad;
    });
    line(MARGIN, end, y + 9, 0.6);
    return y - 6;
  };

  let y = HEIGHT - MARGIN;
  const top = y;
  text(MARGIN, y, d.seller, 13, true);
  y -= 15;
  for (const s of d.sellerLines) { text(MARGIN, y, s, 8.5); y -= 11; }
  let ty = top;
  text(RIGHT, ty, d.title, 16, true, 'right');
  ty -= 18;
  for (const s of d.refs) { text(RIGHT, ty, s, 9, false, 'right'); ty -= 12; }
  y = Math.min(y, ty) - 10;
  const x = WIDTH / 2 + 10;
  const height = 16 + 11.5 * d.customer.length;
  doc.rect(x - 6, HEIGHT - (y + 10), RIGHT - x + 6, height).lineWidth(0.75).strokeColor('black').stroke();
  text(x, y, 'Client', 7.5);
  y -= 13;
  d.customer.forEach((s, i) => { text(x, y, s, 9.5, i === 0); y -= 11.5; });
  y = table(y - 14, COLUMNS, d.header, d.rows) - 6;
  text(MARGIN, y, 'Détail de la TVA', 9, true);
  y -= 14;
  ty = y;
  d.totals.forEach(([label, amount], i) => {
    text(RIGHT - 95, ty, label, 9.5, i === 2, 'right');
    text(RIGHT, ty, amount, 9.5, i === 2, 'right');
    ty -= 14;
  });
  y = Math.min(table(y, VAT_COLUMNS, d.vatHeader, d.vatRows), ty) - 4;
  if (d.touristTax) y -= wrapped(MARGIN, y, TOURIST_TAX, 7.5, INNER, false, 'left') * 7.5 * 1.3;
  y -= 6;
  text(MARGIN, y, d.status, 9.5, true);
  if (d.due) text(MARGIN, y - 12.35, d.due, 9);
  line(MARGIN, RIGHT, MARGIN + 6, 0.8);
  wrapped(MARGIN + 20, MARGIN - 4, d.footer, 6.5, INNER - 40, false, 'center');
  text(RIGHT, MARGIN - 4, '1 / 1', 6.5, false, 'right');
  doc.end();
  return done;
}

async function perCall(fn, n) {
  let best = Infinity;
  for (let round = 0; round < 5; round += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) await fn(); // eslint-disable-line no-await-in-loop
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n / 1000);
  }
  return best;
}

async function main() {
  // Intl writes what hospes writes.
  const { vat } = invoice.totals;
  const amounts = [...invoice.lines.map((l) => l.unitPrice), ...invoice.totals.lines.map((t) => t.amount),
    ...vat.lines.flatMap((v) => [v.exclVat, v.vat, v.inclVat]), vat.totalExclVat, vat.totalVat, vat.totalInclVat];
  for (const amount of amounts) {
    if (money(amount) !== hospes.formatMoney(amount, 'fr')) throw new Error(`${money(amount)} ≠ ${hospes.formatMoney(amount, 'fr')}`);
  }
  for (const day of [invoice.issueDate, invoice.dueDate, invoice.serviceFrom, invoice.serviceTo]) {
    if (date(day) !== hospes.formatDate(day, 'fr')) throw new Error(`${date(day)} ≠ ${hospes.formatDate(day, 'fr')}`);
  }

  const printers = [ // name, file written to target/bench/pdf/, the call timed
    ['hospes invoicePdf', 'hospes-node.pdf', () => hospes.invoicePdf(invoice)],
    ['pdfkit', 'pdfkit.pdf', () => pdfkitInvoice(invoice)],
  ];
  fs.mkdirSync('target/bench/pdf', { recursive: true });
  const rows = [];
  for (const [name, file, fn] of printers) {
    const start = process.hrtime.bigint();
    const pdf = await fn(); // eslint-disable-line no-await-in-loop
    const firstMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (pdf.subarray(0, 4).toString() !== '%PDF') throw new Error(`${name}: not a PDF`);
    fs.writeFileSync(`target/bench/pdf/${file}`, pdf);
    // As many calls as fill about 0.2 s per round, at least one (the first call also warms up).
    const us = await perCall(fn, Math.max(1, Math.round(200 / Math.max(firstMs, 0.05)))); // eslint-disable-line no-await-in-loop
    rows.push([name, us, pdf.length]);
  }

  const ours = rows[0][1];
  console.log('20-line invoice as PDF, Noto Sans subsets embedded (ms per invoice, file size)');
  for (const [name, us, size] of rows) {
    const versus = us === ours ? '' : `   hospes ${(us / ours).toFixed(1).padStart(5)}× faster`;
    console.log(`  ${name.padEnd(20)} ${(us / 1000).toFixed(2).padStart(8)} ms  ${(size / 1000).toFixed(1).padStart(5)} KB${versus}`);
  }
  const ratio = rows[1][1] / ours;
  console.log(`  goal: hospes ≥ 4× faster than pdfkit: ${ratio.toFixed(1)}×, ${ratio >= 4 ? 'met' : 'NOT met'}`);
}

main().catch((error) => { console.error(error); process.exitCode = 1; });
