import { Anchor, Badge, Select, SimpleGrid, Tabs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { useCheques, type FiltrosCheques } from '@/features/cheques/api/use-cheques';
import { AccionesCheque } from '@/features/cheques/components/acciones-cheque';
import { useFiltrosUrl } from '@/lib/use-filtros-url';
import { ListaPaginada } from '@/components/ui/lista-paginada';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Tabla } from '@/components/ui/tabla';
import { CeldaCliente } from '@/components/clientes/celda-cliente';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { FiltrosPlegables } from '@/components/ui/filtros-plegables';
import { hoySantiago } from '@/lib/fecha-negocio';

const estados = [
  { value: 'en_cartera', label: 'En cartera', color: 'blue' },
  { value: 'depositado', label: 'Depositado', color: 'yellow' },
  { value: 'cobrado', label: 'Cobrado', color: 'teal' },
  { value: 'protestado', label: 'Protestado', color: 'red' },
];

/** The board's sections, each one a query of GET /cheques (estado + venceHasta). */
const secciones = [
  {
    value: 'por_depositar',
    label: 'Por depositar hoy',
    filtros: (hoy: string) => ({ estado: 'en_cartera', venceHasta: hoy }),
  },
  { value: 'en_cartera', label: 'En cartera (a fecha)', filtros: () => ({ estado: 'en_cartera' }) },
  { value: 'depositados', label: 'Depositados', filtros: () => ({ estado: 'depositado' }) },
  { value: 'protestados', label: 'Protestados', filtros: () => ({ estado: 'protestado' }) },
  { value: 'todos', label: 'Todos', filtros: () => ({}) },
] as const;

type Seccion = (typeof secciones)[number]['value'];

function EstadoCheque({ estado }: { estado: string }) {
  const e = estados.find((x) => x.value === estado);
  return (
    <Badge color={e?.color ?? 'gray'} variant="light">
      {e?.label ?? estado}
    </Badge>
  );
}

function Contador({ filtros }: { filtros: FiltrosCheques }) {
  const q = useCheques({ ...filtros, pagina: 1, tamanoPagina: 1 });
  const n = aNumero(q.data?.total);
  return n === null ? null : (
    <Badge size="sm" variant="light" color={n > 0 ? 'blue' : 'gray'} ml={4}>
      {n}
    </Badge>
  );
}

export default function ChequesRoute() {
  const { tiene } = useAuth();
  const { params, cambiar } = useFiltrosUrl((p) => p);
  const hoy = hoySantiago();
  const texto = (k: string) => params.get(k)?.trim() || undefined;
  const seccion: Seccion = secciones.find((s) => s.value === params.get('vista'))?.value ?? 'por_depositar';
  const pagina = Math.max(1, Number(params.get('pagina')) || 1);
  const tamanoPagina = 25;
  const clienteId = texto('clienteId');
  const base = secciones.find((s) => s.value === seccion)!.filtros(hoy);
  const filtros: FiltrosCheques = {
    clienteId,
    ...(seccion === 'todos' ? { estado: texto('estado'), venceHasta: texto('venceHasta') } : base),
    pagina,
    tamanoPagina,
  };
  const cheques = useCheques(filtros);
  const editar = tiene('editar');

  return (
    <Pagina titulo="Cheques" descripcion="Cheques a fecha: depositar, marcar cobrados y protestos">
      <FiltrosPlegables>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <SelectorCliente value={clienteId ?? null} onChange={(v) => cambiar({ clienteId: v })} />
          {seccion === 'todos' && (
            <>
              <Select
                label="Estado"
                clearable
                placeholder="Todos"
                data={estados}
                value={texto('estado') ?? null}
                onChange={(v) => cambiar({ estado: v })}
              />
              <CampoFecha
                label="Fecha del cheque hasta"
                clearable
                value={texto('venceHasta') ?? null}
                onChange={(v) => cambiar({ venceHasta: v })}
              />
            </>
          )}
        </SimpleGrid>
      </FiltrosPlegables>
      <Tabs
        value={seccion}
        onChange={(v) => cambiar({ vista: v === 'por_depositar' ? null : v, estado: null, venceHasta: null })}
      >
        <Tabs.List>
          {secciones.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
              {s.value !== 'todos' && <Contador filtros={{ clienteId, ...s.filtros(hoy) }} />}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* The list is the selected tab's panel, so the tab's aria-controls names an element that exists. */}
        <Tabs.Panel value={seccion} pt="md">
          <ListaPaginada
            consulta={cheques}
            vacio={
              seccion === 'por_depositar'
                ? 'No hay cheques para depositar hoy.'
                : 'No hay cheques que coincidan con los filtros.'
            }
            pagina={pagina}
            tamano={tamanoPagina}
            onPagina={(p) => cambiar({ pagina: p })}
          >
            {(items) => (
              <Tabla
                etiqueta="Cheques"
                anchoMinimo={1000}
                filas={items}
                clave={(c) => c.pagoId}
                columnas={[
                  {
                    titulo: 'Recibido',
                    celda: (c) => (
                      <Anchor component={Link} to={`/cartera/pagos/${c.pagoId}`}>
                        {formatearFecha(c.fecha)}
                      </Anchor>
                    ),
                  },
                  { titulo: 'Fecha del cheque', celda: (c) => formatearFecha(c.fechaCheque) },
                  { titulo: 'Cliente', celda: (c) => <CeldaCliente cliente={c.cliente} /> },
                  { titulo: 'Referencia', celda: (c) => c.referencia },
                  { titulo: 'Monto', derecha: true, celda: (c) => formatearMonto(c.monto, c.moneda) },
                  { titulo: 'Estado', celda: (c) => <EstadoCheque estado={c.estado} /> },
                  {
                    titulo: 'Detalle',
                    celda: (c) => (
                      <Text size="xs">
                        {c.fechaDeposito && `Depositado ${formatearFecha(c.fechaDeposito)}`}
                        {c.cuentaDeposito && ` en ${c.cuentaDeposito}`}
                        {c.fechaCobro && ` · Cobrado ${formatearFecha(c.fechaCobro)}`}
                        {c.fechaProtesto &&
                          ` · Protestado ${formatearFecha(c.fechaProtesto)}: ${c.motivoProtesto ?? ''}${
                            c.costoProtesto !== null
                              ? ` (costo ${formatearMonto(c.costoProtesto, c.moneda)})`
                              : ''
                          }`}
                      </Text>
                    ),
                  },
                  editar && { titulo: 'Acciones', celda: (c) => <AccionesCheque cheque={c} /> },
                ]}
              />
            )}
          </ListaPaginada>
        </Tabs.Panel>
      </Tabs>
    </Pagina>
  );
}
