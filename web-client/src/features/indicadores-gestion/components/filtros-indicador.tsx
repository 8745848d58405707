import { Card, Select, SimpleGrid, TextInput } from '@mantine/core';
import { CampoFecha } from '@/components/ui/campo-fecha';
import type { FiltrosIndicador } from '@/features/indicadores-gestion/api/claves';
import { useCobradoresIndicadores } from '@/features/indicadores-gestion/api/use-cobradores-indicadores';

export function FiltrosIndicador({
  filtros,
  cambiar,
  conPeriodo = true,
}: {
  filtros: FiltrosIndicador;
  cambiar: (c: Record<string, string | null>) => void;
  conPeriodo?: boolean;
}) {
  const cobradores = useCobradoresIndicadores();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        {conPeriodo && (
          <>
            <CampoFecha label="Desde" value={filtros.desde ?? null} onChange={(v) => cambiar({ desde: v })} />
            <CampoFecha label="Hasta" value={filtros.hasta ?? null} onChange={(v) => cambiar({ hasta: v })} />
          </>
        )}
        <Select
          label="Cobrador"
          placeholder="Todos"
          clearable
          searchable
          data={cobradores.data ?? []}
          value={filtros.cobradorId ?? null}
          onChange={(v) => cambiar({ cobradorId: v })}
        />
        <TextInput
          label="Segmento"
          placeholder="Todos"
          defaultValue={filtros.segmento ?? ''}
          onBlur={(e) => cambiar({ segmento: e.currentTarget.value.trim() || null })}
        />
      </SimpleGrid>
    </Card>
  );
}
