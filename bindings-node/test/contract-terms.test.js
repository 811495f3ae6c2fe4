'use strict';
// Contract terms with merge fields from Node: checked when the business saves them, filled with
// the stay's values when a contract is drawn up (« un modèle-type de contrat … un contrat sur-mesure »).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const hospes = require('..');

const DATA = hospes.fromWire(JSON.parse(fs.readFileSync(path.join(__dirname, '../../core/tests/data/invoicing.json'), 'utf8')));
const NOW = new Date('2026-03-01T10:00:00Z');
const request = ({ terms = DATA.mergeTerms, client = DATA.client, locale = null } = {}) => ({
  number: 'C-2026-028', establishment: DATA.establishment, client, stay: DATA.stay, terms,
  schedule: DATA.mergeSchedule, cancellation: DATA.cancellation, locale,
});
const withText = (text) => ({ ...DATA.mergeTerms, clauses: [{ heading: 'Article 1', text }] });

test("a contract template's merge fields are filled with the stay's dates, unit, guests and amounts", () => {
  const summary = hospes.checkContractTerms(DATA.mergeTerms);
  assert.deepEqual(summary.tags.slice(0, 2), ['[NUM_CONTRAT]', '[NOM_ETABLISSEMENT]']);
  const contract = hospes.createContract(request(), NOW);
  assert.equal(contract.terms.title, 'Contrat de location saisonnière n° C-2026-028');
  assert.equal(contract.terms.version, '2026-2');
  assert.equal(contract.terms.clauses[1].text,
    'Location de l’hébergement « Mobil-home 3 chambres » du 11 juillet 2026 au 18 juillet 2026, '
    + 'soit 7 nuits, pour 2 personnes : Marie Dupont, Léa Dupont.');
  const english = hospes.createContract(request({ locale: 'en' }), NOW);
  assert.match(english.terms.clauses[2].text, /€1,000\.00/);
});

test('an unknown merge field is refused when the template is saved', () => {
  assert.throws(() => hospes.checkContractTerms(withText('Du [DATE_ARRIVEE] au [DATE_DEPAR].')),
    (err) => err.code === 'contract.tag_unknown' && err.message.includes('[DATE_DEPART]'));
  assert.throws(() => hospes.checkContractTerms(withText('Arrivée le [DATE_ARRIVEE à 16 h.')),
    (err) => err.code === 'contract.tag_unclosed');
  assert.throws(() => hospes.createContract(request({ terms: withText('[LIEN_CONTRAT]') }), NOW),
    (err) => err.code === 'contract.tag_unknown');
});

test("a guest's name is never read as a merge field", () => {
  const client = { ...DATA.client, firstName: '[DATE_ARRIVEE]' };
  const contract = hospes.createContract(request({ terms: withText('Locataire : [PRENOM] [NOM].'), client }), NOW);
  assert.equal(contract.terms.clauses[0].text, 'Locataire : [DATE_ARRIVEE] Dupont.');
});
