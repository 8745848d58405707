import { useState } from 'react';
import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Pagina } from '@/components/ui/pagina';
import { descargar } from '@/api/client';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { useInformeVisitas } from '../api/use-informe-visitas';
import { useRecibos } from '../api/use-recibos';

/** Supervisor's visit report: planned vs done and field collections per collector and day, with the receipts. */
export default function InformeVisitasRoute() {
  const [desde, setDesde] = useState(hoySantiago());
  const [hasta, setHasta] = useState(hoySantiago());
  const informe = useInformeVisitas(desde, hasta);
  const recibos = useRecibos(desde, hasta);
  const exportar = (formato: 'csv' | 'xlsx') =>
    void descargar(
      `/api/v1/terreno/informes/visitas/exportar?desde=${desde}&hasta=${hasta}&formato=${formato}`,
      `informe-visitas.${formato}`,
    );

  return (
    <Pagina titulo="Informe de visitas en terreno">
      <Stack>
        <Group align="end">
          <TextInput
            label="Desde"
            type="date"
            value={desde}
            onChange={(e) => setDesde(e.currentTarget.value || hoySantiago())}
          />
          <TextInput
            label="Hasta"
            type="date"
            value={hasta}
            onChange={(e) => setHasta(e.currentTarget.value || hoySantiago())}
          />
          <Button variant="light" onClick={() => exportar('csv')}>
            Exportar CSV
          </Button>
          <Button variant="light" onClick={() => exportar('xlsx')}>
            Exportar XLSX
          </Button>
        </Group>
        {informe.data && (
          <>
            <Text size="sm">
              {informe.data.planificadas} planificadas · {informe.data.realizadas} realizadas ·{' '}
              {formatearPesos(informe.data.recaudado)} recaudado
            </Text>
            <Table aria-label="Visitas por cobrador y día">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Cobrador</Table.Th>
                  <Table.Th>Fecha</Table.Th>
                  <Table.Th>Planificadas</Table.Th>
                  <Table.Th>Realizadas</Table.Th>
                  <Table.Th>Cumplimiento</Table.Th>
                  <Table.Th>Recibos</Table.Th>
                  <Table.Th>Recaudado</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {informe.data.filas.map((f) => (
                  <Table.Tr key={`${f.cobradorId}-${f.fecha}`}>
                    <Table.Td>{f.cobrador}</Table.Td>
                    <Table.Td>{formatearFecha(f.fecha)}</Table.Td>
                    <Table.Td>{f.planificadas}</Table.Td>
                    <Table.Td>{f.realizadas}</Table.Td>
                    <Table.Td>{Number(f.cumplimiento).toLocaleString('es-CL')} %</Table.Td>
                    <Table.Td>{f.recibos}</Table.Td>
                    <Table.Td>{formatearPesos(f.recaudado)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Title order={2} size="h4">
          Recibos
        </Title>
        <Table aria-label="Recibos de terreno">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Cliente</Table.Th>
              <Table.Th>Cobrador</Table.Th>
              <Table.Th>Medio</Table.Th>
              <Table.Th>Monto</Table.Th>
              <Table.Th>PDF</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(recibos.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.numero}</Table.Td>
                <Table.Td>{formatearFecha(r.fecha)}</Table.Td>
                <Table.Td>{r.razonSocial}</Table.Td>
                <Table.Td>{r.cobrador ?? r.registradoPor}</Table.Td>
                <Table.Td>
                  {r.medio === 'cheque' ? `Cheque ${r.banco ?? ''} N° ${r.numeroCheque ?? ''}` : 'Efectivo'}
                </Table.Td>
                <Table.Td>{formatearPesos(r.monto)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() =>
                      void descargar(`/api/v1/terreno/recibos/${r.id}/pdf`, `recibo-${r.numero}.pdf`)
                    }
                  >
                    Descargar recibo {r.numero}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Pagina>
  );
}
