// Type-checked (never run) by `tsc -p tsconfig.json` in the installed project: a CommonJS
// TypeScript host finds the package's types through `exports` → `require` → index.d.ts.
import hospes = require('hospes');

const total: hospes.Money = hospes.addMoney({ amount: '1.10', currency: 'EUR' }, { amount: '2.20', currency: 'EUR' });
const client: hospes.Client = hospes.normalizeClient({ id: 'C-1042', lastName: 'Dupont', createdAt: '2026-01-15T09:30:00Z' }, 'FR', new Date());
function codeOf(err: unknown): string | null {
  return err instanceof hospes.HospesError ? err.code : null;
}
export { total, client, codeOf };
