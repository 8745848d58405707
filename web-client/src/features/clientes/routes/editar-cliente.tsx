import { Card } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { RequierePermiso } from '@/components/auth/requiere-sesion';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { notificarExito } from '@/lib/notificar';
import { useActualizarCliente } from '@/features/clientes/api/use-actualizar-cliente';
import { useCliente } from '@/api/hooks/use-cliente';
import { ClienteForm } from '@/features/clientes/components/cliente-form';

export default function EditarClienteRoute() {
  const { id = '' } = useParams();
  const cliente = useCliente(id);
  const actualizar = useActualizarCliente(id);
  const navigate = useNavigate();
  return (
    <RequierePermiso permiso="editar">
      {cliente.isPending ? (
        <Cargando />
      ) : cliente.isError ? (
        <ErrorConsulta error={cliente.error} />
      ) : (
        <Pagina titulo={`Editar ${cliente.data.razonSocial}`}>
          <Card withBorder>
            <ClienteForm
              cliente={cliente.data}
              onCancelar={() => navigate(`/clientes/${id}`)}
              onGuardar={async (datos) => {
                await actualizar.mutateAsync(datos);
                notificarExito('Cliente actualizado.');
                navigate(`/clientes/${id}`);
              }}
            />
          </Card>
        </Pagina>
      )}
    </RequierePermiso>
  );
}
