import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearPesos } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { useCasosCriticos, type CasosCriticos } from '@/features/indicadores-gestion/api/use-casos-criticos';
import { Definicion } from '@/features/indicadores-gestion/components/definicion';
import { FiltrosIndicador } from '@/features/indicadores-gestion/components/filtros-indicador';
import { useFiltrosIndicador } from '@/features/indicadores-gestion/components/use-filtros-indicador';
import { MenuExportarIndicador } from '@/features/indicadores-gestion/components/menu-exportar-indicador';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';

type Caso = CasosCriticos['casos'][number];

const tipos: Record<string, { etiqueta: string; color: string }> = {
  mayor_vencido: { etiqueta: 'Mayor vencido', color: 'orange' },
  compromiso_roto: { etiqueta: 'Compromiso roto', color: 'red' },
  disputa_abierta: { etiqueta: 'Disputa abierta', color: 'grape' },
};

export default function CasosCriticosRoute() {
  const [filtros, cambiar] = useFiltrosIndicador(1);
  const [params] = useSearchParams();
  const fechaCorte = /^\d{4}-\d{2}-\d{2}$/.test(params.get('fechaCorte') ?? '')
    ? params.get('fechaCorte')!
    : hoySantiago();
  const { desde: _d, hasta: _h, ...resto } = filtros;
  void _d;
  void _h;
  const consulta = { ...resto, fechaCorte, porTipo: 20 };
  const datos = useCasosCriticos(consulta);
  return (
    <Pagina
      titulo="Casos críticos"
      descripcion="Mayores deudas vencidas, compromisos rotos y disputas antiguas"
      acciones={<MenuExportarIndicador indicador="casos-criticos" filtros={consulta} />}
    >
      <FiltrosIndicador filtros={filtros} cambiar={cambiar} conPeriodo={false} />
      <CampoFecha
        label="Fecha de corte"
        value={fechaCorte}
        onChange={(v) => cambiar({ fechaCorte: v })}
        maw={240}
      />
      {datos.isPending ? (
        <Cargando />
      ) : datos.isError ? (
        <ErrorConsulta error={datos.error} reintentar={() => void datos.refetch()} />
      ) : (
        <Card withBorder>
          <Group gap={4} mb="sm">
            <Title order={4}>Casos</Title>
            <Definicion etiqueta="casos críticos" texto={datos.data.definicion} />
          </Group>
          <TablaOrdenable<Caso>
            etiqueta="Casos críticos"
            filas={[...datos.data.casos]}
            clave={(c) => `${c.tipo}-${c.clienteId}-${c.referenciaId ?? ''}`}
            columnas={[
              {
                titulo: 'Cliente',
                celda: (c) => (
                  <Anchor component={Link} to={`/clientes/${c.clienteId}`}>
                    {c.razonSocial} · {formatearRut(c.rut)}
                  </Anchor>
                ),
                valor: (c) => c.razonSocial,
              },
              {
                titulo: 'Tipo',
                celda: (c) => (
                  <Badge color={tipos[c.tipo]?.color ?? 'gray'}>{tipos[c.tipo]?.etiqueta ?? c.tipo}</Badge>
                ),
                valor: (c) => c.tipo,
              },
              {
                titulo: 'Monto',
                celda: (c) => formatearPesos(c.monto),
                valor: (c) => c.monto,
                derecha: true,
              },
              { titulo: 'Días', celda: (c) => c.dias, valor: (c) => c.dias, derecha: true },
              { titulo: 'Detalle', celda: (c) => c.descripcion, valor: (c) => c.descripcion },
            ]}
          />
          {datos.data.casos.length === 0 && <Text c="dimmed">Sin casos críticos.</Text>}
        </Card>
      )}
    </Pagina>
  );
}
