import { Button, Menu, type ButtonProps } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

export type FormatoArchivo = 'xlsx' | 'csv';

/** The export button of a list: XLSX first (opens right in a Chilean Excel), CSV with `;` second. */
export function MenuExportar({
  etiqueta = 'Exportar',
  cargando,
  onExportar,
  size,
}: {
  etiqueta?: string;
  cargando: boolean;
  onExportar: (formato: FormatoArchivo) => void;
  size?: ButtonProps['size'];
}) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size={size} leftSection={<IconDownload size={16} />} loading={cargando}>
          {etiqueta}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onExportar('xlsx')}>Exportar Excel (XLSX)</Menu.Item>
        <Menu.Item onClick={() => onExportar('csv')}>Exportar CSV (;)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
