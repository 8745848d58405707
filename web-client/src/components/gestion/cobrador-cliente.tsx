import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useAsignarCliente } from '@/api/hooks/use-asignar-cliente';
import { useCobradores } from '@/api/hooks/use-cobradores';
import { useResponsableCliente } from '@/api/hooks/use-responsable-cliente';
import { useAuth } from '@/lib/auth-contexto';
import { notificarError } from '@/lib/notificar';

const origenes: Record<string, string> = {
  manual: 'manual',
  cartera: 'por cartera',
  segmento: 'por segmento',
  cuenta_clave: 'por cuenta clave',
  zona: 'por zona',
};

/** The client's responsible collector; a supervisor changes it (a manual assignment) or returns the client to the rules. */
export function CobradorCliente({ clienteId }: { clienteId: string }) {
  const { tiene } = useAuth();
  const supervisa = tiene('supervisar');
  const responsable = useResponsableCliente(clienteId);
  const cobradores = useCobradores(supervisa ? true : undefined);
  const asignar = useAsignarCliente(clienteId);
  const [editando, setEditando] = useState(false);
  if (responsable.isPending || responsable.isError) return null;
  const r = responsable.data;
  const cambiar = (id: string | null) =>
    asignar.mutateAsync(id).then(
      () => setEditando(false),
      (e: unknown) => notificarError(e),
    );
  return (
    <Group gap="xs" aria-label="Cobrador responsable">
      <Text size="sm" c="dimmed">
        Cobrador:
      </Text>
      {editando ? (
        <>
          <Select
            aria-label="Elegir cobrador"
            size="xs"
            searchable
            data={(cobradores.data ?? []).map((c) => ({ value: c.id, label: c.nombre }))}
            value={r.cobradorId ?? null}
            onChange={(v) => v && void cambiar(v)}
            disabled={asignar.isPending}
          />
          {r.origen === 'manual' && (
            <Button size="xs" variant="subtle" onClick={() => void cambiar(null)} loading={asignar.isPending}>
              Volver a las reglas
            </Button>
          )}
          <Button size="xs" variant="subtle" color="gray" onClick={() => setEditando(false)}>
            Cancelar
          </Button>
        </>
      ) : (
        <>
          <Text size="sm" fw={500}>
            {r.cobradorNombre ?? 'Sin cobrador'}
          </Text>
          {r.origen && (
            <Badge size="sm" variant="light" color={r.origen === 'manual' ? 'orange' : 'blue'}>
              {origenes[r.origen] ?? r.origen}
            </Badge>
          )}
          {supervisa && (
            <Button size="xs" variant="subtle" onClick={() => setEditando(true)}>
              Cambiar
            </Button>
          )}
        </>
      )}
    </Group>
  );
}
