import { Button, Card, Checkbox, Group, Menu, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { estadosCredito } from '@/lib/estados-credito';
import { useAuth } from '@/lib/auth-contexto';
import { notificarError } from '@/lib/notificar';
import { useClientes } from '@/features/clientes/api/use-clientes';
import { useEjecutivos } from '@/api/hooks/use-ejecutivos';
import {
  useExportarClientes,
  useExportarClientesElegidos,
  type FormatoExportacion,
} from '@/features/clientes/api/use-exportar-clientes';
import { MenuExportar } from '@/components/ui/menu-exportar';
import { useGruposClientes } from '@/api/hooks/use-grupos-clientes';
import { usePoliticasCredito } from '@/api/hooks/use-politicas-credito';
import { filtrosDesdeUrl, ordenes } from '@/features/clientes/components/filtros-url';
import { useFiltrosUrl } from '@/lib/use-filtros-url';
import { ListaPaginada } from '@/components/ui/lista-paginada';
import { FiltrosPlegables } from '@/components/ui/filtros-plegables';
import { TablaClientes } from '@/features/clientes/components/tabla-clientes';

export default function ClientesRoute() {
  const { tiene, sesion } = useAuth();
  const miId = sesion?.usuario?.id;
  const { filtros, cambiar } = useFiltrosUrl(filtrosDesdeUrl);
  const clientes = useClientes(filtros);
  const politicas = usePoliticasCredito();
  const grupos = useGruposClientes();
  const ejecutivos = useEjecutivos();
  const exportar = useExportarClientes();
  const exportarElegidos = useExportarClientesElegidos();
  const [elegidos, setElegidos] = useState<ReadonlySet<string>>(new Set());
  const seleccion = {
    elegidos,
    cambiar: (ids: string[], elegir: boolean) =>
      setElegidos((previo) => {
        const n = new Set(previo);
        for (const id of ids) {
          if (elegir) n.add(id);
          else n.delete(id);
        }
        return n;
      }),
  };
  const descargarElegidos = async (formato: FormatoExportacion) => {
    try {
      await exportarElegidos.mutateAsync({ formato, ids: [...elegidos] });
    } catch (e) {
      notificarError(e, 'No se pudo exportar');
    }
  };
  const [buscar, setBuscar] = useState(filtros.buscar ?? '');

  const buscarConRetardo = useDebouncedCallback((v: string) => cambiar({ buscar: v.trim() }), 350);

  const nombreEjecutivo = (id: string | null) => {
    if (!id) return '';
    if (id === miId) return 'Usted';
    return ejecutivos.data?.find((x) => x.id === id)?.nombre ?? 'Asignado';
  };

  const descargar = async (formato: FormatoExportacion) => {
    try {
      await exportar.mutateAsync({ formato, filtros });
    } catch (e) {
      notificarError(e, 'No se pudo exportar');
    }
  };

  return (
    <Pagina
      titulo="Clientes"
      descripcion="Cartera de clientes de la empresa"
      acciones={
        <>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportar.isPending}>
                Exportar
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void descargar('xlsx')}>Exportar Excel (XLSX)</Menu.Item>
              <Menu.Item onClick={() => void descargar('csv')}>Exportar CSV (;)</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {tiene('editar') && (
            <Button component={Link} to="/clientes/nuevo" leftSection={<IconPlus size={16} />}>
              Nuevo cliente
            </Button>
          )}
        </>
      }
    >
      <FiltrosPlegables>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label="Buscar"
            placeholder="RUT o nombre"
            leftSection={<IconSearch size={16} />}
            value={buscar}
            onChange={(e) => {
              setBuscar(e.currentTarget.value);
              buscarConRetardo(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') cambiar({ buscar: buscar.trim() });
            }}
          />
          <Select
            label="Segmento"
            clearable
            placeholder="Todos"
            data={(politicas.data ?? []).map((p) => p.segmento)}
            value={filtros.segmento ?? null}
            onChange={(v) => cambiar({ segmento: v })}
          />
          <Select
            label="Estado de crédito"
            clearable
            placeholder="Todos"
            data={estadosCredito}
            value={filtros.estado ?? null}
            onChange={(v) => cambiar({ estado: v })}
          />
          <Select
            label="Grupo"
            clearable
            searchable
            placeholder="Todos"
            data={(grupos.data ?? []).map((g) => ({ value: g.id, label: g.nombre }))}
            value={filtros.grupoId ?? null}
            onChange={(v) => cambiar({ grupoId: v })}
          />
          <Select
            label="Ejecutivo"
            clearable
            searchable
            placeholder="Todos"
            data={(ejecutivos.data ?? []).map((u) => ({ value: u.id, label: u.nombre }))}
            value={filtros.ejecutivoId ?? null}
            onChange={(v) => cambiar({ ejecutivoId: v })}
          />
          <Select
            label="Cuenta clave"
            clearable
            placeholder="Todas"
            data={[
              { value: 'true', label: 'Solo cuentas clave' },
              { value: 'false', label: 'Sin cuentas clave' },
            ]}
            value={filtros.cuentaClave === undefined ? null : String(filtros.cuentaClave)}
            onChange={(v) => cambiar({ cuentaClave: v })}
          />
          <Checkbox
            label="Mis clientes"
            description="Los asignados al cobrador que usted es"
            checked={filtros.misClientes === true}
            onChange={(e) => cambiar({ misClientes: e.currentTarget.checked ? true : null })}
          />
          <Select
            label="Orden"
            data={ordenes}
            placeholder="Razón social (A-Z)"
            clearable
            value={filtros.orden ?? null}
            onChange={(v) => cambiar({ orden: v })}
          />
        </SimpleGrid>
      </FiltrosPlegables>
      {elegidos.size > 0 && (
        <Card withBorder aria-label="Clientes elegidos" component="section">
          <Group justify="space-between">
            <Text size="sm">{elegidos.size} cliente(s) elegido(s)</Text>
            <Group gap="xs">
              <MenuExportar
                size="xs"
                etiqueta="Exportar elegidos"
                cargando={exportarElegidos.isPending}
                onExportar={(f) => void descargarElegidos(f)}
              />
              <Button size="xs" variant="default" onClick={() => setElegidos(new Set())}>
                Quitar selección
              </Button>
            </Group>
          </Group>
        </Card>
      )}
      <ListaPaginada
        consulta={clientes}
        vacio="No hay clientes que coincidan con los filtros."
        pagina={filtros.pagina}
        tamano={filtros.tamanoPagina}
        onPagina={(p) => cambiar({ pagina: p })}
        onTamano={(t) => cambiar({ tamanoPagina: t })}
      >
        {(items) => (
          <TablaClientes
            clientes={items}
            orden={filtros.orden}
            onOrden={(o) => cambiar({ orden: o })}
            nombreEjecutivo={nombreEjecutivo}
            seleccion={seleccion}
          />
        )}
      </ListaPaginada>
    </Pagina>
  );
}
