import type { CustomerRecord, OrderRecord, StreamRecord } from '../store/records';
import { customerIdOf, followMerges } from '../store/customers';
import { findPhones } from '../parser/phone';
import type { Product } from '../parser/catalog';

/** One line of an order sheet: an order's item, with what the people who pack and ship need. */
export interface OrderLine {
  orderId: string;
  time: Date;
  stream: string;
  platform: string;
  buyer: string;
  phone: string;
  /** The buyer's latest delivery address, from their comments. */
  address: string;
  product: string;
  quantity: number;
  unit: string;
  kg: number | null;
  pricePerKg: number | null;
  amount: number | null;
  status: string;
  comment: string;
}

/** "0912345678" → "0912***678": for sheets that travel further than the shop. */
export function maskPhone(phone: string): string {
  return phone.length >= 8 ? `${phone.slice(0, 4)}***${phone.slice(-3)}` : '***';
}

/** Phone numbers written inside chat text ("0912 345 678", "+84912345678"), found as the parser finds them and masked the same way. */
export function maskPhonesInText(text: string): string {
  // The finder reads lower-case text; its positions hold for the original unless lower-casing changed the length.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? text : lower;
  let masked = '';
  let from = 0;
  for (const { start, end } of findPhones(lower)) {
    masked += source.slice(from, start) + maskPhone(source.slice(start, end).replace(/[\s.-]/g, ''));
    from = end;
  }
  return masked + source.slice(from);
}

/** The sum of a numeric column over some lines; unknown values add nothing. */
export const sumLines = (lines: readonly OrderLine[], key: 'kg' | 'amount' | 'quantity') => lines.reduce((total, line) => total + (line[key] ?? 0), 0);

export interface LineOptions {
  maskPhones: boolean;
  confirmedOnly: boolean;
}

/** A buyer's record, or the one it was merged into: that is where their phones and addresses gather. */
function buyerRecords(customers: readonly CustomerRecord[]) {
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  return (order: OrderRecord): CustomerRecord | undefined => {
    const customer = byId.get(customerIdOf(order, order.authorKey));
    return customer && followMerges(customer, (id) => byId.get(id));
  };
}

/** The order lines of some orders, in chat order; orders without items have none. */
export function orderLines(
  orders: readonly OrderRecord[],
  streams: readonly StreamRecord[],
  products: readonly Product[],
  options: LineOptions,
  customers: readonly CustomerRecord[] = [],
): OrderLine[] {
  const streamName = new Map(streams.map((stream) => [stream.id, stream.title ?? stream.streamKey]));
  const price = new Map(products.map((product) => [product.code, product.pricePerKg ?? null]));
  const customerOf = buyerRecords(customers);
  return [...orders]
    .filter((order) => (options.confirmedOnly ? order.status === 'confirmed' : true))
    .sort((a, b) => a.observedAt - b.observedAt)
    .flatMap((order) => {
      const customer = customerOf(order);
      const phone = order.phone ?? customer?.phones.at(-1) ?? '';
      const address = customer?.addresses.at(-1) ?? '';
      return order.items.map((item): OrderLine => {
        const pricePerKg = item.product ? (price.get(item.product) ?? null) : null;
        return {
          orderId: order.id,
          time: new Date(order.observedAt),
          stream: streamName.get(order.streamId) ?? order.streamId,
          platform: order.platform,
          buyer: order.authorName,
          phone: phone && options.maskPhones ? maskPhone(phone) : phone,
          address,
          product: item.product ?? '',
          quantity: item.quantity,
          unit: item.unit ?? '',
          kg: item.kg,
          pricePerKg,
          amount: pricePerKg !== null && item.kg !== null ? Math.round(pricePerKg * item.kg) : null,
          status: order.status,
          comment: options.maskPhones ? maskPhonesInText(order.text) : order.text,
        };
      });
    });
}
