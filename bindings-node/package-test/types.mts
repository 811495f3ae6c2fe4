// Type-checked (never run) by `tsc -p tsconfig.json` in the installed project: an ES module
// TypeScript host finds the package's types through `exports` → `import` → index.d.mts.
import hospes, { addMoney, HospesError, type Client, type Money } from 'hospes';

const total: Money = addMoney({ amount: '1.10', currency: 'EUR' }, { amount: '2.20', currency: 'EUR' });
const client: Client = hospes.normalizeClient({ id: 'C-1042', lastName: 'Dupont', createdAt: '2026-01-15T09:30:00Z' }, 'FR', new Date());
const ring = new hospes.Keyring({ activeKey: hospes.generateLinkKey() });
const keyId: string = ring.activeKeyId;
function codeOf(err: unknown): string | null {
  return err instanceof HospesError ? err.code : null;
}
// @ts-expect-error a decimal is a string, never a number
addMoney({ amount: 1.1, currency: 'EUR' }, total);
export { total, client, keyId, codeOf };
