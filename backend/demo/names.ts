import { Faker, base, en, vi } from '@faker-js/faker';
import { foldVietnamese } from '../../common/text';
import { EMAIL_DOMAINS } from './places';
import { Weighted, type Rng } from './rng';

/**
 * Surnames by real frequency (Nguyễn is about a third of the country). faker's vi list is
 * unweighted and lacks Huỳnh and Võ, so surnames come from here.
 */
const SURNAMES = new Weighted<string>([
  ['Nguyễn', 31], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Phan', 4.5], ['Hoàng', 4], ['Huỳnh', 4], ['Vũ', 3],
  ['Võ', 3], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Trương', 1],
  ['Đinh', 1], ['Lý', 0.5], ['Mai', 0.5], ['Đào', 0.5], ['Trịnh', 0.5], ['Lâm', 0.5], ['Hà', 0.5], ['Lương', 0.5],
  ['Phùng', 0.3], ['Tô', 0.3], ['Tạ', 0.3], ['Cao', 0.3], ['Châu', 0.2], ['Thái', 0.2],
]);

/** The classic pattern (Văn for men, Thị for women …) that faker's two-word given names lack. */
const MIDDLE = {
  male: ['Văn', 'Văn', 'Đức', 'Minh', 'Quốc', 'Hoàng', 'Thanh', 'Hữu', 'Công', 'Gia', 'Tuấn', 'Quang'],
  female: ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Phương', 'Hồng', 'Kim', 'Mai', 'Bảo', 'Khánh', 'Thùy'],
};
const GIVEN = {
  male: ['Anh', 'Hùng', 'Dũng', 'Tuấn', 'Nam', 'Hải', 'Long', 'Quân', 'Khoa', 'Huy', 'Đạt', 'Sơn', 'Thắng', 'Phúc', 'Hiếu', 'Trung', 'Tùng', 'Bình', 'Lâm', 'Cường', 'Khang', 'Minh'],
  female: ['Lan', 'Hương', 'Linh', 'Trang', 'Hà', 'Mai', 'Thảo', 'Hoa', 'Vy', 'Ngân', 'Yến', 'My', 'Hạnh', 'Nhung', 'Oanh', 'Phương', 'Anh', 'Thủy', 'Hằng', 'Nga', 'Quỳnh', 'Trinh'],
};

const POOL_SIZE = 600;

export type Sex = 'male' | 'female';

/**
 * Full names "Họ đệm tên". faker (vi locale, seeded) is slow, so it fills a pool of given names
 * once per generator and the bulk draws from the pool with our own PRNG.
 */
export class NamePool {
  private readonly pool: Record<Sex, string[]> = { male: [], female: [] };

  constructor(seed: number) {
    const faker = new Faker({ locale: [vi, en, base] });
    faker.seed(seed);
    for (let i = 0; i < POOL_SIZE; i++) {
      this.pool.male.push(faker.person.firstName('male'));
      this.pool.female.push(faker.person.firstName('female'));
    }
  }

  fullName(rng: Rng, sex: Sex = rng.chance(0.52) ? 'female' : 'male'): string {
    const surname = SURNAMES.pick(rng);
    const given = rng.chance(0.5) ? rng.pick(this.pool[sex]) : `${rng.pick(MIDDLE[sex])} ${rng.pick(GIVEN[sex])}`;
    return `${surname} ${given}`;
  }
}

/** "Nguyễn Thị Lan" → ["nguyen", "thi", "lan"]. */
export const nameTokens = (fullName: string): string[] => foldVietnamese(fullName).split(' ').filter(Boolean);

/**
 * An address people really use: folded name parts plus digits. `unique` (the customer number, or
 * a multiple of it) goes into the digits so no two customers share an address.
 */
export function emailFor(rng: Rng, fullName: string, unique: number): string {
  const t = nameTokens(fullName);
  const surname = t[0] ?? 'kh';
  const given = t[t.length - 1] ?? 'khach';
  const initials = t
    .slice(0, -1)
    .map((w) => w[0])
    .join('');
  const year = rng.int(70, 105) % 100;
  const yy = String(year).padStart(2, '0');
  let local: string;
  switch (rng.int(0, 5)) {
    case 0:
      local = `${t.join('.')}${unique}`;
      break;
    case 1:
      local = `${given}${initials}${unique}`;
      break;
    case 2:
      local = `${given}.${surname}${yy}${unique}`;
      break;
    case 3:
      local = `${t.join('')}${unique}`;
      break;
    case 4:
      local = `${given}_${surname}_${unique}`;
      break;
    default:
      local = `${initials}${given}${yy}.${unique}`;
  }
  return `${local}@${EMAIL_DOMAINS.pick(rng)}`;
}
