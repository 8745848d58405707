import { Anchor, Badge, Checkbox, Group, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EstadoCredito } from '@/components/ui/etiquetas';
import { Tabla } from '@/components/ui/tabla';
import { formatearRut } from '@/lib/rut';
import { aNumero, formatearPesos } from '@/lib/formato';
import type { ClienteResumen } from '@/features/clientes/api/tipos';

type CampoOrden = 'rut' | 'razonSocial' | 'saldo' | 'vencido';

/** Amounts sort from the largest first on the first click (what a collector looks for); names and RUTs A-Z first. */
const primeroDescendente: CampoOrden[] = ['saldo', 'vencido'];

function siguienteOrden(campo: CampoOrden, orden: string | undefined): string {
  const activo = orden === campo || orden === `-${campo}`;
  const desc = orden === `-${campo}`;
  if (!activo) return primeroDescendente.includes(campo) ? `-${campo}` : campo;
  return desc ? campo : `-${campo}`;
}

function ordenAria(campo: CampoOrden, orden: string | undefined) {
  if (orden === campo) return 'ascending' as const;
  if (orden === `-${campo}`) return 'descending' as const;
  return 'none' as const;
}

function Encabezado({
  campo,
  orden,
  onOrden,
  children,
}: {
  campo: CampoOrden;
  orden: string | undefined;
  onOrden: (o: string) => void;
  children: string;
}) {
  const aria = ordenAria(campo, orden);
  const Icono = aria === 'none' ? IconArrowsSort : aria === 'descending' ? IconArrowDown : IconArrowUp;
  return (
    <UnstyledButton onClick={() => onOrden(siguienteOrden(campo, orden))}>
      <Group gap={4} wrap="nowrap" justify={primeroDescendente.includes(campo) ? 'flex-end' : undefined}>
        <Text fw={700} size="sm">
          {children}
        </Text>
        <Icono size={14} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

/** The clients chosen in the list (to export only them): kept across pages, keyed by id. */
export interface SeleccionClientes {
  elegidos: ReadonlySet<string>;
  cambiar: (ids: string[], elegir: boolean) => void;
}

export function TablaClientes({
  clientes,
  orden,
  onOrden,
  nombreEjecutivo,
  seleccion,
}: {
  clientes: ClienteResumen[];
  orden: string | undefined;
  onOrden: (o: string) => void;
  nombreEjecutivo: (id: string | null) => string;
  seleccion?: SeleccionClientes;
}) {
  const ids = clientes.map((c) => c.id);
  const todos = ids.length > 0 && ids.every((id) => seleccion?.elegidos.has(id));
  const alguno = ids.some((id) => seleccion?.elegidos.has(id));
  const columnaSeleccion = seleccion
    ? [
        {
          titulo: (
            <Checkbox
              aria-label="Elegir todos los clientes de la página"
              checked={todos}
              indeterminate={alguno && !todos}
              onChange={(e) => seleccion.cambiar(ids, e.currentTarget.checked)}
            />
          ),
          celda: (c: ClienteResumen) => (
            <Checkbox
              aria-label={`Elegir ${c.razonSocial}`}
              checked={seleccion.elegidos.has(c.id)}
              onChange={(e) => seleccion.cambiar([c.id], e.currentTarget.checked)}
            />
          ),
        },
      ]
    : [];
  const enc = (campo: CampoOrden, texto: string) => (
    <Encabezado campo={campo} orden={orden} onOrden={onOrden}>
      {texto}
    </Encabezado>
  );
  return (
    <Tabla
      etiqueta="Clientes"
      anchoMinimo={960}
      filas={clientes}
      clave={(c) => c.id}
      columnas={[
        ...columnaSeleccion,
        {
          titulo: enc('razonSocial', 'Razón social'),
          ordenAria: ordenAria('razonSocial', orden),
          celda: (c) => (
            <>
              <Anchor component={Link} to={`/clientes/${c.id}`}>
                {c.razonSocial}
              </Anchor>
              {c.cuentaClave && (
                <Badge ml="xs" size="xs" color="grape" variant="light">
                  Cuenta clave
                </Badge>
              )}
              {c.nombreFantasia && (
                <Text size="xs" c="dimmed">
                  {c.nombreFantasia}
                </Text>
              )}
            </>
          ),
        },
        {
          titulo: enc('rut', 'RUT'),
          ordenAria: ordenAria('rut', orden),
          sinCorte: true,
          celda: (c) => formatearRut(c.rut),
        },
        {
          titulo: enc('saldo', 'Saldo'),
          ordenAria: ordenAria('saldo', orden),
          derecha: true,
          sinCorte: true,
          td: () => ({ fw: 500 }),
          celda: (c) => formatearPesos(c.saldo),
        },
        {
          titulo: enc('vencido', 'Vencido'),
          ordenAria: ordenAria('vencido', orden),
          derecha: true,
          sinCorte: true,
          td: (c) => ({ c: (aNumero(c.vencido) ?? 0) > 0 ? 'red' : undefined }),
          celda: (c) => formatearPesos(c.vencido),
        },
        { titulo: 'Segmento', celda: (c) => c.segmento },
        { titulo: 'Estado', sinCorte: true, celda: (c) => <EstadoCredito estado={c.estadoCredito} /> },
        { titulo: 'Ejecutivo', celda: (c) => nombreEjecutivo(c.ejecutivoId ?? null) },
        { titulo: 'Comuna / Región', celda: (c) => [c.comuna, c.region].filter(Boolean).join(', ') },
      ]}
    />
  );
}
