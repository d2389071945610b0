// Synthetic chat for benchmarks: a deterministic mix of orders, questions and chatter in the shapes
// the parser meets on a real stream (about a third are orders).
const TEMPLATES = [
  'chốt {n}kg',
  'lấy {n} ký {phone}',
  'chot {n} thung',
  'xí {n} yến',
  'công ty em đặt {n} tấn',
  'lấy {n} tạ {m}',
  'CHỐT {n}KG',
  'mua {n},5kg nha shop',
  '{n}kg bao nhiêu tiền?',
  'vải năm nay ngon quá',
  'shop ơi ship Hà Nội không',
  'hôm qua mua {n}kg ngon lắm',
  '❤️❤️❤️',
  'chào cả nhà',
  'thôi em không lấy nữa',
  'cho em {n} hộp',
  'lay hai muoi lam ky',
  'tham gia nhóm zalo {phone}',
  '54 tấn trong 6 tiếng giỏi quá',
  'đã chốt {n} thùng rồi',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function benchComments(count: number, seed = 42): string[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: count }, () =>
    TEMPLATES[pick(TEMPLATES.length)]!.replace('{n}', String(1 + pick(30)))
      .replace('{m}', String(1 + pick(9)))
      .replace('{phone}', `09${String(10_000_000 + pick(89_999_999))}`),
  );
}

export function benchMessages(count: number, seed = 42) {
  return benchComments(count, seed).map((text, i) => ({
    platform: 'youtube' as const,
    messageId: `bench-${seed}-${i}`,
    kind: 'chat' as const,
    authorName: `Người mua ${i % 997}`,
    text,
    observedAt: 1_780_000_000_000 + i,
  }));
}
