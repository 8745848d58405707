import { Button, Card, Checkbox, Select, SimpleGrid } from '@mantine/core';
import { IconCash, IconDownload, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { estadosDocumento, etiquetaTramo, tiposDocumento } from '@/lib/cartera';
import { formatearFecha, formatearNumero } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useAntiguedad } from '@/api/hooks/use-antiguedad';
import { useDocumentos } from '@/api/hooks/use-documentos';
import { MAXIMO_EXPORTACION, useExportarDocumentos } from '@/features/documentos/api/use-exportar-documentos';
import { filtrosDocumentosDesdeUrl, ordenesDocumentos } from '@/features/documentos/components/filtros-url';
import { useFiltrosUrl } from '@/lib/use-filtros-url';
import { ListaPaginada } from '@/components/ui/lista-paginada';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { TablaDocumentos } from '@/features/documentos/components/tabla-documentos';
import { hoySantiago } from '@/lib/fecha-negocio';
import { etapasCobranza } from '@/lib/etapas-cobranza';

export default function DocumentosRoute() {
  const { tiene } = useAuth();
  const { filtros, cambiar } = useFiltrosUrl(filtrosDocumentosDesdeUrl);
  const documentos = useDocumentos(filtros);
  const exportar = useExportarDocumentos();
  // The aging buckets are the company's; one small aging query gives their definition. The list filters them on the server.
  const hoy = hoySantiago();
  const tramos = useAntiguedad({ fechaCorte: hoy, agrupar: 'empresa', pagina: 1, tamanoPagina: 1 }).data
    ?.definicionTramos;

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
            description={
              filtros.fechaCorte
                ? `Documentos con una cuota con saldo en el tramo al ${formatearFecha(filtros.fechaCorte)}`
                : 'Documentos con una cuota con saldo en el tramo, a hoy'
            }
            clearable
            placeholder="Todos"
            data={(tramos ?? []).map((t) => ({ value: t.codigo, label: etiquetaTramo(t) }))}
            value={filtros.tramo ?? null}
            onChange={(v) => cambiar({ tramo: v, fechaCorte: v ? filtros.fechaCorte : null })}
          />
          {filtros.tramo && (
            <CampoFecha
              label="Tramo al"
              description="Fecha de corte del tramo (vacío: hoy)"
              clearable
              value={filtros.fechaCorte ?? null}
              onChange={(v) => cambiar({ fechaCorte: v })}
            />
          )}
          <Select
            label="Etapa de cobranza"
            description="Etapa del cliente en el proceso de cobranza"
            clearable
            placeholder="Todas"
            data={etapasCobranza.map((e) => ({ value: e.value, label: e.label }))}
            value={filtros.etapa ?? null}
            onChange={(v) => cambiar({ etapa: v })}
          />
          <Checkbox
            label="En cobranza bancaria"
            description="Letras y pagarés que hoy cobra un banco"
            checked={filtros.enCobranzaBancaria ?? false}
            onChange={(e) => cambiar({ enCobranzaBancaria: e.currentTarget.checked ? true : null })}
          />
          <CampoFecha
            label="Vencimiento desde"
            clearable
            value={filtros.vencimientoDesde ?? null}
            onChange={(v) => cambiar({ vencimientoDesde: v })}
          />
          <CampoFecha
            label="Vencimiento hasta"
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
      <ListaPaginada
        consulta={documentos}
        vacio="No hay documentos que coincidan con los filtros."
        pagina={filtros.pagina}
        tamano={filtros.tamanoPagina}
        onPagina={(p) => cambiar({ pagina: p })}
        onTamano={(t) => cambiar({ tamanoPagina: t })}
      >
        {(items) => <TablaDocumentos documentos={items} />}
      </ListaPaginada>
    </Pagina>
  );
}
