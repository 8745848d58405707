import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { Tabla } from '@/components/ui/tabla';
import { notificarError, notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { useRecalcularAsignaciones } from '../api/use-recalcular-asignaciones';
import { balancePorCobrador, nombreOrigen } from './asignacion-logica';

type Resultado = Respuesta<'RecalcularAsignaciones'>;

/** "Recalcular": first a preview of every change, then apply it. Manual assignments never change. */
export function RecalcularAsignaciones() {
  const recalcular = useRecalcularAsignaciones();
  const [vista, setVista] = useState<Resultado | null>(null);
  return (
    <Stack>
      <Group>
        <Button
          variant="default"
          loading={recalcular.isPending && !vista}
          onClick={() => recalcular.mutateAsync(true).then(setVista, (e: unknown) => notificarError(e))}
        >
          Ver qué cambiaría
        </Button>
        {vista && vista.cambios > 0 && (
          <Button
            loading={recalcular.isPending}
            onClick={() =>
              recalcular.mutateAsync(false).then(
                (r) => {
                  notificarExito(`${r.cambios.toLocaleString('es-CL')} clientes reasignados por las reglas.`);
                  setVista(null);
                },
                (e: unknown) => notificarError(e),
              )
            }
          >
            Aplicar {vista.cambios.toLocaleString('es-CL')} cambios
          </Button>
        )}
      </Group>
      {vista && (
        <>
          <Alert color={vista.cambios === 0 ? 'green' : 'blue'}>
            {vista.evaluados.toLocaleString('es-CL')} clientes evaluados,{' '}
            {vista.manuales.toLocaleString('es-CL')} con asignación manual (no cambian),{' '}
            {vista.cambios.toLocaleString('es-CL')} cambiarían de cobrador.
            {!vista.detalleCompleto && ' Se muestran los primeros cambios.'}
          </Alert>
          {vista.cambios > 0 && (
            <>
              <Text size="sm" fw={500}>
                Balance por cobrador
              </Text>
              <Tabla
                etiqueta="Balance por cobrador"
                anchoMinimo={400}
                resaltar={false}
                filas={balancePorCobrador(vista.detalle)}
                clave={(b) => b.cobrador}
                columnas={[
                  { titulo: 'Cobrador', celda: (b) => b.cobrador },
                  { titulo: 'Recibe', derecha: true, celda: (b) => b.entran },
                  { titulo: 'Entrega', derecha: true, celda: (b) => b.salen },
                ]}
              />
              <Tabla
                etiqueta="Cambios"
                anchoMinimo={700}
                resaltar={false}
                filas={vista.detalle}
                clave={(c) => c.clienteId}
                columnas={[
                  { titulo: 'Cliente', celda: (c) => `${c.razonSocial} · ${formatearRut(c.rut)}` },
                  {
                    titulo: 'Antes',
                    celda: (c) =>
                      c.cobradorAnterior ? `${c.cobradorAnterior} (${nombreOrigen(c.origenAnterior)})` : '—',
                  },
                  {
                    titulo: 'Después',
                    celda: (c) =>
                      c.cobradorNuevo
                        ? `${c.cobradorNuevo} (${nombreOrigen(c.origenNuevo)})`
                        : 'Sin cobrador',
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
