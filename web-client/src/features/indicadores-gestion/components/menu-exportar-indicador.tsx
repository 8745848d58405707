import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useExportarIndicador } from '@/features/indicadores-gestion/api/use-exportar-indicador';

/** Exports the KPI with the filters on screen: XLSX, CSV (;) or PDF. */
export function MenuExportarIndicador({
  indicador,
  filtros,
}: {
  indicador: Parameters<typeof useExportarIndicador>[0];
  filtros: Record<string, string | number | undefined>;
}) {
  const exportar = useExportarIndicador(indicador);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportar.isPending}>
          Exportar
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => exportar.mutate({ formato: 'xlsx', filtros })}>
          Exportar Excel (XLSX)
        </Menu.Item>
        <Menu.Item onClick={() => exportar.mutate({ formato: 'csv', filtros })}>Exportar CSV (;)</Menu.Item>
        <Menu.Item onClick={() => exportar.mutate({ formato: 'pdf', filtros })}>Exportar PDF</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
