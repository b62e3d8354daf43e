/** Folds Vietnamese diacritics so "nguyen van" finds "Nguyễn Văn". đ/Đ do not decompose in NFD, hence the explicit map. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
