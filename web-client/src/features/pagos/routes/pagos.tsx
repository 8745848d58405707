import { Anchor, Button, Checkbox, Select, SimpleGrid } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CeldaCliente } from '@/components/clientes/celda-cliente';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { ListaPaginada } from '@/components/ui/lista-paginada';
import { Pagina } from '@/components/ui/pagina';
import { Tabla } from '@/components/ui/tabla';
import { useAuth } from '@/lib/auth-contexto';
import { canalesPago, formatearMonto, nombreCanal } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { useFiltrosUrl } from '@/lib/use-filtros-url';
import { usePagos } from '@/features/pagos/api/use-pagos';
import { FiltrosPlegables } from '@/components/ui/filtros-plegables';
import { filtrosPagosDesdeUrl, ordenesPagos } from '@/features/pagos/components/filtros-url';

export default function PagosRoute() {
  const { tiene } = useAuth();
  const { filtros, cambiar } = useFiltrosUrl(filtrosPagosDesdeUrl);
  const pagos = usePagos(filtros);

  return (
    <Pagina
      titulo="Pagos"
      descripcion="Pagos recibidos y su aplicación"
      acciones={
        tiene('editar') && (
          <Button component={Link} to="/cartera/pagos/nuevo" leftSection={<IconCash size={16} />}>
            Registrar pago
          </Button>
        )
      }
    >
      <FiltrosPlegables>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <SelectorCliente value={filtros.clienteId ?? null} onChange={(v) => cambiar({ clienteId: v })} />
          <Select
            label="Canal"
            clearable
            placeholder="Todos"
            data={canalesPago}
            value={filtros.canal ?? null}
            onChange={(v) => cambiar({ canal: v })}
          />
          <Select
            label="Orden"
            data={ordenesPagos}
            allowDeselect={false}
            value={filtros.orden}
            onChange={(v) => cambiar({ orden: v })}
          />
          <CampoFecha
            label="Desde"
            clearable
            value={filtros.desde ?? null}
            onChange={(v) => cambiar({ desde: v })}
          />
          <CampoFecha
            label="Hasta"
            clearable
            value={filtros.hasta ?? null}
            onChange={(v) => cambiar({ hasta: v })}
          />
          <Checkbox
            mt={28}
            label="Solo con saldo a favor"
            checked={filtros.conSaldoAFavor === true}
            onChange={(e) => cambiar({ conSaldoAFavor: e.currentTarget.checked ? true : null })}
          />
        </SimpleGrid>
      </FiltrosPlegables>
      <ListaPaginada
        consulta={pagos}
        vacio="No hay pagos que coincidan con los filtros."
        pagina={filtros.pagina}
        tamano={filtros.tamanoPagina}
        onPagina={(p) => cambiar({ pagina: p })}
        onTamano={(t) => cambiar({ tamanoPagina: t })}
      >
        {(items) => (
          <Tabla
            etiqueta="Pagos"
            anchoMinimo={860}
            filas={items}
            clave={(p) => p.id}
            columnas={[
              {
                titulo: 'Fecha',
                sinCorte: true,
                celda: (p) => (
                  <Anchor component={Link} to={`/cartera/pagos/${p.id}`}>
                    {formatearFecha(p.fecha)}
                  </Anchor>
                ),
              },
              { titulo: 'Cliente', celda: (p) => <CeldaCliente cliente={p.cliente} enlace={false} /> },
              { titulo: 'Canal', celda: (p) => nombreCanal(p.canal) },
              { titulo: 'Referencia', celda: (p) => p.referencia },
              { titulo: 'Monto', derecha: true, celda: (p) => formatearMonto(p.monto, p.moneda) },
              { titulo: 'Aplicado', derecha: true, celda: (p) => formatearMonto(p.aplicado, p.moneda) },
              {
                titulo: 'Saldo a favor',
                derecha: true,
                td: (p) => ({ c: (aNumero(p.saldoAFavor) ?? 0) > 0 ? 'teal' : undefined }),
                celda: (p) => formatearMonto(p.saldoAFavor, p.moneda),
              },
            ]}
          />
        )}
      </ListaPaginada>
    </Pagina>
  );
}
