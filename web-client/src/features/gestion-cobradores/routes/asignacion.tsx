import { Card, Stack, Title } from '@mantine/core';
import { useCobradores } from '@/api/hooks/use-cobradores';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { useReglasAsignacion } from '../api/use-reglas-asignacion';
import type { ReglaEditable } from '../components/asignacion-logica';
import { EditorReglas } from '../components/editor-reglas';
import { ReasignacionMasiva } from '../components/reasignacion-masiva';
import { RecalcularAsignaciones } from '../components/recalcular-asignaciones';

export default function AsignacionRoute() {
  const { tiene } = useAuth();
  const supervisa = tiene('supervisar');
  const reglas = useReglasAsignacion();
  const todos = useCobradores();
  if (reglas.isPending || todos.isPending) return <Cargando />;
  if (reglas.isError) return <ErrorConsulta error={reglas.error} reintentar={() => void reglas.refetch()} />;
  if (todos.isError) return <ErrorConsulta error={todos.error} reintentar={() => void todos.refetch()} />;
  const activos = todos.data.filter((c) => c.activo);
  return (
    <Pagina
      titulo="Asignación"
      descripcion="Reglas que deciden el cobrador de cada cliente, recálculo y reasignación masiva."
    >
      <Card withBorder>
        <Stack>
          <Title order={4}>Reglas</Title>
          <EditorReglas
            key={JSON.stringify(reglas.data.reglas)}
            inicial={reglas.data.reglas.map((r) => ({
              tipo: r.tipo as ReglaEditable['tipo'],
              segmento: r.segmento ?? null,
              cobradorId: r.cobradorId,
            }))}
            orden={reglas.data.orden}
            cobradores={activos}
            puedeEditar={supervisa}
          />
        </Stack>
      </Card>
      {supervisa && (
        <>
          <Card withBorder>
            <Stack>
              <Title order={4}>Recalcular</Title>
              <RecalcularAsignaciones />
            </Stack>
          </Card>
          <Card withBorder>
            <Stack>
              <Title order={4}>Reasignación masiva</Title>
              <ReasignacionMasiva cobradores={activos} todos={todos.data} />
            </Stack>
          </Card>
        </>
      )}
    </Pagina>
  );
}
