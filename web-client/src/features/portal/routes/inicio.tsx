import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { hoySantiago } from '@/lib/fecha-negocio';
import { notificarError } from '@/lib/notificar';
import { descargarPortal, leerSesionPortal } from '@/features/portal/api/cliente-portal';
import { useCerrarSesionPortal } from '@/features/portal/api/use-cerrar-sesion-portal';
import { useEstadoCuentaPortal } from '@/features/portal/api/use-estado-cuenta-portal';
import { useResumenPortal } from '@/features/portal/api/use-resumen-portal';
import { useSolicitudesPortal } from '@/features/portal/api/use-solicitudes-portal';
import { DeudaPortal } from '@/features/portal/components/deuda-portal';
import { MarcoPortal } from '@/features/portal/components/marco-portal';
import { SolicitudesPortal } from '@/features/portal/components/solicitudes-portal';
import { etiquetaDocumento } from '@/features/portal/lib/portal';

/** /portal: the client's debt, payments, requests and where to deposit, branded with the company's colours. */
export default function InicioPortalRoute() {
  const navegar = useNavigate();
  const sesion = leerSesionPortal();
  const resumen = useResumenPortal();
  const estado = useEstadoCuentaPortal();
  const solicitudes = useSolicitudesPortal();
  const cerrar = useCerrarSesionPortal();
  const hoy = hoySantiago();
  const sinSesion = !sesion || resumen.error !== null;

  useEffect(() => {
    if (sinSesion) navegar('/portal/acceso?motivo=vencido', { replace: true });
  }, [sinSesion, navegar]);

  const salir = () =>
    cerrar.mutate(undefined, { onSettled: () => navegar('/portal/acceso', { replace: true }) });

  if (!resumen.data || !estado.data)
    return (
      <MarcoPortal>
        <Group justify="center" p="xl">
          <Loader aria-label="Cargando su estado de cuenta" />
        </Group>
      </MarcoPortal>
    );

  const r = resumen.data;
  const e = estado.data;
  const descargar = (formato: 'pdf' | 'xlsx') =>
    descargarPortal(
      `/api/v1/portal/estado-cuenta.${formato}`,
      `estado-cuenta-${e.fechaCorte}.${formato}`,
    ).catch((err: unknown) => notificarError(err, 'No se pudo descargar'));

  return (
    <MarcoPortal
      resumen={r}
      titulo={`${r.razonSocialCliente} · ${formatearRut(r.rutCliente)}`}
      alSalir={salir}
    >
      <Stack p="sm" gap="md">
        <Text size="sm">
          Hola {r.contacto}, este es su estado de cuenta al {formatearFecha(e.fechaCorte)}.
        </Text>
        <SimpleGrid cols={2}>
          <Card withBorder radius="md" p="sm">
            <Text size="xs" c="dimmed">
              Saldo total
            </Text>
            <Text fw={700} size="xl" data-testid="portal-saldo">
              {formatearPesos(e.saldo)}
            </Text>
          </Card>
          <Card withBorder radius="md" p="sm">
            <Text size="xs" c="dimmed">
              Vencido
            </Text>
            <Text
              fw={700}
              size="xl"
              c={Number(e.saldoVencido) > 0 ? 'red.8' : undefined}
              data-testid="portal-vencido"
            >
              {formatearPesos(e.saldoVencido)}
            </Text>
          </Card>
        </SimpleGrid>
        <Tabs defaultValue="deuda" keepMounted={false}>
          <Tabs.List grow>
            <Tabs.Tab value="deuda">Deuda</Tabs.Tab>
            <Tabs.Tab value="pagos">Pagos</Tabs.Tab>
            <Tabs.Tab value="solicitudes">Solicitudes</Tabs.Tab>
            <Tabs.Tab value="cuentas">Cuentas</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="deuda" pt="sm">
            <DeudaPortal documentos={e.documentos} hoy={hoy} />
            <Group mt="sm" grow>
              <Button variant="default" onClick={() => descargar('pdf')}>
                Estado de cuenta PDF
              </Button>
              <Button variant="default" onClick={() => descargar('xlsx')}>
                Excel
              </Button>
            </Group>
          </Tabs.Panel>
          <Tabs.Panel value="pagos" pt="sm">
            <Stack gap="xs">
              {e.pagos.length === 0 ? <Text c="dimmed">No hay pagos en el último año.</Text> : null}
              {e.pagos.map((p) => (
                <Card key={p.id} withBorder radius="md" p="sm">
                  <Group justify="space-between">
                    <Text fw={600}>{formatearPesos(p.monto)}</Text>
                    <Text size="sm">{formatearFecha(p.fecha)}</Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {p.canal === 'portal' ? 'Pago en línea' : p.canal}
                    {p.referencia ? ` · ${p.referencia}` : ''}
                  </Text>
                  {p.aplicaciones
                    .filter((a) => a.activa)
                    .map((a) => (
                      <Text key={`${a.documentoId}-${a.fecha}`} size="sm">
                        {etiquetaDocumento(a.tipo, a.folio)}: {formatearPesos(a.monto)}
                      </Text>
                    ))}
                </Card>
              ))}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="solicitudes" pt="sm">
            <SolicitudesPortal solicitudes={solicitudes.data ?? []} hoy={hoy} />
          </Tabs.Panel>
          <Tabs.Panel value="cuentas" pt="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                Cuentas para depositar
              </Title>
              {r.cuentas.length === 0 ? (
                <Alert color="gray">La empresa no informó cuentas de depósito.</Alert>
              ) : null}
              {r.cuentas.map((c) => (
                <Card key={`${c.banco}-${c.numero}`} withBorder radius="md" p="sm">
                  <Text fw={600}>{c.banco}</Text>
                  <Text size="sm">
                    {c.tipoCuenta} N° {c.numero}
                  </Text>
                  <Text size="sm">
                    {c.titular} · {formatearRut(c.rutTitular)}
                  </Text>
                  {c.emailNotificacion ? <Text size="sm">Avise su pago a {c.emailNotificacion}</Text> : null}
                </Card>
              ))}
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </MarcoPortal>
  );
}
