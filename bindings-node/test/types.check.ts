// Compiled (never run) by `tsc -p test/tsconfig.json`: proves index.d.ts describes the API the
// way a TypeScript host uses it. A wrong property name or type here fails `make test`.
import * as hospes from '..';

const client: hospes.Client = {
  id: 'C-1042',
  lastName: 'Dupont',
  civility: 'mrs',
  address: { lines: ['3 rue des Lilas'], city: 'Lyon', country: 'FR' },
  createdAt: '2026-01-15T09:30:00Z',
};
const normalized: hospes.Client = hospes.normalizeClient(client, 'FR', new Date());
const form: hospes.GuestDetails = { lastName: normalized.lastName, email: 'marie@example.fr' };
const outcome: hospes.ClientUpdateOutcome = hospes.applyGuestUpdate(normalized, form, { locked: ['email'] }, 'FR', '2026-06-01T10:00:00Z');
for (const event of outcome.events) {
  if (event.type === 'client_info_updated') {
    const fields: hospes.ClientField[] = event.changes.map((c) => c.field);
    void fields;
  }
}
const total: hospes.Money = hospes.addMoney({ amount: '1.10', currency: 'EUR' }, { amount: '2.20', currency: 'EUR' });
const amount: string = total.amount;
const totals: hospes.StayTotals = hospes.stayTotals({
  reference: '312', clientId: 'C-1042', accommodation: 'Emplacement', arrival: '2026-07-11',
  departure: '2026-07-25', status: 'confirmed', currency: 'EUR', lines: [],
});
const err: hospes.HospesError | null = null;
void amount; void totals; void err;
const ring = new hospes.Keyring({ activeKey: hospes.generateLinkKey() });
const camping: hospes.Establishment = {
  id: 'camping-des-pins', name: 'Camping des Pins', currency: 'EUR', timeZone: 'Europe/Paris',
  portalBaseUrl: 'https://portail.camping-des-pins.fr/',
};
const link: hospes.IssuedLink = ring.issue(camping, {
  purpose: 'portal', clientId: 'C-1042', state: { kind: 'link_version', linkVersion: 0 }, expiresAt: '2026-07-01T10:00:00Z',
}, new Date());
const claims: hospes.LinkClaims = ring.verify(camping, link.token, 'portal', { kind: 'link_version', linkVersion: 0 }, '2026-06-01T10:00:00Z');
const keyId: string = ring.activeKeyId;
void claims; void keyId;
declare const catalogue: hospes.Catalogue;
const pricer = new hospes.Pricer(catalogue);
const priced: hospes.PricedStay = pricer.price({ unit: 'E12', arrival: '2026-07-11', departure: '2026-07-25', guests: [{}, {}] }, new Date());
const quote: hospes.Quote = pricer.createQuote('D26-0312', 'C-1042', '312', { unit: 'E12', arrival: '2026-07-11', departure: '2026-07-25', guests: [{}] }, '2026-03-01T10:00:00Z', '2026-03-31T22:00:00Z');
void priced; void quote;
