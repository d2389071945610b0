import type { OrderRecord, StreamRecord } from '../store/records';
import type { Product } from '../parser/catalog';

/** One line of an order sheet: an order's item, with what the people who pack and ship need. */
export interface OrderLine {
  time: Date;
  stream: string;
  platform: string;
  buyer: string;
  phone: string;
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

export interface LineOptions {
  maskPhones: boolean;
  confirmedOnly: boolean;
}

/** The order lines of some orders, in chat order; orders without items have none. */
export function orderLines(orders: readonly OrderRecord[], streams: readonly StreamRecord[], products: readonly Product[], options: LineOptions): OrderLine[] {
  const streamName = new Map(streams.map((stream) => [stream.id, stream.title ?? stream.streamKey]));
  const price = new Map(products.map((product) => [product.code, product.pricePerKg ?? null]));
  return [...orders]
    .filter((order) => (options.confirmedOnly ? order.status === 'confirmed' : true))
    .sort((a, b) => a.observedAt - b.observedAt)
    .flatMap((order) => order.items.map((item): OrderLine => {
      const pricePerKg = item.product ? (price.get(item.product) ?? null) : null;
      return {
        time: new Date(order.observedAt),
        stream: streamName.get(order.streamId) ?? order.streamId,
        platform: order.platform,
        buyer: order.authorName,
        phone: order.phone ? (options.maskPhones ? maskPhone(order.phone) : order.phone) : '',
        product: item.product ?? '',
        quantity: item.quantity,
        unit: item.unit ?? '',
        kg: item.kg,
        pricePerKg,
        amount: pricePerKg !== null && item.kg !== null ? Math.round(pricePerKg * item.kg) : null,
        status: order.status,
        comment: order.text,
      };
    }));
}
