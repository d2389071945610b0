import { useState, type ChangeEvent } from 'react';
import type { Product } from '../utils/parser/catalog';
import type { ProductStock } from '../utils/store/stock';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { useI18n } from './i18n';
import { ProductForm } from './product-form';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';
import { downloadFile } from './order-text';

export interface ProductsPanelProps {
  products: Product[];
  pinned: string | null;
  stock: Map<string, ProductStock>;
  run: (command: PanelCommand) => Promise<CommandReply>;
}

/** The catalog during the stream: stock left, the pinned product, editing, and the catalog file in and out. */
export function ProductsPanel({ products, pinned, stock, run }: ProductsPanelProps) {
  const { t, formatNumber } = useI18n();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [notice, setNotice] = useState<{ done: string } | { failure: FailureText } | null>(null);
  const describe = useDescribeFailure();
  /** Pinning and deleting say nothing when they work, and say why here when they do not. */
  const act = async (command: PanelCommand) => {
    const reply = await run(command);
    setNotice(reply.ok ? null : { failure: describe('failSave', reply.error) });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 5_000_000)
      return setNotice({ failure: { sentence: `${t('failCatalog')} ${t('failTooLarge')}`, detail: `${Math.round(file.size / 1e6)} MB > 5 MB` } });
    const reply = await run({ type: 'import-catalog', json: await file.text() });
    setNotice(reply.ok ? { done: t('imported') } : { failure: describe('failCatalog', reply.error) });
  };

  const exportFile = () => {
    const catalog = { products, ...(pinned ? { defaultProduct: pinned } : {}) };
    downloadFile('chot-catalog.json', `${JSON.stringify(catalog, null, 2)}\n`, 'application/json');
  };

  return (
    <details className="products" data-testid="products">
      <summary>{t('products')}</summary>
      {notice &&
        ('failure' in notice ? (
          <FailureNotice failure={notice.failure} />
        ) : (
          <p role="status" className="status">
            {notice.done}
          </p>
        ))}
      {products.length === 0 && <p className="empty">{t('noProducts')}</p>}
      <ul className="product-list">
        {products.map((product) => {
          const state = stock.get(product.code);
          return (
            <li
              key={product.code}
              data-testid="product"
              data-code={product.code}
              data-remaining-kg={state?.remainingKg ?? ''}
              data-waitlist={state?.waitlist.length ?? 0}
            >
              <label title={t('pinnedHelp')}>
                <input type="radio" name="pinned" checked={pinned === product.code} onChange={() => void act({ type: 'pin-product', code: product.code })} />
                <strong>{product.code}</strong> {product.name}
              </label>
              <span className="product-stock">
                {state?.remainingKg === undefined
                  ? t('noStockLimit', { allocated: formatNumber(state?.allocatedKg ?? 0) })
                  : t('stockLine', {
                      stock: formatNumber(product.stockKg ?? 0),
                      allocated: formatNumber(state.allocatedKg),
                      remaining: formatNumber(state.remainingKg),
                      waiting: state.waitlist.length,
                    })}
              </span>
              <button type="button" onClick={() => setEditing(product)} aria-label={t('editProduct', { code: product.code })}>
                {t('edit')}
              </button>
              <button
                type="button"
                className="reject"
                onClick={() => void act({ type: 'delete-product', code: product.code })}
                aria-label={t('deleteProduct', { code: product.code })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {editing ? (
        <ProductForm
          key={editing === 'new' ? 'new' : editing.code}
          product={editing === 'new' ? undefined : editing}
          run={run}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="editor-buttons">
          <button type="button" data-testid="add-product" onClick={() => setEditing('new')}>
            {t('addProduct')}
          </button>
          <label className="file-button">
            <span>{t('importCatalog')}</span>
            <input type="file" accept=".json,application/json" data-testid="import-catalog" onChange={(event) => void importFile(event)} />
          </label>
          <button type="button" onClick={exportFile} disabled={products.length === 0}>
            {t('exportCatalog')}
          </button>
        </div>
      )}
    </details>
  );
}
