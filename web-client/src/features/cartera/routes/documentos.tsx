import { Button, Card, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCash, IconDownload, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { useAuth } from '@/lib/auth-contexto';
import {
  estadosDocumento,
  etiquetaTramo,
  hoyEnChile,
  rangoVencimientoTramo,
  tiposDocumento,
} from '@/lib/cartera';
import { formatearNumero } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useAntiguedad } from '@/features/cartera/api/use-antiguedad';
import { useDocumentos } from '@/features/cartera/api/use-documentos';
import { MAXIMO_EXPORTACION, useExportarDocumentos } from '@/features/cartera/api/use-exportar-documentos';
import {
  conCambios,
  filtrosDocumentosDesdeUrl,
  ordenesDocumentos,
} from '@/features/cartera/components/filtros-url';
import { SelectorCliente } from '@/features/cartera/components/selector-cliente';
import { TablaDocumentos } from '@/features/cartera/components/tabla-documentos';

export default function DocumentosRoute() {
  const { tiene } = useAuth();
  const [params, setParams] = useSearchParams();
  const filtros = filtrosDocumentosDesdeUrl(params);
  const documentos = useDocumentos(filtros);
  const exportar = useExportarDocumentos();
  // The aging buckets are defined by the server; one small aging query gives their definition.
  const hoy = hoyEnChile();
  const tramos = useAntiguedad({ fechaCorte: hoy, agrupar: 'empresa', pagina: 1, tamanoPagina: 1 }).data
    ?.definicionTramos;
  const rangoDe = (codigo: string | null) => {
    const t = codigo ? tramos?.find((x) => x.codigo === codigo) : undefined;
    return t ? rangoVencimientoTramo(t, hoy) : {};
  };
  // The bucket is shown only while the due-date filters are still exactly its range.
  const tramoActual =
    tramos?.find((t) => {
      const r = rangoVencimientoTramo(t, hoy);
      return (
        (r.vencimientoDesde ?? undefined) === filtros.vencimientoDesde &&
        (r.vencimientoHasta ?? undefined) === filtros.vencimientoHasta &&
        (filtros.vencimientoDesde || filtros.vencimientoHasta)
      );
    })?.codigo ?? null;
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });

  return (
    <Pagina
      titulo="Documentos"
      descripcion="Facturas, notas y documentos por cobrar"
      acciones={
        <>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exportar.isPending}
            onClick={async () => {
              try {
                const n = await exportar.mutateAsync({
                  ...filtros,
                  pagina: undefined,
                  tamanoPagina: undefined,
                });
                notificarExito(
                  n >= MAXIMO_EXPORTACION
                    ? `Se exportaron los primeros ${formatearNumero(n)} documentos.`
                    : `${formatearNumero(n)} documentos exportados.`,
                );
              } catch (e) {
                notificarError(e, 'No se pudo exportar');
              }
            }}
          >
            Exportar CSV
          </Button>
          {tiene('editar') && (
            <>
              <Button
                variant="default"
                component={Link}
                to="/cartera/pagos/nuevo"
                leftSection={<IconCash size={16} />}
              >
                Registrar pago
              </Button>
              <Button component={Link} to="/cartera/documentos/nuevo" leftSection={<IconPlus size={16} />}>
                Nuevo documento
              </Button>
            </>
          )}
        </>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <SelectorCliente value={filtros.clienteId ?? null} onChange={(v) => cambiar({ clienteId: v })} />
          <Select
            label="Tipo"
            clearable
            placeholder="Todos"
            data={tiposDocumento}
            value={filtros.tipo ?? null}
            onChange={(v) => cambiar({ tipo: v })}
          />
          <Select
            label="Estado"
            clearable
            placeholder="Todos"
            data={estadosDocumento}
            value={filtros.estado ?? null}
            onChange={(v) => cambiar({ estado: v })}
          />
          <Select
            label="Tramo de antigüedad"
            description="Por fecha de vencimiento, a hoy"
            clearable
            placeholder="Todos"
            data={(tramos ?? []).map((t) => ({ value: t.codigo, label: etiquetaTramo(t) }))}
            value={tramoActual}
            onChange={(v) => {
              const r = rangoDe(v);
              cambiar({
                vencimientoDesde: r.vencimientoDesde ?? null,
                vencimientoHasta: r.vencimientoHasta ?? null,
              });
            }}
          />
          <DateInput
            label="Vencimiento desde"
            valueFormat="DD-MM-YYYY"
            placeholder="dd-mm-aaaa"
            clearable
            value={filtros.vencimientoDesde ?? null}
            onChange={(v) => cambiar({ vencimientoDesde: v })}
          />
          <DateInput
            label="Vencimiento hasta"
            valueFormat="DD-MM-YYYY"
            placeholder="dd-mm-aaaa"
            clearable
            value={filtros.vencimientoHasta ?? null}
            onChange={(v) => cambiar({ vencimientoHasta: v })}
          />
          <Select
            label="Orden"
            data={ordenesDocumentos}
            placeholder="Vencimiento (antiguos primero)"
            clearable
            value={filtros.orden ?? null}
            onChange={(v) => cambiar({ orden: v })}
          />
        </SimpleGrid>
      </Card>
      {documentos.isPending ? (
        <Cargando />
      ) : documentos.isError ? (
        <ErrorConsulta error={documentos.error} reintentar={() => void documentos.refetch()} />
      ) : (
        <Card withBorder p={0}>
          {documentos.data.items.length === 0 ? (
            <Text c="dimmed" p="lg" ta="center">
              No hay documentos que coincidan con los filtros.
            </Text>
          ) : (
            <TablaDocumentos documentos={documentos.data.items} />
          )}
          <Group p="sm">
            <div style={{ flex: 1 }}>
              <Paginacion
                total={documentos.data.total}
                pagina={filtros.pagina}
                tamano={filtros.tamanoPagina}
                onPagina={(p) => cambiar({ pagina: p })}
                onTamano={(t) => cambiar({ tamanoPagina: t })}
              />
            </div>
          </Group>
        </Card>
      )}
    </Pagina>
  );
}
