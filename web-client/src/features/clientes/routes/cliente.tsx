import { Badge, Button, Group, Modal, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { CobradorCliente } from '@/components/gestion/cobrador-cliente';
import { HistorialCliente } from '@/components/gestion/historial-cliente';
import { RegistrarActividad } from '@/components/gestion/registrar-actividad';
import { CompromisosCliente } from '@/components/gestion/compromisos-cliente';
import { DisputasCliente } from '@/components/gestion/disputas-cliente';
import { CorreosCliente } from '@/components/notificaciones/correos-cliente';
import { EnlacesPago } from '@/components/integraciones/enlaces-pago';
import { PrediccionCliente } from '@/components/cartera/prediccion-cliente';
import { CargosMoraCliente } from '@/components/cartera/cargos-mora-cliente';
import { CreditoCliente } from '@/components/clientes/credito-cliente';
import { DocumentacionCliente } from '@/components/clientes/documentacion-cliente';
import { ConveniosCliente } from '@/components/cartera/convenios-cliente';
import { JudicialCliente } from '@/components/judicial/judicial-cliente';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { EstadoCredito } from '@/components/ui/etiquetas';
import { Pagina } from '@/components/ui/pagina';
import { EtapaCliente, EtapaClienteBadge } from '@/components/gestion/etapa-cliente';
import { useAuth } from '@/lib/auth-contexto';
import { formatearRut } from '@/lib/rut';
import { useCliente } from '@/api/hooks/use-cliente';
import { useEjecutivos } from '@/api/hooks/use-ejecutivos';
import { CarteraCliente } from '@/features/clientes/components/cartera-cliente';
import { CondicionesCliente } from '@/features/clientes/components/condiciones-cliente';
import { ContactosCliente } from '@/features/clientes/components/contactos-cliente';
import { DatosCliente } from '@/features/clientes/components/datos-cliente';
import { EstadoCreditoCliente } from '@/features/clientes/components/estado-credito-cliente';
import { GruposCliente } from '@/features/clientes/components/grupos-cliente';

const pestanas = [
  'datos',
  'cartera',
  'actividades',
  'contactos',
  'condiciones',
  'grupos',
  'estado',
  'etapa',
  'compromisos',
  'disputas',
  'correos',
  'pago-en-linea',
  'cargos-mora',
  'credito',
  'documentacion',
  'convenios',
  'judicial',
] as const;

export default function ClienteRoute() {
  const { id = '' } = useParams();
  const { tiene, sesion } = useAuth();
  const [params, setParams] = useSearchParams();
  const cliente = useCliente(id);
  const ejecutivos = useEjecutivos();
  // The client page opens on what it owes: a collector's first question.
  const tab = pestanas.find((p) => p === params.get('tab')) ?? 'cartera';
  const [registrando, setRegistrando] = useState(false);

  if (cliente.isPending) return <Cargando />;
  if (cliente.isError)
    return <ErrorConsulta error={cliente.error} reintentar={() => void cliente.refetch()} />;
  const c = cliente.data;
  const ejecutivo = !c.ejecutivoId
    ? ''
    : c.ejecutivoId === sesion?.usuario?.id
      ? `${sesion.usuario.nombre} (usted)`
      : (ejecutivos.data?.find((u) => u.id === c.ejecutivoId)?.nombre ?? c.ejecutivoId);

  return (
    <Pagina
      tituloVentana={c.razonSocial}
      titulo={
        <Group gap="sm">
          {c.razonSocial}
          <EstadoCredito estado={c.estadoCredito} />
          <EtapaClienteBadge clienteId={c.id} />
          {c.consumidorEfectivo && (
            <Badge color="teal" variant="light" title="Ley 21.320: límites de contacto de cobranza">
              Consumidor
            </Badge>
          )}
          {c.cuentaClave && (
            <Badge color="grape" variant="light">
              Cuenta clave
            </Badge>
          )}
        </Group>
      }
      descripcion={`RUT ${formatearRut(c.rut)} · Segmento ${c.segmento}`}
      acciones={
        <>
          <Button variant="default" component={Link} to="/clientes">
            Volver
          </Button>
          <Button variant="default" component={Link} to={`/cartera/compensaciones?clienteId=${c.id}`}>
            Compensaciones
          </Button>
          {tiene('editar') && (
            <Button component={Link} to={`/clientes/${c.id}/editar`} leftSection={<IconPencil size={16} />}>
              Editar
            </Button>
          )}
        </>
      }
    >
      <CobradorCliente clienteId={c.id} />
      <Tabs
        value={tab}
        onChange={(t) => setParams(t && t !== 'cartera' ? { tab: t } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="cartera">Cartera</Tabs.Tab>
          <Tabs.Tab value="datos">Datos</Tabs.Tab>
          <Tabs.Tab value="actividades">Actividades</Tabs.Tab>
          <Tabs.Tab value="contactos">Contactos</Tabs.Tab>
          <Tabs.Tab value="condiciones">Condiciones y política</Tabs.Tab>
          <Tabs.Tab value="grupos">Grupos</Tabs.Tab>
          <Tabs.Tab value="estado">Estado de crédito</Tabs.Tab>
          <Tabs.Tab value="etapa">Etapa de cobranza</Tabs.Tab>
          <Tabs.Tab value="compromisos">Compromisos</Tabs.Tab>
          <Tabs.Tab value="disputas">Disputas</Tabs.Tab>
          <Tabs.Tab value="correos">Correos</Tabs.Tab>
          <Tabs.Tab value="pago-en-linea">Pago en línea</Tabs.Tab>
          <Tabs.Tab value="cargos-mora">Cargos de mora</Tabs.Tab>
          <Tabs.Tab value="credito">Crédito</Tabs.Tab>
          <Tabs.Tab value="documentacion">Documentación</Tabs.Tab>
          <Tabs.Tab value="convenios">Convenios</Tabs.Tab>
          <Tabs.Tab value="judicial">Judicial</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="credito">
          <CreditoCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="documentacion">
          <DocumentacionCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="convenios">
          <ConveniosCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="judicial">
          <JudicialCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="cargos-mora">
          <CargosMoraCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="pago-en-linea">
          <EnlacesPago clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="datos">
          <DatosCliente cliente={c} ejecutivo={ejecutivo} />
        </Tabs.Panel>
        <Tabs.Panel value="cartera">
          <Stack>
            <CarteraCliente clienteId={c.id} />
            <PrediccionCliente clienteId={c.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="actividades">
          <Stack>
            {tiene('editar') && (
              <Group justify="flex-end">
                <Button leftSection={<IconPlus size={16} />} onClick={() => setRegistrando(true)}>
                  Registrar actividad
                </Button>
              </Group>
            )}
            <HistorialCliente clienteId={c.id} />
          </Stack>
          <Modal
            opened={registrando}
            onClose={() => setRegistrando(false)}
            title="Registrar actividad"
            size="lg"
          >
            <RegistrarActividad
              clienteId={c.id}
              onRegistrada={() => setRegistrando(false)}
              onCancelar={() => setRegistrando(false)}
            />
          </Modal>
        </Tabs.Panel>
        <Tabs.Panel value="contactos">
          <ContactosCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="condiciones">
          <CondicionesCliente key={c.actualizado} cliente={c} />
        </Tabs.Panel>
        <Tabs.Panel value="grupos">
          <GruposCliente cliente={c} />
        </Tabs.Panel>
        <Tabs.Panel value="estado">
          <EstadoCreditoCliente cliente={c} />
        </Tabs.Panel>
        <Tabs.Panel value="etapa">
          <EtapaCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="compromisos">
          <CompromisosCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="disputas">
          <DisputasCliente clienteId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="correos">
          <CorreosCliente clienteId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Pagina>
  );
}
