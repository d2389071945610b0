import { memo, useState, type FormEvent } from 'react';
import type { ContractRecord } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { CONTRACT_STATUSES } from '../utils/store/records';
import type { MessageKey } from '../utils/i18n/messages';
import { useI18n } from './i18n';
import { SaveCancelButtons, TextField } from './form-parts';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';

type Field = 'buyer' | 'organisation' | 'kg' | 'pricePerKg' | 'deliveryDate' | 'depositVnd' | 'note';
const FIELDS: [Field, MessageKey][] = [
  ['buyer', 'contractBuyer'],
  ['organisation', 'contractOrganisation'],
  ['kg', 'contractKg'],
  ['pricePerKg', 'productPrice'],
  ['deliveryDate', 'contractDelivery'],
  ['depositVnd', 'contractDeposit'],
  ['note', 'contractNote'],
];
const NUMERIC = new Set<Field>(['kg', 'pricePerKg', 'depositVnd']);
const STATUS_LABEL: Record<ContractRecord['status'], MessageKey> = {
  draft: 'contractDraft',
  signed: 'contractSigned',
  delivered: 'contractDelivered',
  cancelled: 'contractCancelled',
};

/** Contracts of the broadcast: listed with their status, added by hand; each field's problem shown at it. */
export const ContractsPanel = memo(function ContractsPanel({
  contracts,
  streamId,
  run,
}: {
  contracts: ContractRecord[];
  streamId: string;
  run: (command: PanelCommand) => Promise<CommandReply>;
}) {
  const { t, formatNumber } = useI18n();
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState<Record<Field, string>>({
    buyer: '',
    organisation: '',
    kg: '',
    pricePerKg: '',
    deliveryDate: '',
    depositVnd: '',
    note: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, FailureText>>>({});
  const describe = useDescribeFailure();
  /** A status change or a deletion refused: said once, above the list. */
  const [failure, setFailure] = useState<FailureText | null>(null);
  const act = async (command: PanelCommand) => {
    const reply = await run(command);
    setFailure(reply.ok ? null : describe('failSave', reply.error));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const contract: Record<string, unknown> = {};
    for (const [field] of FIELDS) {
      const value = values[field].trim();
      if (value === '') continue;
      contract[field] = NUMERIC.has(field) ? Number(value.replace(/\./g, '').replace(',', '.')) : value;
    }
    // tonnes are typed as kg here; "1.000" is a thousand, as Vietnamese write it
    const reply = await run({ type: 'save-contract', streamId, contract });
    if (reply.ok) {
      setAdding(false);
      setErrors({});
      return setValues({ buyer: '', organisation: '', kg: '', pricePerKg: '', deliveryDate: '', depositVnd: '', note: '' });
    }
    const found: Partial<Record<Field, FailureText>> = {};
    for (const issue of 'issues' in reply ? (reply.issues ?? []) : [])
      found[(issue.path || 'buyer') as Field] = { sentence: t('errField'), detail: issue.message };
    setErrors(Object.keys(found).length > 0 ? found : { buyer: describe('failSave', reply.ok ? '' : reply.error) });
  };

  return (
    <details className="contracts" data-testid="contracts" open={contracts.length > 0 || undefined}>
      <summary>{t('contracts', { count: contracts.length })}</summary>
      {failure && <FailureNotice failure={failure} />}
      <ul className="contract-list">
        {contracts.map((contract) => (
          <li key={contract.id} data-testid="contract" data-kg={contract.kg} data-status={contract.status}>
            <strong>{contract.buyer}</strong>
            {contract.organisation && ` · ${contract.organisation}`} · {formatNumber(contract.kg)} kg
            {contract.pricePerKg !== undefined && ` · ${formatNumber(contract.pricePerKg, 0)} đ/kg`}
            {contract.deliveryDate && ` · ${contract.deliveryDate}`}
            <select
              aria-label={t('contractStatus')}
              value={contract.status}
              onChange={(event) => void act({ type: 'save-contract', streamId, id: contract.id, contract: { ...contract, status: event.target.value } })}
            >
              {CONTRACT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(STATUS_LABEL[status])}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="reject"
              aria-label={t('deleteContract', { buyer: contract.buyer })}
              onClick={() => void act({ type: 'delete-contract', id: contract.id })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <form className="product-form" onSubmit={save} aria-label={t('addContract')}>
          {FIELDS.map(([field, label]) => (
            <TextField
              key={field}
              label={label}
              testId={`contract-${field}`}
              type={field === 'deliveryDate' ? 'date' : 'text'}
              inputMode={NUMERIC.has(field) ? 'decimal' : undefined}
              value={values[field]}
              error={errors[field]}
              onChange={(value) => setValues({ ...values, [field]: value })}
            />
          ))}
          <SaveCancelButtons onCancel={() => setAdding(false)} />
        </form>
      ) : (
        <button type="button" data-testid="add-contract" onClick={() => setAdding(true)}>
          {t('addContract')}
        </button>
      )}
    </details>
  );
});
