import { useTranslation } from 'react-i18next';
import { downloadCsv } from './downloadCsv';
import { DownloadIcon } from '../../components/Icons';

/** Builds the CSV only when clicked: a table of 5,000 rows should not serialize on every render. */
export function CsvButton({ make, disabled }: { make: () => { fileName: string; csv: string }; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn-small csv-btn"
      data-testid="csv-export"
      disabled={disabled}
      onClick={() => {
        const { fileName, csv } = make();
        downloadCsv(fileName, csv);
      }}
    >
      <DownloadIcon size={13} />
      {t('sla.table.exportCsv')}
    </button>
  );
}
