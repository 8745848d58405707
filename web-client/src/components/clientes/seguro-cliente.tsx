import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useAsegurarCliente, usePolizas, useSeguroCliente } from '@/components/clientes/api/use-seguro';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

function Dato({
  etiqueta,
  children,
  color,
}: {
  etiqueta: string;
  children: React.ReactNode;
  color?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text fw={600} c={color}>
        {children}
      </Text>
    </div>
  );
}

function AsegurarCliente({ clienteId }: { clienteId: string }) {
  const polizas = usePolizas();
  const asegurar = useAsegurarCliente(clienteId);
  const [polizaId, setPolizaId] = useState<string | null>(null);
  const [limite, setLimite] = useState<number | string>('');
  if (polizas.isPending || polizas.isError || polizas.data.length === 0) return null;
  return (
    <Group align="flex-end" mt="sm">
      <Select
        label="Póliza"
        data={polizas.data.map((p) => ({ value: p.id, label: `${p.aseguradora} · ${p.numeroPoliza}` }))}
        value={polizaId}
        onChange={setPolizaId}
      />
      <NumberInput
        label="Límite asegurado ($)"
        min={1}
        allowDecimal={false}
        thousandSeparator="."
        decimalSeparator=","
        value={limite}
        onChange={setLimite}
      />
      <Button
        disabled={polizaId === null || limite === ''}
        loading={asegurar.isPending}
        onClick={() =>
          asegurar
            .mutateAsync({ polizaId: polizaId ?? '', limiteAsegurado: Number(limite) })
            .then(() => notificarExito('Límite asegurado guardado.'))
            .catch((e: unknown) => notificarError(e, 'No se pudo guardar el límite asegurado'))
        }
      >
        Guardar límite asegurado
      </Button>
    </Group>
  );
}

/** Credit insurance of the client: its policy, insured limit and the exposure above it. */
export function SeguroCliente({ clienteId }: { clienteId: string }) {
  const seguro = useSeguroCliente(clienteId);
  const puedeAdministrar = usePermiso('administrar');
  if (seguro.isPending) return <Cargando />;
  if (seguro.isError) return <ErrorConsulta error={seguro.error} reintentar={() => void seguro.refetch()} />;
  const s = seguro.data;
  return (
    <Card withBorder component="section" aria-label="Seguro de crédito">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Seguro de crédito</Title>
        {s.asegurado ? (
          <Badge color={s.polizaVigente ? 'teal' : 'gray'}>
            {s.polizaVigente ? 'Póliza vigente' : 'Póliza vencida'}
          </Badge>
        ) : (
          <Badge color="gray">Sin seguro</Badge>
        )}
      </Group>
      {s.asegurado && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Dato etiqueta="Póliza">
            {s.aseguradora} · {s.numeroPoliza}
          </Dato>
          <Dato etiqueta="Límite asegurado">{formatearPesos(s.limiteAsegurado ?? 0)}</Dato>
          <Dato etiqueta="Exposición">{formatearPesos(s.exposicion)}</Dato>
          <Dato etiqueta="Sobre el límite asegurado" color={s.excedido ? 'red' : 'teal'}>
            {formatearPesos(s.exceso)}
          </Dato>
        </SimpleGrid>
      )}
      {s.excedido && (
        <Alert mt="sm" color="red" title="Exposición sobre el límite asegurado">
          {formatearPesos(s.exceso)} de la deuda del cliente no está cubierta por el seguro de crédito
          {s.polizaVigente ? '' : ' (la póliza no está vigente)'}.
        </Alert>
      )}
      {puedeAdministrar && <AsegurarCliente clienteId={clienteId} />}
    </Card>
  );
}
