import type { FixtureRow } from './fixture-pages';
import type { Platform } from '../../utils/platforms/platform';

/** Chat shown on the fixture pages that the committed page samples (tests/fixtures/samples) were saved from. */
export const SAMPLE_PAGES: Record<Platform, { url: string; rows: FixtureRow[] }> = {
  youtube: {
    url: 'https://www.youtube.com/watch?v=vaiSample01',
    rows: [
      { id: 'ChwKGkNPX2xtUzExQUJDREVGR0hJSktMTU5PUFFSU1RVVldY', author: 'Nguyễn Thị Lan', text: 'chốt 5 ký 0912 345 678 :cherries:' },
      { id: 'ChwKGkNPX2xtUzEyQUJDREVGR0hJSktMTU5PUFFSU1RVVldY', author: 'Trần Văn Minh', text: 'lấy 2 thùng giao Cầu Giấy', role: 'moderator' },
      { id: 'ChwKGkNPX2xtUzEzQUJDREVGR0hJSktMTU5PUFFSU1RVVldY', author: 'Phạm Hùng', text: 'ủng hộ vườn nhé', amount: '₫50.000' },
      { id: 'ChwKGkNPX2xtUzE0QUJDREVGR0hJSktMTU5PUFFSU1RVVldY', author: 'Lê Thảo', text: 'xí 1 yến', verified: true },
    ],
  },
  tiktok: {
    url: 'https://www.tiktok.com/@vuonvaibacgiang/live',
    rows: [
      { author: 'Nguyễn Thị Lan', handle: 'lananh.99', text: 'chốt 5 ký 0912 345 678' },
      { author: 'Trần Văn Minh', text: 'lấy 2 thùng giao Cầu Giấy', plainComment: true },
      { author: 'Phạm Hùng', kind: 'gift', gift: 'Hoa hồng', count: 5, text: '' },
      { author: 'Đỗ Quyên', kind: 'system', text: 'đã tham gia' },
      { author: 'Lê Thảo', text: 'xí 1 yến :cherries:' },
    ],
  },
  facebook: {
    url: 'https://www.facebook.com/vuonvai/videos/1234567890',
    rows: [
      { id: '9001', author: 'Nguyễn Thị Lan', text: 'chốt 5 ký 0912 345 678 :heart:', profile: '/lan.nguyen.92' },
      { id: '9002', author: 'Trần Văn Minh', text: 'lấy 2 thùng', idInLink: true },
      { id: '9003', author: 'Bảo Ngọc', text: 'chốt 2 yến vải thiều loại 1 giao về số 15 ngõ 4 đường Trần Duy Hưng, Cầu Giấy, Hà Nội giúp em nhé shop' },
    ],
  },
};
