import { Badge, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { EstadoCredito } from '@/components/ui/etiquetas';
import { formatearFechaHora } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import type { Cliente } from '@/features/clientes/api/tipos';

function Dato({ etiqueta, children }: { etiqueta: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {etiqueta}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </Stack>
  );
}

export function DatosCliente({ cliente, ejecutivo }: { cliente: Cliente; ejecutivo: string }) {
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        <Dato etiqueta="RUT">{formatearRut(cliente.rut)}</Dato>
        <Dato etiqueta="Razón social">{cliente.razonSocial}</Dato>
        <Dato etiqueta="Nombre de fantasía">{cliente.nombreFantasia}</Dato>
        <Dato etiqueta="Giro">{cliente.giro}</Dato>
        <Dato etiqueta="Dirección">{cliente.direccion}</Dato>
        <Dato etiqueta="Comuna">{cliente.comuna}</Dato>
        <Dato etiqueta="Región">{cliente.region}</Dato>
        <Dato etiqueta="Segmento">{cliente.segmento}</Dato>
        <Dato etiqueta="Cuenta clave">
          {cliente.cuentaClave ? (
            <Badge color="grape" variant="light">
              Sí
            </Badge>
          ) : (
            'No'
          )}
        </Dato>
        <Dato etiqueta="Ejecutivo">{ejecutivo}</Dato>
        <Dato etiqueta="Estado de crédito">
          <EstadoCredito estado={cliente.estadoCredito} />
        </Dato>
        <Dato etiqueta="Creado">{formatearFechaHora(cliente.creado)}</Dato>
        <Dato etiqueta="Actualizado">{formatearFechaHora(cliente.actualizado)}</Dato>
      </SimpleGrid>
    </Card>
  );
}
