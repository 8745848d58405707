import { Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFechaHora } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import {
  useEliminarReporteEjecutivo,
  useEnviarReporteEjecutivo,
  useReportesEjecutivos,
  type ReporteEjecutivo,
} from '@/features/reportes-ejecutivos/api/use-reportes-ejecutivos';
import { FormularioReporte } from '@/features/reportes-ejecutivos/components/formulario-reporte';
import {
  describirProgramacion,
  formularioDe,
  formularioVacio,
  type FormularioReporteEjecutivo,
} from '@/features/reportes-ejecutivos/utils/programacion';

export default function ReportesEjecutivosRoute() {
  const reportes = useReportesEjecutivos();
  const enviar = useEnviarReporteEjecutivo();
  const eliminar = useEliminarReporteEjecutivo();
  const [edicion, setEdicion] = useState<{ id?: string; inicial: FormularioReporteEjecutivo } | null>(null);

  const enviarAhora = (r: ReporteEjecutivo) =>
    enviar.mutate(r.id, {
      onSuccess: (x) =>
        notificarExito(
          `${x.encolados} correo${x.encolados === 1 ? '' : 's'} en la bandeja de salida`,
          r.nombre,
        ),
      onError: (e) => notificarError(e),
    });

  return (
    <Pagina
      titulo="Reportes ejecutivos"
      descripcion="El tablero en PDF y el estado de las cuentas clave, por correo a usuarios de la empresa, cada semana o cada mes (hora de Santiago)"
      acciones={<Button onClick={() => setEdicion({ inicial: formularioVacio })}>Nuevo reporte</Button>}
    >
      {reportes.isPending ? (
        <Cargando />
      ) : reportes.isError ? (
        <ErrorConsulta error={reportes.error} reintentar={() => void reportes.refetch()} />
      ) : reportes.data.length === 0 ? (
        <Card withBorder>
          <Text c="gray.7">Aún no hay reportes ejecutivos.</Text>
        </Card>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nombre</Table.Th>
                  <Table.Th>Programación</Table.Th>
                  <Table.Th>Destinatarios</Table.Th>
                  <Table.Th>Último envío</Table.Th>
                  <Table.Th>Acciones</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reportes.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.nombre}{' '}
                      {!r.activo && (
                        <Badge color="gray" variant="light">
                          Inactivo
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{describirProgramacion(r)}</Table.Td>
                    <Table.Td>{r.usuarioIds.length}</Table.Td>
                    <Table.Td>{r.ultimoEnvio ? formatearFechaHora(r.ultimoEnvio) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEdicion({ id: r.id, inicial: formularioDe(r) })}
                        >
                          Editar
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          loading={enviar.isPending && enviar.variables === r.id}
                          onClick={() => enviarAhora(r)}
                        >
                          Enviar ahora
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (window.confirm(`¿Eliminar el reporte «${r.nombre}»?`))
                              eliminar.mutate(r.id, {
                                onSuccess: () => notificarExito('Reporte eliminado'),
                                onError: (e) => notificarError(e),
                              });
                          }}
                        >
                          Eliminar
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {edicion && (
        <FormularioReporte id={edicion.id} inicial={edicion.inicial} onCerrar={() => setEdicion(null)} />
      )}
    </Pagina>
  );
}
