import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { usePoliticasCredito } from '@/api/hooks/use-politicas-credito';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useGuardarReglasAsignacion } from '../api/use-guardar-reglas-asignacion';
import { erroresReglas, moverRegla, nombreOrigen, type ReglaEditable } from './asignacion-logica';

type Cobrador = Respuesta<'ObtenerCobrador'>;

/** The segment / key account rules in their order; saving does not move clients ("Recalcular" does, after a preview). */
export function EditorReglas({
  inicial,
  orden,
  cobradores,
  puedeEditar,
}: {
  inicial: ReglaEditable[];
  orden: readonly string[];
  cobradores: Cobrador[];
  puedeEditar: boolean;
}) {
  const [reglas, setReglas] = useState<ReglaEditable[]>(inicial);
  const politicas = usePoliticasCredito();
  const guardar = useGuardarReglasAsignacion();
  const errores = erroresReglas(reglas);
  const cambiar = (i: number, r: Partial<ReglaEditable>) =>
    setReglas(reglas.map((x, j) => (j === i ? { ...x, ...r } : x)));
  return (
    <Stack>
      <Text size="sm">
        Orden fijo de evaluación: {orden.map(nombreOrigen).join(' › ')}. Entre las reglas de segmento y cuenta
        clave, gana la primera de la lista.
      </Text>
      {reglas.length === 0 && <Text c="dimmed">Sin reglas de segmento ni de cuenta clave.</Text>}
      {reglas.map((r, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <Select
            label="Tipo"
            aria-label={`Tipo de la regla ${i + 1}`}
            disabled={!puedeEditar}
            data={[
              { value: 'segmento', label: 'Segmento' },
              { value: 'cuenta_clave', label: 'Cuenta clave' },
            ]}
            value={r.tipo}
            onChange={(v) =>
              cambiar(i, {
                tipo: (v ?? 'segmento') as ReglaEditable['tipo'],
                segmento: v === 'cuenta_clave' ? null : r.segmento,
              })
            }
            w={160}
          />
          {r.tipo === 'segmento' && (
            <Select
              label="Segmento"
              aria-label={`Segmento de la regla ${i + 1}`}
              disabled={!puedeEditar}
              data={[
                ...new Set([
                  ...(politicas.data ?? []).map((p) => p.segmento),
                  ...(r.segmento ? [r.segmento] : []),
                ]),
              ]}
              value={r.segmento}
              onChange={(v) => cambiar(i, { segmento: v })}
              w={200}
            />
          )}
          <Select
            label="Cobrador"
            aria-label={`Cobrador de la regla ${i + 1}`}
            disabled={!puedeEditar}
            searchable
            data={cobradores.map((c) => ({ value: c.id, label: c.nombre }))}
            value={r.cobradorId || null}
            onChange={(v) => cambiar(i, { cobradorId: v ?? '' })}
            error={errores[i]}
            style={{ flex: 1 }}
          />
          {puedeEditar && (
            <Group gap={4} mt={26} wrap="nowrap">
              <ActionIcon
                variant="default"
                aria-label={`Subir la regla ${i + 1}`}
                onClick={() => setReglas(moverRegla(reglas, i, -1))}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="default"
                aria-label={`Bajar la regla ${i + 1}`}
                onClick={() => setReglas(moverRegla(reglas, i, 1))}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="light"
                color="red"
                aria-label={`Quitar la regla ${i + 1}`}
                onClick={() => setReglas(reglas.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
      ))}
      {puedeEditar && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setReglas([...reglas, { tipo: 'segmento', segmento: null, cobradorId: '' }])}
          >
            Agregar regla
          </Button>
          <Button
            disabled={errores.some((e) => e !== null)}
            loading={guardar.isPending}
            onClick={() =>
              guardar.mutateAsync({ reglas }).then(
                () => notificarExito('Reglas guardadas. Use «Recalcular» para aplicarlas a los clientes.'),
                (e: unknown) => notificarError(e),
              )
            }
          >
            Guardar reglas
          </Button>
        </Group>
      )}
    </Stack>
  );
}
