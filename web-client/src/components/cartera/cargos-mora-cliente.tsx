import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { CampoFecha } from '@/components/ui/campo-fecha';
import {
  type CargosMora,
  type SolicitudNotaDebito,
  useCargosMora,
  useResolverSolicitudNotaDebito,
  useSolicitarNotaDebito,
  useSolicitudesNotaDebito,
} from '@/components/cartera/api/use-cargos-mora';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { formatearFecha, formatearFechaHora, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

const REGIMEN: Record<string, string> = {
  empresa: 'Deudor empresa (Ley 19.983 y 21.131)',
  consumidor: 'Consumidor (Ley 19.496 art. 37)',
};

const ESTADO: Record<string, { etiqueta: string; color: string }> = {
  pendiente: { etiqueta: 'Pendiente en el ERP', color: 'yellow' },
  emitida: { etiqueta: 'Emitida', color: 'green' },
  anulada: { etiqueta: 'Anulada', color: 'gray.7' },
};

/**
 * The late charges the law allows on a client's overdue debt at a date, each installment with its steps, and the request
 * to the ERP to issue them as a nota de débito (the product never edits an issued document).
 */
export function CargosMoraCliente({ clienteId }: { clienteId: string }) {
  const [fecha, setFecha] = useState<string | null>(null);
  const calculo = useCargosMora(clienteId, fecha);
  const solicitudes = useSolicitudesNotaDebito(clienteId);
  const solicitar = useSolicitarNotaDebito();
  const puedeEditar = usePermiso('editar');

  return (
    <Stack>
      <Group align="flex-end">
        <CampoFecha
          label="Calcular al"
          description="Vacío: hoy. Una fecha pasada usa los saldos de ese día."
          value={fecha}
          onChange={(v) => setFecha(v)}
          clearable
          maxDate={new Date()}
        />
      </Group>
      {calculo.isPending ? (
        <Cargando />
      ) : calculo.isError ? (
        <ErrorConsulta error={calculo.error} reintentar={() => void calculo.refetch()} />
      ) : (
        <DetalleCargos
          calculo={calculo.data}
          accion={
            puedeEditar &&
            calculo.data.total > 0 && (
              <Button
                loading={solicitar.isPending}
                onClick={() =>
                  void solicitar
                    .mutateAsync({ clienteId, fecha, notas: null })
                    .then(() => notificarExito('Solicitud de nota de débito enviada al ERP.'))
                    .catch((e: unknown) => notificarError(e, 'No se pudo solicitar la nota de débito'))
                }
              >
                Solicitar nota de débito
              </Button>
            )
          }
        />
      )}
      <Title order={4}>Solicitudes de nota de débito</Title>
      {solicitudes.isPending ? (
        <Cargando />
      ) : solicitudes.isError ? (
        <ErrorConsulta error={solicitudes.error} reintentar={() => void solicitudes.refetch()} />
      ) : solicitudes.data.length === 0 ? (
        <Text size="sm" c="gray.7">
          No se han pedido notas de débito por cargos de mora.
        </Text>
      ) : (
        <TablaSolicitudes solicitudes={solicitudes.data} puedeEditar={puedeEditar} />
      )}
    </Stack>
  );
}

function DetalleCargos({ calculo, accion }: { calculo: CargosMora; accion: React.ReactNode }) {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Text fw={600}>
              Cargos al {formatearFecha(calculo.fecha)}: {formatearPesos(calculo.total)}
            </Text>
            <Text size="sm" c="gray.7">
              {REGIMEN[calculo.regimen] ?? calculo.regimen} · deuda vencida{' '}
              {formatearPesos(calculo.saldoVencido)} · interés {formatearPesos(calculo.interes)} · comisión{' '}
              {formatearPesos(calculo.comision)} · gastos de cobranza {formatearPesos(calculo.gastosCobranza)}
            </Text>
          </Stack>
          {accion}
        </Group>
        {calculo.notas.map((n) => (
          <Alert key={n} color="blue" variant="light" p="xs">
            {n}
          </Alert>
        ))}
        {calculo.cuotas.length === 0 ? (
          <Text size="sm" c="gray.7">
            El cliente no tiene deuda vencida a esa fecha.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Cargos de mora por documento" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Documento</Table.Th>
                  <Table.Th>Vencimiento</Table.Th>
                  <Table.Th ta="right">Días de atraso</Table.Th>
                  <Table.Th ta="right">Saldo</Table.Th>
                  <Table.Th ta="right">Cargos</Table.Th>
                  <Table.Th>Cálculo</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calculo.cuotas.map((c) => (
                  <Table.Tr key={`${c.documentoId}-${c.cuota}`}>
                    <Table.Td>
                      {c.tipo} {c.folio}
                      {c.cuota > 1 && ` · cuota ${c.cuota}`}
                    </Table.Td>
                    <Table.Td>{formatearFecha(c.fechaVencimiento)}</Table.Td>
                    <Table.Td ta="right">{c.diasMora}</Table.Td>
                    <Table.Td ta="right">{formatearPesos(c.saldoClp)}</Table.Td>
                    <Table.Td ta="right">{formatearPesos(c.total)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {c.pasos.map((p) => (
                          <Text key={p.concepto} size="xs">
                            {p.detalle}: <strong>{formatearPesos(p.monto)}</strong>
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

function TablaSolicitudes({
  solicitudes,
  puedeEditar,
}: {
  solicitudes: SolicitudNotaDebito[];
  puedeEditar: boolean;
}) {
  const resolver = useResolverSolicitudNotaDebito();
  const [folios, setFolios] = useState<Record<string, number | string>>({});
  const [motivos, setMotivos] = useState<Record<string, string>>({});
  const enviar = (s: SolicitudNotaDebito, estado: 'emitida' | 'anulada') =>
    void resolver
      .mutateAsync({
        id: s.id,
        estado,
        folioNotaDebito: estado === 'emitida' ? Number(folios[s.id]) || null : null,
        notas: estado === 'anulada' ? motivos[s.id]?.trim() || null : null,
      })
      .then(() => notificarExito(estado === 'emitida' ? 'Nota de débito registrada.' : 'Solicitud anulada.'))
      .catch((e: unknown) => notificarError(e));

  return (
    <Card withBorder p={0}>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Solicitudes de nota de débito">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Pedida</Table.Th>
              <Table.Th>Al</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th>
                <span className="sr-only">Acciones</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {solicitudes.map((s) => {
              const estado = ESTADO[s.estado] ?? { etiqueta: s.estado, color: 'gray.7' };
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {formatearFechaHora(s.creada)} · {s.solicitadaPor}
                  </Table.Td>
                  <Table.Td>{formatearFecha(s.fecha)}</Table.Td>
                  <Table.Td ta="right">{formatearPesos(s.total)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={estado.color}>
                      {estado.etiqueta}
                      {s.folioNotaDebito ? ` · ND ${s.folioNotaDebito}` : ''}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {s.estado === 'pendiente' && puedeEditar && (
                      <Group gap="xs" wrap="nowrap">
                        <NumberInput
                          size="xs"
                          aria-label="Folio de la nota de débito emitida"
                          placeholder="Folio ND"
                          min={1}
                          allowDecimal={false}
                          w={110}
                          value={folios[s.id] ?? ''}
                          onChange={(v) => setFolios((f) => ({ ...f, [s.id]: v }))}
                        />
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => enviar(s, 'emitida')}
                          loading={resolver.isPending}
                        >
                          Emitida
                        </Button>
                        <TextInput
                          size="xs"
                          aria-label="Motivo de la anulación"
                          placeholder="Motivo"
                          maxLength={2000}
                          value={motivos[s.id] ?? ''}
                          onChange={(e) => {
                            const valor = e.currentTarget.value;
                            setMotivos((m) => ({ ...m, [s.id]: valor }));
                          }}
                        />
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red.8"
                          onClick={() => enviar(s, 'anulada')}
                          loading={resolver.isPending}
                        >
                          Anular
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
