'use strict';
// Rendering a ten-tag mail from Node: hospes against nunjucks, side by side in one run.
//
// The mail is core/tests/data/mail.json: a booking confirmation whose subject, HTML body and
// plain text carry ten tags. hospes renders it from the records (establishment, client, stay,
// amounts, links), formatting dates and the amount in French (ICU4X) and escaping every value:
// given the records on every call, and given them once as a PreparedMailContext
// (`mailer.prepare(context)`), as a host sending a guest several mails would.
// nunjucks renders the same three parts, autoescaped, two ways: from the same records with the
// dates and the amount formatted by Intl (as a Node host producing the same mail would), and
// from ten ready strings with the formatting left out of the timing.
//
// Goal: hospes at most 1.3× the time of nunjucks + Intl. Run by `make bench` against a release build,
// from the repository root: node bench/mail.js
const fs = require('node:fs');
const nunjucks = require('nunjucks');
const hospes = require('..');

const data = JSON.parse(fs.readFileSync('core/tests/data/mail.json', 'utf8'));
const template = hospes.fromWire(data.template);
const context = hospes.fromWire(data.context);
const french = data.template.versions.find((v) => v.locale === 'fr');
const mailer = new hospes.Mailer(template);
const ours = mailer.render(context);

const variables = {
  NOM_ETABLISSEMENT: 'establishment.name', REF_SEJOUR: 'stay.reference', CIVILITE: 'client.civility',
  NOM: 'client.last_name', HEBERGEMENT: 'stay.accommodation', DATE_ARRIVEE: 'stay.arrival',
  DATE_DEPART: 'stay.departure', MONTANT_ACOMPTE: 'amounts.deposit',
  LIEN_PAIEMENT_ACOMPTE: 'links.deposit_payment', LIEN_ESPACE_CLI: 'links.portal',
};
const jinja = (text) => text.replace(/\[([A-Z_]+)\]/g, (_, tag) => `{{ ${variables[tag]} }}`);
const plain = new nunjucks.Environment(null, { autoescape: false });
const escaped = new nunjucks.Environment(null, { autoescape: true });
const subject = nunjucks.compile(jinja(french.subject), plain);
const html = nunjucks.compile(jinja(french.html), escaped);
const text = nunjucks.compile(jinja(
  'Bonjour [CIVILITE] [NOM],\n\nVotre séjour en [HEBERGEMENT] du [DATE_ARRIVEE] au [DATE_DEPART] est '
  + 'confirmé.\n\nAcompte à régler : [MONTANT_ACOMPTE] — payer l’acompte ([LIEN_PAIEMENT_ACOMPTE]).\n\n'
  + 'Retrouvez votre contrat et vos factures dans votre espace client ([LIEN_ESPACE_CLI]).',
), plain);
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const moneyFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const civilities = { mrs: 'Madame', mr: 'Monsieur' };

function withIntl(ctx) {
  const values = {
    establishment: { name: ctx.establishment.name },
    client: { civility: civilities[ctx.client.civility], last_name: ctx.client.lastName },
    stay: {
      reference: ctx.stay.reference, accommodation: ctx.stay.accommodation,
      arrival: dateFormat.format(new Date(ctx.stay.arrival)), departure: dateFormat.format(new Date(ctx.stay.departure)),
    },
    amounts: { deposit: moneyFormat.format(Number(ctx.amounts.deposit.amount)) },
    links: { portal: ctx.links.portal, deposit_payment: ctx.links.depositPayment },
  };
  return [subject.render(values), html.render(values), text.render(values)];
}

const ready = {
  establishment: { name: 'Camping des Pins' }, client: { civility: 'Madame', last_name: 'Dupont' },
  stay: { reference: '312', accommodation: 'Mobil-home 3 chambres', arrival: '11 juillet 2026', departure: '18 juillet 2026' },
  amounts: { deposit: '300,00 €' }, links: { portal: context.links.portal, deposit_payment: context.links.depositPayment },
};
const preformatted = () => [subject.render(ready), html.render(ready), text.render(ready)];

const [s, , t] = withIntl(context);
if (s !== ours.subject || t !== ours.text) throw new Error(`not the same mail:\n${t}\n---\n${ours.text}`);

function perCall(fn, n = 2000) {
  let best = Infinity;
  for (let round = 0; round < 5; round += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n / 1000);
  }
  return best;
}

// The context read once (a guest who gets several mails, or the same one again).
const prepared = mailer.prepare(context);
if (JSON.stringify(mailer.render(prepared)) !== JSON.stringify(ours)) throw new Error('a prepared context renders another mail');

const hospesUs = perCall(() => mailer.render(context));
const preparedUs = perCall(() => mailer.render(prepared));
const intlUs = perCall(() => withIntl(context));
const bareUs = perCall(preformatted);
console.log('ten-tag mail (subject, HTML, text), µs per mail');
console.log(`  hospes Mailer.render (the records)          ${hospesUs.toFixed(1).padStart(7)}`);
console.log(`  hospes Mailer.render (a prepared context)   ${preparedUs.toFixed(1).padStart(7)}`);
console.log(`  nunjucks + Intl (same records)              ${intlUs.toFixed(1).padStart(7)}   hospes takes ${(hospesUs / intlUs).toFixed(2)}× its time, ${(preparedUs / intlUs).toFixed(2)}× with a prepared context (goal ≤ 1.3×)`);
console.log(`  nunjucks, values pre-formatted              ${bareUs.toFixed(1).padStart(7)}   hospes takes ${(hospesUs / bareUs).toFixed(2)}× its time, ${(preparedUs / bareUs).toFixed(2)}× with a prepared context`);
