import { Button, Card, Group, Menu, Select, SimpleGrid } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { useCobradores } from '@/api/hooks/use-cobradores';
import { useGruposClientes } from '@/api/hooks/use-grupos-clientes';
import { usePoliticasCredito } from '@/api/hooks/use-politicas-credito';
import { useCarterasFiltro } from '../api/use-carteras-filtro';
import type { FormatoReporte } from '../api/use-exportar-reporte';
import type { FiltrosReporte } from '../lib/reportes';

/**
 * The filters bar of every portfolio report: cut-off, segment, collector, portfolio and client group (their
 * intersection), plus the report's own controls and its export menu.
 */
export function BarraFiltros({
  filtros,
  cambiar,
  exportando,
  onExportar,
  children,
}: {
  filtros: FiltrosReporte;
  cambiar: (cambios: Partial<Record<keyof FiltrosReporte, string | null>>) => void;
  exportando: boolean;
  onExportar: (formato: FormatoReporte) => void;
  children?: ReactNode;
}) {
  const politicas = usePoliticasCredito();
  const cobradores = useCobradores();
  const carteras = useCarterasFiltro();
  const grupos = useGruposClientes();
  const segmentos = [...new Set((politicas.data ?? []).map((p) => p.segmento))];
  if (filtros.segmento && !segmentos.includes(filtros.segmento)) segmentos.push(filtros.segmento);
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
        <CampoFecha
          label="Fecha de corte"
          value={filtros.fechaCorte}
          onChange={(v) => cambiar({ fechaCorte: v })}
        />
        <Select
          label="Segmento"
          placeholder="Todos"
          clearable
          data={segmentos}
          value={filtros.segmento ?? null}
          onChange={(v) => cambiar({ segmento: v })}
        />
        <Select
          label="Cobrador"
          placeholder="Todos"
          clearable
          searchable
          data={(cobradores.data ?? []).map((c) => ({ value: c.id, label: c.nombre }))}
          value={filtros.cobradorId ?? null}
          onChange={(v) => cambiar({ cobradorId: v })}
        />
        <Select
          label="Cartera"
          placeholder="Todas"
          clearable
          searchable
          data={(carteras.data ?? []).map((c) => ({ value: c.id, label: c.nombre }))}
          value={filtros.carteraId ?? null}
          onChange={(v) => cambiar({ carteraId: v })}
        />
        <Select
          label="Grupo de clientes"
          placeholder="Todos"
          clearable
          searchable
          data={(grupos.data ?? []).map((g) => ({ value: g.id, label: g.nombre }))}
          value={filtros.grupoId ?? null}
          onChange={(v) => cambiar({ grupoId: v })}
        />
        {children}
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportando}>
              Exportar
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onExportar('xlsx')}>Excel (XLSX)</Menu.Item>
            <Menu.Item onClick={() => onExportar('csv')}>CSV (;)</Menu.Item>
            <Menu.Item onClick={() => onExportar('pdf')}>PDF</Menu.Item>
            <Menu.Item onClick={() => onExportar('json')}>JSON</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Card>
  );
}
