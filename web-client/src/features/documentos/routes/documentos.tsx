import { Button, Card, Checkbox, Group, Menu, Select, SimpleGrid, Text } from '@mantine/core';
import { IconCash, IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { estadosDocumento, etiquetaTramo, formatearMonto, tiposDocumento } from '@/lib/cartera';
import { aNumero, formatearFecha, formatearNumero } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';
import { useAntiguedad } from '@/api/hooks/use-antiguedad';
import { useDocumentos } from '@/api/hooks/use-documentos';
import type { DocumentoResumen } from '@/api/tipos-cartera';
import { useCobradores } from '@/api/hooks/use-cobradores';
import { useTotalesDocumentos } from '@/features/documentos/api/use-totales-documentos';
import {
  useExportarDocumentos,
  useExportarDocumentosElegidos,
  type FormatoExportacion,
} from '@/features/documentos/api/use-exportar-documentos';
import { MenuExportar } from '@/components/ui/menu-exportar';
import { filtrosDocumentosDesdeUrl, ordenesDocumentos } from '@/features/documentos/components/filtros-url';
import { useFiltrosUrl } from '@/lib/use-filtros-url';
import { ListaPaginada } from '@/components/ui/lista-paginada';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { TablaDocumentos } from '@/features/documentos/components/tabla-documentos';
import { hoySantiago } from '@/lib/fecha-negocio';
import { FiltrosPlegables } from '@/components/ui/filtros-plegables';
import { etapasCobranza } from '@/lib/etapas-cobranza';

/** The payment form for the chosen documents, each with its balance: only for one client and one currency with balance. */
function enlacePagoElegidos(docs: DocumentoResumen[]): string | null {
  const primero = docs[0];
  if (!primero) return null;
  const debitos = docs.every((d) => !['61', '112'].includes(d.tipo) && (aNumero(d.saldo) ?? 0) > 0);
  const mismos = docs.every((d) => d.cliente.id === primero.cliente.id && d.moneda === primero.moneda);
  if (!debitos || !mismos) return null;
  const q = new URLSearchParams({ clienteId: primero.cliente.id, moneda: primero.moneda });
  for (const d of docs) q.append('aplicar', `${d.id}:${d.saldo}`);
  return `/cartera/pagos/nuevo?${q.toString()}`;
}

export default function DocumentosRoute() {
  const { tiene } = useAuth();
  const { filtros, cambiar } = useFiltrosUrl(filtrosDocumentosDesdeUrl);
  const documentos = useDocumentos(filtros);
  const exportar = useExportarDocumentos();
  const exportarElegidos = useExportarDocumentosElegidos();
  const cobradores = useCobradores();
  const totales = useTotalesDocumentos(filtros);
  const [elegidos, setElegidos] = useState<ReadonlyMap<string, DocumentoResumen>>(new Map());
  const seleccion = {
    elegidos,
    cambiar: (docs: DocumentoResumen[], elegir: boolean) =>
      setElegidos((previo) => {
        const n = new Map(previo);
        for (const d of docs) {
          if (elegir) n.set(d.id, d);
          else n.delete(d.id);
        }
        return n;
      }),
  };
  const pagoElegidos = enlacePagoElegidos([...elegidos.values()]);
  const descargar = async (formato: FormatoExportacion) => {
    try {
      await exportar.mutateAsync({ formato, filtros });
    } catch (e) {
      notificarError(e, 'No se pudo exportar');
    }
  };
  const descargarElegidos = async (formato: FormatoExportacion) => {
    try {
      await exportarElegidos.mutateAsync({ formato, ids: [...elegidos.keys()] });
    } catch (e) {
      notificarError(e, 'No se pudo exportar');
    }
  };
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
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportar.isPending}>
                Exportar
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Hasta 20.000 documentos con los filtros</Menu.Label>
              <Menu.Item onClick={() => void descargar('xlsx')}>Exportar Excel (XLSX)</Menu.Item>
              <Menu.Item onClick={() => void descargar('csv')}>Exportar CSV (;)</Menu.Item>
            </Menu.Dropdown>
          </Menu>
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
      <FiltrosPlegables>
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
          <Select
            label="Cobrador"
            description="Documentos de los clientes asignados al cobrador"
            clearable
            searchable
            placeholder="Todos"
            data={(cobradores.data ?? []).map((c) => ({ value: c.id, label: c.nombre }))}
            value={filtros.cobradorId ?? null}
            onChange={(v) => cambiar({ cobradorId: v })}
          />
          <Checkbox
            label="Incluir pagados"
            description={
              filtros.estado || filtros.fechaCorte
                ? 'Con un estado o una fecha de corte se muestran todos'
                : 'Por omisión sólo los documentos con saldo'
            }
            disabled={!!filtros.estado || !!filtros.fechaCorte}
            checked={filtros.conSaldo !== true}
            onChange={(e) => cambiar({ incluirPagados: e.currentTarget.checked ? true : null })}
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
      </FiltrosPlegables>
      {elegidos.size > 0 && (
        <Card withBorder aria-label="Documentos elegidos" component="section">
          <Group justify="space-between">
            <Text size="sm">
              {elegidos.size} documento(s) elegido(s)
              {pagoElegidos
                ? ''
                : ': para registrar un pago elija documentos con saldo de un mismo cliente y moneda'}
            </Text>
            <Group gap="xs">
              {tiene('editar') && pagoElegidos && (
                <Button size="xs" component={Link} to={pagoElegidos} leftSection={<IconCash size={14} />}>
                  Registrar pago de los elegidos
                </Button>
              )}
              <MenuExportar
                size="xs"
                etiqueta="Exportar elegidos"
                cargando={exportarElegidos.isPending}
                onExportar={(f) => void descargarElegidos(f)}
              />
              <Button size="xs" variant="default" onClick={() => setElegidos(new Map())}>
                Quitar selección
              </Button>
            </Group>
          </Group>
        </Card>
      )}
      <ListaPaginada
        consulta={documentos}
        vacio="No hay documentos que coincidan con los filtros."
        pagina={filtros.pagina}
        tamano={filtros.tamanoPagina}
        onPagina={(p) => cambiar({ pagina: p })}
        onTamano={(t) => cambiar({ tamanoPagina: t })}
      >
        {(items) => <TablaDocumentos documentos={items} seleccion={seleccion} />}
      </ListaPaginada>
      {totales.data && aNumero(totales.data.cantidad) ? (
        <Card withBorder data-testid="totales-documentos" aria-label="Totales del filtro" component="section">
          <Group gap="xl">
            <Text size="sm" fw={600}>
              Totales del filtro: {formatearNumero(aNumero(totales.data.cantidad) ?? 0)} documentos
            </Text>
            {totales.data.porMoneda.map((t) => (
              <Text size="sm" key={t.moneda}>
                {t.moneda}: total <strong>{formatearMonto(t.total, t.moneda)}</strong> · saldo{' '}
                <strong>{formatearMonto(t.saldo, t.moneda)}</strong>
              </Text>
            ))}
          </Group>
        </Card>
      ) : null}
    </Pagina>
  );
}
