import { Alert, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { esApiError } from '@/api/errors';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { EstadoCredito } from '@/components/ui/etiquetas';
import { formatearMonto } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { useCredito } from '@/features/clientes/api/use-credito';

function Cifra({
  etiqueta,
  children,
  color,
  nota,
}: {
  etiqueta: string;
  children: string;
  color?: string;
  nota?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text fw={600} c={color}>
        {children}
      </Text>
      {nota && (
        <Text size="xs" c="dimmed" data-testid={`nota-${etiqueta}`}>
          {nota}
        </Text>
      )}
    </div>
  );
}

/** Credit panel: limit (in its currency and in CLP), exposure, available, state and reasons. */
export function CreditoCliente({ clienteId }: { clienteId: string }) {
  const credito = useCredito(clienteId);
  if (credito.isPending) return <Cargando />;
  // A host without the credit endpoint yet: no panel.
  if (credito.isError)
    return esApiError(credito.error) && credito.error.status === 404 ? null : (
      <ErrorConsulta error={credito.error} reintentar={() => void credito.refetch()} />
    );
  const c = credito.data;
  const disponible = aNumero(c.disponible);
  return (
    <Card withBorder aria-label="Crédito" component="section">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Crédito</Title>
        <EstadoCredito estado={c.estado} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Cifra etiqueta="Límite">
          {c.limite === null
            ? 'Sin límite'
            : c.moneda === 'CLP'
              ? formatearMonto(c.limite, 'CLP')
              : `${formatearMonto(c.limite, c.moneda)}${c.limiteClp !== null ? ` (${formatearMonto(c.limiteClp, 'CLP')})` : ''}`}
        </Cifra>
        <Cifra
          etiqueta="Exposición"
          nota={
            (aNumero(c.exposicionCedidaDelegada) ?? 0) > 0
              ? `Incluye ${formatearMonto(c.exposicionCedidaDelegada, 'CLP')} cedido a factoring con administración delegada`
              : undefined
          }
        >
          {formatearMonto(c.exposicion, 'CLP')}
        </Cifra>
        <Cifra etiqueta="Disponible" color={disponible !== null && disponible < 0 ? 'red' : 'teal'}>
          {disponible === null ? '—' : formatearMonto(disponible, 'CLP')}
        </Cifra>
        <Cifra etiqueta="Recomendación" color={c.suspender ? 'red' : undefined}>
          {c.suspender ? 'Suspender crédito' : 'Sin observaciones'}
        </Cifra>
      </SimpleGrid>
      {c.fechaUf && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="fecha-uf">
          Límite convertido con la UF del {formatearFecha(c.fechaUf)}.
        </Text>
      )}
      {c.ufDesactualizada && (
        <Alert mt="sm" color="yellow" title="Valor UF desactualizado">
          El último valor UF cargado es del {formatearFecha(c.fechaUf)}, anterior al mes en curso: el límite
          en pesos puede no ser el de hoy. Cargue el valor UF vigente en Valores UF y dólar.
        </Alert>
      )}
      {c.motivos.length > 0 && (
        <Alert mt="md" color={c.suspender ? 'red' : 'yellow'} title="Motivos">
          <List size="sm">
            {c.motivos.map((m) => (
              <List.Item key={m.codigo}>{m.mensaje}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Card>
  );
}
