/**
 * Saves CSV text as a file through an object URL and a download link. The BOM makes Excel read
 * the UTF-8 Vietnamese correctly instead of guessing a legacy code page.
 */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // After the click has handed the blob to the download manager.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
