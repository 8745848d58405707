import { Card } from '@mantine/core';
import { useNavigate } from 'react-router';
import { RequierePermiso } from '@/components/auth/requiere-sesion';
import { Pagina } from '@/components/ui/pagina';
import { notificarExito } from '@/lib/notificar';
import { useCrearCliente } from '@/features/clientes/api/use-crear-cliente';
import { ClienteForm } from '@/features/clientes/components/cliente-form';

export default function NuevoClienteRoute() {
  const crear = useCrearCliente();
  const navigate = useNavigate();
  return (
    <RequierePermiso permiso="editar">
      <Pagina titulo="Nuevo cliente">
        <Card withBorder>
          <ClienteForm
            textoGuardar="Crear cliente"
            onCancelar={() => navigate('/clientes')}
            onGuardar={async (datos) => {
              const c = await crear.mutateAsync(datos);
              notificarExito(`Cliente ${c.razonSocial} creado.`);
              navigate(`/clientes/${c.id}`);
            }}
          />
        </Card>
      </Pagina>
    </RequierePermiso>
  );
}
