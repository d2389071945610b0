import { useState, type FormEvent } from 'react';
import type { Product } from '../utils/parser/catalog';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import type { MessageKey } from '../utils/i18n/messages';
import { useI18n } from './i18n';
import { SaveCancelButtons, TextField } from './form-parts';
import { useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';

type Field = 'code' | 'name' | 'pricePerKg' | 'defaultUnit' | 'aliases' | 'packages' | 'stockKg';
const FIELDS: [Field, MessageKey][] = [
  ['code', 'productCode'],
  ['name', 'productName'],
  ['pricePerKg', 'productPrice'],
  ['defaultUnit', 'productDefaultUnit'],
  ['aliases', 'productAliases'],
  ['packages', 'productPackages'],
  ['stockKg', 'productStock'],
];

const packagesText = (packages: Record<string, number>) =>
  Object.entries(packages)
    .map(([word, kg]) => `${word}=${kg}`)
    .join('; ');

/** "thùng=10; hộp=2" → {thùng: 10, hộp: 2}; undefined when a part is not of that form. */
function readPackages(text: string): Record<string, number> | undefined {
  const packages: Record<string, number> = {};
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s*=\s*([\d.,]+)$/.exec(part);
    if (!match) return undefined;
    packages[match[1]!] = Number(match[2]!.replace(',', '.'));
  }
  return packages;
}

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

/** Adds or edits a product; what the store refuses is shown at the field it concerns. */
export function ProductForm({ product, run, onDone }: { product?: Product; run: (command: PanelCommand) => Promise<CommandReply>; onDone: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({
    code: product?.code ?? '',
    name: product?.name ?? '',
    pricePerKg: product?.pricePerKg?.toString() ?? '',
    defaultUnit: product?.defaultUnit ?? 'kg',
    aliases: product?.aliases.join(', ') ?? '',
    packages: product ? packagesText(product.packages) : '',
    stockKg: product?.stockKg?.toString() ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, FailureText>>>({});
  const describe = useDescribeFailure();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const packages = readPackages(values.packages);
    const price = optionalNumber(values.pricePerKg);
    const stock = optionalNumber(values.stockKg);
    const local: Partial<Record<Field, FailureText>> = {};
    if (!packages) local.packages = { sentence: t('errPackages') };
    if (price !== undefined && !(price >= 0)) local.pricePerKg = { sentence: t('errNumber') };
    if (stock !== undefined && !(stock >= 0)) local.stockKg = { sentence: t('errNumber') };
    if (Object.keys(local).length > 0) return setErrors(local);
    const candidate = {
      code: values.code,
      name: values.name,
      defaultUnit: values.defaultUnit || 'kg',
      packages,
      aliases: values.aliases
        .split(',')
        .map((alias) => alias.trim())
        .filter(Boolean),
      ...(price !== undefined ? { pricePerKg: price } : {}),
      ...(stock !== undefined ? { stockKg: stock } : {}),
    };
    const reply = await run({ type: 'save-product', product: candidate, ...(product ? { previousCode: product.code } : {}) });
    if (reply.ok) return onDone();
    // The catalog's own checks are worded for a file's author: a plain sentence at the field, their words as the detail.
    const found: Partial<Record<Field, FailureText>> = {};
    for (const issue of 'issues' in reply ? (reply.issues ?? []) : []) {
      const field = (FIELDS.find(([name]) => issue.path === name || issue.path.startsWith(`${name}.`))?.[0] ?? 'code') as Field;
      const detail = found[field]?.detail;
      found[field] = { sentence: t('errField'), detail: detail ? `${detail} ${issue.message}` : issue.message };
    }
    setErrors(Object.keys(found).length > 0 ? found : { code: describe('failSave', reply.ok ? '' : reply.error) });
  };

  return (
    <form className="product-form" onSubmit={save} aria-label={product ? t('editProduct', { code: product.code }) : t('addProduct')}>
      {FIELDS.map(([field, label]) => (
        <TextField
          key={field}
          label={label}
          testId={`product-${field}`}
          value={values[field]}
          error={errors[field]}
          onChange={(value) => setValues({ ...values, [field]: value })}
        />
      ))}
      <SaveCancelButtons onCancel={onDone} />
    </form>
  );
}
