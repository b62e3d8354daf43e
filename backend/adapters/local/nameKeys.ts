import { foldVietnamese } from '../../../common/text';

/** Each word-suffix of the folded name, so "van an" and "an" both find "Nguyễn Văn An" (both case stores index these). */
export function nameKeys(fullName: string): string[] {
  const words = foldVietnamese(fullName).split(' ').filter(Boolean);
  return words.map((_, i) => words.slice(i).join(' '));
}
