import { Anchor, Badge, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useConvenios } from '@/components/cartera/api/use-convenios';
import { EstadoConvenio } from '@/components/cartera/convenios-cliente';
import { ESTADOS_CONVENIO, nombreTipoConvenio } from '@/components/cartera/convenios-textos';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFecha, formatearPesos } from '@/lib/formato';

/** Every convenio of the company, by state; each one is worked on its client's page. */
export default function ConveniosRoute() {
  const [estado, setEstado] = useState<string | null>(null);
  const lista = useConvenios(null, estado);
  return (
    <Pagina
      titulo="Convenios de pago"
      descripcion="Acuerdos de pago de la empresa: aprobación, firma y cumplimiento."
    >
      <Select
        label="Estado"
        placeholder="Todos"
        clearable
        w={260}
        mb="md"
        data={Object.entries(ESTADOS_CONVENIO).map(([value, e]) => ({ value, label: e.etiqueta }))}
        value={estado}
        onChange={setEstado}
      />
      {lista.isPending ? (
        <Cargando />
      ) : lista.isError ? (
        <ErrorConsulta error={lista.error} reintentar={() => void lista.refetch()} />
      ) : lista.data.length === 0 ? (
        <Text c="dimmed">No hay convenios.</Text>
      ) : (
        <Table striped aria-label="Convenios de la empresa">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Cliente</Table.Th>
              <Table.Th>Tipo</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th>Origen</Table.Th>
              <Table.Th ta="right">Convenido</Table.Th>
              <Table.Th ta="right">Cuotas</Table.Th>
              <Table.Th ta="right">Saldo pendiente</Table.Th>
              <Table.Th>Primera cuota</Table.Th>
              <Table.Th>Firma</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lista.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.numero}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/clientes/${c.clienteId}?tab=convenios`}>
                    {c.razonSocial ?? c.clienteId}
                  </Anchor>
                </Table.Td>
                <Table.Td>{nombreTipoConvenio(c.tipo)}</Table.Td>
                <Table.Td>
                  <EstadoConvenio estado={c.estado} />
                </Table.Td>
                <Table.Td>
                  {c.origen === 'portal' ? (
                    <Badge variant="light" color="grape">
                      Portal
                    </Badge>
                  ) : (
                    'Interno'
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatearPesos(c.montoConvenido)}</Table.Td>
                <Table.Td ta="right">{c.numeroCuotas}</Table.Td>
                <Table.Td ta="right">
                  {c.saldoPendiente == null ? '—' : formatearPesos(c.saldoPendiente)}
                </Table.Td>
                <Table.Td>{formatearFecha(c.primeraFecha)}</Table.Td>
                <Table.Td>{formatearFecha(c.fechaFirma ?? null)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Pagina>
  );
}
