import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { usePoliticasCredito } from '@/api/hooks/use-politicas-credito';
import { regionesDeChile } from '@/lib/chile';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useCarteras } from '../api/use-carteras';
import { useReasignarClientes } from '../api/use-reasignar-clientes';
import { cuerpoReasignacion, type FormReasignacion } from './asignacion-logica';

type Cobrador = Respuesta<'ObtenerCobrador'>;

const vacio: FormReasignacion = {
  desdeCobradorId: null,
  segmento: null,
  region: null,
  comuna: null,
  carteraId: null,
  haciaCobradorId: null,
};

/** Bulk reassignment: the clients matching every criterion go to one collector (as manual assignments); the count is shown before confirming. */
export function ReasignacionMasiva({ cobradores, todos }: { cobradores: Cobrador[]; todos: Cobrador[] }) {
  const [f, setF] = useState<FormReasignacion>(vacio);
  const [cuenta, setCuenta] = useState<number | null>(null);
  const politicas = usePoliticasCredito();
  const carteras = useCarteras();
  const reasignar = useReasignarClientes();
  const poner = (cambio: Partial<FormReasignacion>) => {
    setF({ ...f, ...cambio });
    setCuenta(null);
  };
  const armado = cuerpoReasignacion(f, true);
  return (
    <Stack>
      <Group grow align="flex-start">
        <Select
          label="Desde el cobrador"
          placeholder="Cualquiera"
          clearable
          searchable
          data={todos.map((c) => ({ value: c.id, label: c.activo ? c.nombre : `${c.nombre} (desactivado)` }))}
          value={f.desdeCobradorId}
          onChange={(v) => poner({ desdeCobradorId: v })}
        />
        <Select
          label="Hacia el cobrador"
          searchable
          data={cobradores.map((c) => ({ value: c.id, label: c.nombre }))}
          value={f.haciaCobradorId}
          onChange={(v) => poner({ haciaCobradorId: v })}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Segmento"
          placeholder="Todos"
          clearable
          data={(politicas.data ?? []).map((p) => p.segmento)}
          value={f.segmento}
          onChange={(v) => poner({ segmento: v })}
        />
        <Select
          label="Región"
          placeholder="Todas"
          clearable
          searchable
          data={regionesDeChile}
          value={f.region}
          onChange={(v) => poner({ region: v })}
        />
        <TextInput
          label="Comuna"
          placeholder="Todas"
          value={f.comuna ?? ''}
          onChange={(e) => poner({ comuna: e.currentTarget.value })}
        />
        <Select
          label="Cartera"
          placeholder="Todas"
          clearable
          data={(carteras.data ?? []).map((c) => ({ value: c.id, label: c.nombre }))}
          value={f.carteraId}
          onChange={(v) => poner({ carteraId: v })}
        />
      </Group>
      {'error' in armado && <Alert color="gray">{armado.error}</Alert>}
      <Group>
        <Button
          variant="default"
          disabled={'error' in armado}
          loading={reasignar.isPending && cuenta === null}
          onClick={() => {
            if ('cuerpo' in armado)
              reasignar.mutateAsync(armado.cuerpo).then(
                (r) => setCuenta(r.movidos),
                (e: unknown) => notificarError(e),
              );
          }}
        >
          Contar clientes
        </Button>
        {cuenta !== null && 'cuerpo' in armado && (
          <Button
            disabled={cuenta === 0}
            loading={reasignar.isPending}
            onClick={() =>
              reasignar.mutateAsync({ ...armado.cuerpo, simular: false }).then(
                (r) => {
                  notificarExito(`${r.movidos.toLocaleString('es-CL')} clientes reasignados.`);
                  setF(vacio);
                  setCuenta(null);
                },
                (e: unknown) => notificarError(e),
              )
            }
          >
            Reasignar {cuenta.toLocaleString('es-CL')} clientes
          </Button>
        )}
      </Group>
    </Stack>
  );
}
