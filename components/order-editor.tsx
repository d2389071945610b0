import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { OrderRecord } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { orderEditSchema } from '../utils/store/orders';
import type { FailureText } from '../utils/i18n/failure-text';
import { useI18n } from './i18n';
import { SaveCancelButtons } from './form-parts';
import { FailureNotice, useDescribeFailure } from './failure-notice';

export interface OrderEditorProps {
  order: OrderRecord;
  run: (command: PanelCommand) => Promise<CommandReply>;
  onDone: () => void;
}

/** Each problem at its field; a refusal that is no field's (the order is gone, cancelled…) under the form. */
type FieldErrors = Partial<Record<'quantity' | 'unit' | 'phone', string>> & { form?: FailureText };

/** Inline correction of a line's quantity and unit and of the phone; each problem is shown at its field. */
export function OrderEditor({ order, run, onDone }: OrderEditorProps) {
  const { t } = useI18n();
  const [item, setItem] = useState(0);
  const line = order.items[item]!;
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [unit, setUnit] = useState(line.unit ?? '');
  const [phone, setPhone] = useState(order.phone ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const describe = useDescribeFailure();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const edit = orderEditSchema.safeParse({ item, quantity: Number(quantity.replace(',', '.')), ...(unit.trim() ? { unit } : {}), phone });
    if (!edit.success || quantity.trim() === '') return setErrors({ quantity: t('errQuantity') });
    const reply = await run({ type: 'edit-order', orderId: order.id, edit: edit.data });
    if (reply.ok) return onDone();
    setErrors(
      reply.error === 'invalid-phone'
        ? { phone: t('errPhone') }
        : reply.error === 'unknown-unit'
          ? { unit: t('errUnit') }
          : { form: describe('failSave', reply.error) },
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation(); // typing here is not a queue shortcut
    if (event.key === 'Escape') onDone();
  };

  return (
    <form className="order-editor" onSubmit={save} onKeyDown={onKeyDown} aria-label={t('edit')}>
      {order.items.length > 1 && (
        <label>
          <span>{t('line')}</span>
          <select
            value={item}
            onChange={(event) => {
              const next = Number(event.target.value);
              setItem(next);
              setQuantity(String(order.items[next]!.quantity));
              setUnit(order.items[next]!.unit ?? '');
            }}
          >
            {order.items.map((each, index) => (
              <option key={index} value={index}>{`${each.quantity} ${each.unit ?? ''}`}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{t('quantity')}</span>
        <input
          data-testid="edit-quantity"
          inputMode="decimal"
          autoFocus
          value={quantity}
          aria-invalid={Boolean(errors.quantity)}
          onChange={(event) => setQuantity(event.target.value)}
        />
      </label>
      {errors.quantity && (
        <p role="alert" className="field-error">
          {errors.quantity}
        </p>
      )}
      <label>
        <span>{t('unit')}</span>
        <input data-testid="edit-unit" value={unit} aria-invalid={Boolean(errors.unit)} onChange={(event) => setUnit(event.target.value)} />
      </label>
      {errors.unit && (
        <p role="alert" className="field-error">
          {errors.unit}
        </p>
      )}
      <label>
        <span>{t('phoneField')}</span>
        <input data-testid="edit-phone" inputMode="tel" value={phone} aria-invalid={Boolean(errors.phone)} onChange={(event) => setPhone(event.target.value)} />
      </label>
      {errors.phone && (
        <p role="alert" className="field-error">
          {errors.phone}
        </p>
      )}
      {errors.form && <FailureNotice failure={errors.form} className="field-error" />}
      <SaveCancelButtons onCancel={onDone} />
    </form>
  );
}
