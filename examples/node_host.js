'use strict';
// A PMS written in Node receives a guest's corrected details from its portal.
// Run by `make test` (node-test) after the addon is built: node examples/node_host.js
const hospes = require('../bindings-node');

const now = new Date('2026-06-01T09:00:00Z');
const stored = hospes.normalizeClient(
  {
    id: 'C-1042',
    civility: 'mrs',
    lastName: 'Dupont',
    firstName: 'Marie',
    address: { lines: ['3 rue des Lilas'], postcode: '69003', city: 'Lyon', country: 'FR' },
    email: 'marie.dupont@example.fr',
    createdAt: '2024-05-02T14:10:00Z',
  },
  'FR',
  now,
);

const form = {
  civility: 'mrs',
  firstName: 'Marie',
  lastName: 'Dupont',
  address: { lines: ['18 avenue Jean Jaurès'], postcode: '69007', city: 'Lyon', country: 'FR' },
  mobile: '06 12 34 56 78',
  email: 'marie.dupont@example.fr',
};

try {
  const outcome = hospes.applyGuestUpdate(stored, form, { locked: ['email'] }, 'FR', now);
  for (const event of outcome.events) {
    console.log(`${event.type} at ${event.occurredAt}`);
    for (const change of event.changes) console.log(`  ${change.field.padEnd(10)} ${change.before} -> ${change.after}`);
  }
} catch (err) {
  if (!(err instanceof hospes.HospesError)) throw err;
  console.log('shown to the guest:', err.messageIn('fr'));
  process.exitCode = 1;
}

// The host keeps one Keyring (keys from its secret store), puts a link in the e-mail, and
// verifies it when the guest clicks: inspect → load the client → its state now → verify.
const camping = {
  id: 'camping-des-pins', name: 'Camping des Pins', currency: 'EUR', timeZone: 'Europe/Paris',
  portalBaseUrl: 'https://portail.camping-des-pins.fr/',
};
const ring = new hospes.Keyring({ activeKey: hospes.generateLinkKey() });
const version = { kind: 'link_version', linkVersion: 0 };
const link = ring.issue(camping, { purpose: 'portal', clientId: 'C-1042', state: version, expiresAt: '2026-07-01T09:00:00Z' }, now);
console.log('[LIEN_ESPACE_CLI] ->', `${link.url.slice(0, 60)} …`);
const hint = hospes.inspectLink(link.token);
const claims = ring.verify(camping, link.token, hint.purpose, version, now);
console.log('link opens the space of', claims.clientId, 'until', claims.expiresAt.slice(0, 10));

// The confirmation e-mail, as the business wrote it in its PMS: compiled once, rendered for the
// guest in her language with the link just issued, sent by the host's own mailer.
const mailer = new hospes.Mailer({
  name: 'confirmation',
  versions: [
    { locale: 'fr', subject: '[NOM_ETABLISSEMENT] — bienvenue [PRENOM]', html: '<p>Bonjour [PRENOM],</p><p><a href="[LIEN_ESPACE_CLI]">Votre espace client</a></p>' },
    { locale: 'es', subject: '[NOM_ETABLISSEMENT] — bienvenida [PRENOM]', html: '<p>Hola [PRENOM]:</p><p><a href="[LIEN_ESPACE_CLI]">Su espacio cliente</a></p>' },
  ],
});
console.log('links to issue:', mailer.summary.linksNeeded);
const mail = mailer.render({ establishment: camping, client: stored, locale: 'es', links: { portal: link.url } });
console.log(`[${mail.locale}] ${mail.subject}\n${mail.text.slice(0, 90)} …`);
