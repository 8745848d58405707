import { Anchor, Badge, Checkbox, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CeldaCliente } from '@/components/clientes/celda-cliente';
import { EstadoDocumento } from '@/components/ui/etiquetas';
import { Tabla } from '@/components/ui/tabla';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { colorEtapa, etiquetaEtapa } from '@/lib/etapas-cobranza';
import type { DocumentoResumen } from '@/api/tipos-cartera';

const diasVencido = (d: DocumentoResumen) => aNumero(d.diasVencido) ?? 0;

/** The documents chosen in the list (for a bulk action): kept across pages, keyed by id. */
export interface SeleccionDocumentos {
  elegidos: ReadonlyMap<string, DocumentoResumen>;
  cambiar: (documentos: DocumentoResumen[], elegir: boolean) => void;
}

export function TablaDocumentos({
  documentos,
  seleccion,
}: {
  documentos: DocumentoResumen[];
  seleccion?: SeleccionDocumentos;
}) {
  const todos = documentos.length > 0 && documentos.every((d) => seleccion?.elegidos.has(d.id));
  const alguno = documentos.some((d) => seleccion?.elegidos.has(d.id));
  const columnaSeleccion = seleccion
    ? [
        {
          titulo: (
            <Checkbox
              aria-label="Elegir todos los documentos de la página"
              checked={todos}
              indeterminate={alguno && !todos}
              onChange={(e) => seleccion.cambiar(documentos, e.currentTarget.checked)}
            />
          ),
          celda: (d: DocumentoResumen) => (
            <Checkbox
              aria-label={`Elegir ${nombreTipoDocumento(d.tipo)} N° ${d.folio}`}
              checked={seleccion.elegidos.has(d.id)}
              onChange={(e) => seleccion.cambiar([d], e.currentTarget.checked)}
            />
          ),
        },
      ]
    : [];
  return (
    <Tabla
      etiqueta="Documentos"
      anchoMinimo={900}
      filas={documentos}
      clave={(d) => d.id}
      columnas={[
        ...columnaSeleccion,
        {
          titulo: 'Documento',
          sinCorte: true,
          celda: (d) => (
            <>
              <Anchor component={Link} to={`/cartera/documentos/${d.id}`}>
                {nombreTipoDocumento(d.tipo)} N° {d.folio}
              </Anchor>
              {d.cedidoDelegadoA != null && (
                <Text size="xs" c="dimmed">
                  Cedido a {d.cedidoDelegadoA} (administración delegada)
                </Text>
              )}
            </>
          ),
        },
        { titulo: 'Cliente', celda: (d) => <CeldaCliente cliente={d.cliente} /> },
        { titulo: 'Emisión', sinCorte: true, celda: (d) => formatearFecha(d.fechaEmision) },
        { titulo: 'Vencimiento', sinCorte: true, celda: (d) => formatearFecha(d.fechaVencimiento) },
        { titulo: 'Total', derecha: true, sinCorte: true, celda: (d) => formatearMonto(d.total, d.moneda) },
        {
          titulo: 'Saldo',
          derecha: true,
          sinCorte: true,
          td: () => ({ fw: 500 }),
          celda: (d) => formatearMonto(d.saldo, d.moneda),
        },
        { titulo: 'Estado', celda: (d) => <EstadoDocumento estado={d.estado} /> },
        {
          titulo: 'Etapa',
          celda: (d) =>
            d.etapaCliente ? (
              <Badge color={colorEtapa(d.etapaCliente)} variant="light">
                {etiquetaEtapa(d.etapaCliente)}
              </Badge>
            ) : (
              '—'
            ),
        },
        {
          titulo: 'Días vencido',
          derecha: true,
          td: (d) => ({ c: diasVencido(d) > 0 ? 'red' : undefined }),
          celda: (d) => (diasVencido(d) > 0 ? diasVencido(d) : '—'),
        },
      ]}
    />
  );
}
