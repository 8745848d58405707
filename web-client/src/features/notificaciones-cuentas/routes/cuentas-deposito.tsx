import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import {
  useAccionCuentaDeposito,
  useCuentasDeposito,
  useGuardarCuentaDeposito,
  type AccionCuenta,
  type CuentaDeposito,
  type DatosCuentaDeposito,
} from '@/features/notificaciones-cuentas/api/use-cuentas-deposito';
import { CampoRut } from '@/components/ui/campo-rut';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { erroresDeCampos } from '@/lib/errores-formulario';
import { notificarError, notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';

const tipos = [
  { value: 'corriente', label: 'Cuenta corriente' },
  { value: 'vista', label: 'Cuenta vista' },
  { value: 'ahorro', label: 'Cuenta de ahorro' },
  { value: 'rut', label: 'CuentaRUT' },
];

const vacia: DatosCuentaDeposito = {
  banco: '',
  tipoCuenta: 'corriente',
  numero: '',
  titular: '',
  rutTitular: '',
  emailNotificacion: '',
};

const campos = ['banco', 'tipoCuenta', 'numero', 'titular', 'rutTitular', 'emailNotificacion'] as const;

function FormularioCuenta({
  inicial,
  id,
  cerrar,
}: {
  inicial: DatosCuentaDeposito;
  id?: string;
  cerrar: () => void;
}) {
  const [datos, setDatos] = useState(inicial);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const guardar = useGuardarCuentaDeposito();
  const cambiar = (campo: keyof DatosCuentaDeposito, valor: string) =>
    setDatos((d) => ({ ...d, [campo]: valor }));
  return (
    <form
      aria-label={id ? 'Editar cuenta de depósito' : 'Nueva cuenta de depósito'}
      onSubmit={(ev) => {
        ev.preventDefault();
        guardar
          .mutateAsync({ id, datos: { ...datos, emailNotificacion: datos.emailNotificacion || null } })
          .then(() => {
            notificarExito(id ? 'Cuenta actualizada.' : 'Cuenta creada.');
            cerrar();
          })
          .catch((e: unknown) => {
            const r = erroresDeCampos(e, campos.map((c) => `cuerpo.${c}`).concat(campos));
            const porCampo: Record<string, string> = {};
            for (const [k, v] of Object.entries(r.campos)) porCampo[k.replace(/^cuerpo\./, '')] = v;
            setErrores(porCampo);
            if (Object.keys(porCampo).length === 0) notificarError(e);
          });
      }}
    >
      <Stack>
        <TextInput
          label="Banco"
          required
          value={datos.banco}
          error={errores.banco}
          onChange={(e) => cambiar('banco', e.currentTarget.value)}
        />
        <Select
          label="Tipo de cuenta"
          data={tipos}
          value={datos.tipoCuenta}
          error={errores.tipoCuenta}
          allowDeselect={false}
          onChange={(v) => cambiar('tipoCuenta', v ?? 'corriente')}
        />
        <TextInput
          label="Número de cuenta"
          required
          value={datos.numero}
          error={errores.numero}
          onChange={(e) => cambiar('numero', e.currentTarget.value)}
        />
        <TextInput
          label="Titular"
          required
          value={datos.titular}
          error={errores.titular}
          onChange={(e) => cambiar('titular', e.currentTarget.value)}
        />
        <CampoRut
          label="RUT del titular"
          required
          value={datos.rutTitular}
          error={errores.rutTitular}
          onChange={(v) => cambiar('rutTitular', typeof v === 'string' ? v : v.currentTarget.value)}
        />
        <TextInput
          label="Correo para comprobantes"
          type="email"
          value={datos.emailNotificacion ?? ''}
          error={errores.emailNotificacion}
          onChange={(e) => cambiar('emailNotificacion', e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>
            Cancelar
          </Button>
          <Button type="submit" color="blue.8" loading={guardar.isPending}>
            Guardar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FilaCuenta({ c, editar }: { c: CuentaDeposito; editar: () => void }) {
  const accion = useAccionCuentaDeposito();
  const ejecutar = (a: AccionCuenta, mensaje: string) =>
    accion
      .mutateAsync({ id: c.id, accion: a })
      .then(() => notificarExito(mensaje))
      .catch((e: unknown) => notificarError(e));
  return (
    <Table.Tr>
      <Table.Td>{c.banco}</Table.Td>
      <Table.Td>{tipos.find((t) => t.value === c.tipoCuenta)?.label ?? c.tipoCuenta}</Table.Td>
      <Table.Td>{c.numero}</Table.Td>
      <Table.Td>
        {c.titular}
        <br />
        {formatearRut(c.rutTitular)}
      </Table.Td>
      <Table.Td>{c.emailNotificacion ?? '—'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {c.porDefecto && (
            <Badge variant="outline" color="blue.9">
              Por defecto
            </Badge>
          )}
          {c.activa ? (
            <Badge variant="outline" color="#237032">
              Activa
            </Badge>
          ) : (
            <Badge variant="outline" color="gray.7">
              Inactiva
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={editar} aria-label={`Editar cuenta ${c.numero}`}>
            Editar
          </Button>
          {c.activa && !c.porDefecto && (
            <Button
              size="xs"
              variant="default"
              onClick={() => void ejecutar('por-defecto', 'Cuenta marcada por defecto.')}
            >
              Marcar por defecto
            </Button>
          )}
          {c.activa ? (
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              onClick={() => void ejecutar('desactivar', 'Cuenta desactivada.')}
            >
              Desactivar
            </Button>
          ) : (
            <Button
              size="xs"
              variant="default"
              onClick={() => void ejecutar('reactivar', 'Cuenta reactivada.')}
            >
              Reactivar
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export default function CuentasDepositoRoute() {
  const [inactivas, setInactivas] = useState(false);
  const cuentas = useCuentasDeposito(inactivas);
  const [edicion, setEdicion] = useState<{ id?: string; datos: DatosCuentaDeposito } | null>(null);
  return (
    <Pagina
      titulo="Cuentas de depósito"
      descripcion="Las cuentas donde sus clientes depositan o transfieren; los correos que las incluyen muestran la cuenta por defecto primero."
    >
      <Group justify="space-between">
        <Switch
          label="Mostrar inactivas"
          checked={inactivas}
          onChange={(e) => setInactivas(e.currentTarget.checked)}
        />
        <Button color="blue.8" onClick={() => setEdicion({ datos: vacia })}>
          Nueva cuenta
        </Button>
      </Group>
      {cuentas.isPending ? (
        <Cargando />
      ) : cuentas.isError ? (
        <ErrorConsulta error={cuentas.error} reintentar={() => void cuentas.refetch()} />
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Cuentas de depósito">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Banco</Table.Th>
                <Table.Th>Tipo</Table.Th>
                <Table.Th>Número</Table.Th>
                <Table.Th>Titular</Table.Th>
                <Table.Th>Correo</Table.Th>
                <Table.Th>Estado</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Acciones</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cuentas.data.map((c) => (
                <FilaCuenta
                  key={c.id}
                  c={c}
                  editar={() =>
                    setEdicion({
                      id: c.id,
                      datos: {
                        banco: c.banco,
                        tipoCuenta: c.tipoCuenta,
                        numero: c.numero,
                        titular: c.titular,
                        rutTitular: formatearRut(c.rutTitular),
                        emailNotificacion: c.emailNotificacion ?? '',
                      },
                    })
                  }
                />
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal
        opened={edicion !== null}
        onClose={() => setEdicion(null)}
        title={edicion?.id ? 'Editar cuenta' : 'Nueva cuenta'}
      >
        {edicion && (
          <FormularioCuenta inicial={edicion.datos} id={edicion.id} cerrar={() => setEdicion(null)} />
        )}
      </Modal>
    </Pagina>
  );
}
