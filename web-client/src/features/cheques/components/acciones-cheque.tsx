import { Button, Group, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingBank, IconCheck, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Elemento, Respuesta } from '@/api/types';
import { decimalesMoneda, formatearMonto } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import {
  useCobrarCheque,
  useDepositarCheque,
  useProtestarCheque,
} from '@/features/cheques/api/use-acciones-cheque';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';

export type Cheque = Elemento<Respuesta<'ListarCheques'>['items']>;

/** `Cheque 1234 de Cliente SpA por $1.000.000, fechado 05-03-2026` */
function describir(c: Cheque): string {
  return `Cheque${c.referencia ? ` ${c.referencia}` : ''} de ${c.cliente.razonSocial} por ${formatearMonto(
    c.monto,
    c.moneda,
  )}, fechado ${formatearFecha(c.fechaCheque)}`;
}

/** A button that opens a modal form; the modal closes only when the action succeeded. */
function AccionEnModal({
  boton,
  titulo,
  children,
}: {
  boton: (abrir: () => void) => ReactNode;
  titulo: string;
  children: (cerrar: () => void) => ReactNode;
}) {
  const [abierto, { open, close }] = useDisclosure(false);
  return (
    <>
      {boton(open)}
      <Modal opened={abierto} onClose={close} title={titulo} centered>
        {abierto && children(close)}
      </Modal>
    </>
  );
}

function Pie({
  cerrar,
  confirmar,
  color,
  cargando,
}: {
  cerrar: () => void;
  confirmar: string;
  color?: string;
  cargando: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={cerrar}>
        Cancelar
      </Button>
      <Button type="submit" color={color} loading={cargando}>
        {confirmar}
      </Button>
    </Group>
  );
}

function FormDeposito({ cheque, cerrar }: { cheque: Cheque; cerrar: () => void }) {
  const depositar = useDepositarCheque();
  const form = useForm({
    initialValues: { cuentaDeposito: '', fecha: hoySantiago() as string | null },
    validate: {
      cuentaDeposito: (v) => (v.trim() ? null : 'Indique la cuenta de depósito.'),
      fecha: (v) => (v ? null : 'Indique la fecha del depósito.'),
    },
  });
  return (
    <form
      aria-label="Depositar cheque"
      onSubmit={form.onSubmit(async (v) => {
        try {
          await depositar.mutateAsync({
            pagoId: cheque.pagoId,
            datos: { cuentaDeposito: v.cuentaDeposito.trim(), fecha: v.fecha },
          });
          notificarExito('Cheque depositado.');
          cerrar();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <Text size="sm">{describir(cheque)}.</Text>
        <TextInput
          label="Cuenta de depósito"
          description="Banco y número de la cuenta donde se deposita"
          placeholder="Banco de Chile 00-123-45678-09"
          data-autofocus
          {...form.getInputProps('cuentaDeposito')}
        />
        <CampoFecha label="Fecha del depósito" {...form.getInputProps('fecha')} />
        <Pie cerrar={cerrar} confirmar="Depositar" cargando={depositar.isPending} />
      </Stack>
    </form>
  );
}

function FormCobro({ cheque, cerrar }: { cheque: Cheque; cerrar: () => void }) {
  const cobrar = useCobrarCheque();
  const form = useForm({
    initialValues: { fecha: hoySantiago() as string | null },
    validate: { fecha: (v) => (v ? null : 'Indique la fecha en que el banco lo pagó.') },
  });
  return (
    <form
      aria-label="Marcar cheque cobrado"
      onSubmit={form.onSubmit(async (v) => {
        try {
          await cobrar.mutateAsync({ pagoId: cheque.pagoId, datos: { fecha: v.fecha } });
          notificarExito('Cheque cobrado: su monto se aplicó a los documentos del cliente.');
          cerrar();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <Text size="sm">
          {describir(cheque)}, depositado el {formatearFecha(cheque.fechaDeposito)}. Al marcarlo cobrado su
          monto se aplica a los documentos más antiguos del cliente.
        </Text>
        <CampoFecha label="Fecha del cobro" data-autofocus {...form.getInputProps('fecha')} />
        <Pie cerrar={cerrar} confirmar="Marcar cobrado" color="teal" cargando={cobrar.isPending} />
      </Stack>
    </form>
  );
}

function FormProtesto({ cheque, cerrar }: { cheque: Cheque; cerrar: () => void }) {
  const protestar = useProtestarCheque();
  const form = useForm({
    initialValues: { fecha: hoySantiago() as string | null, motivo: '', costo: 0 as number | string },
    validate: {
      fecha: (v) => (v ? null : 'Indique la fecha del protesto.'),
      motivo: (v) => (v.trim() ? null : 'Indique el motivo del protesto.'),
      costo: (v) => ((numeroONulo(v) ?? -1) >= 0 ? null : 'Indique el costo (0 si no hubo).'),
    },
  });
  return (
    <form
      aria-label="Protestar cheque"
      onSubmit={form.onSubmit(async (v) => {
        try {
          await protestar.mutateAsync({
            pagoId: cheque.pagoId,
            datos: { fecha: v.fecha, motivo: v.motivo.trim(), costo: numeroONulo(v.costo) ?? 0 },
          });
          notificarExito('Cheque protestado: los documentos que pagaba vuelven a quedar por cobrar.');
          cerrar();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <Text size="sm">
          {describir(cheque)}. Al protestarlo se reversan sus aplicaciones: los documentos que pagaba vuelven
          a deber.
        </Text>
        <CampoFecha label="Fecha del protesto" {...form.getInputProps('fecha')} />
        <Textarea
          label="Motivo"
          placeholder="Falta de fondos"
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('motivo')}
        />
        <NumberInput
          label="Costo del protesto ($)"
          description="Comisión que cobró el banco"
          min={0}
          decimalScale={decimalesMoneda(cheque.moneda)}
          thousandSeparator="."
          decimalSeparator=","
          {...form.getInputProps('costo')}
        />
        <Pie cerrar={cerrar} confirmar="Protestar" color="red" cargando={protestar.isPending} />
      </Stack>
    </form>
  );
}

/** The day-to-day actions on a cheque, by its state: deposit, mark cleared, protest. */
export function AccionesCheque({ cheque }: { cheque: Cheque }) {
  const etiqueta = cheque.referencia ? ` ${cheque.referencia}` : '';
  return (
    <Group gap="xs" wrap="nowrap">
      {cheque.estado === 'en_cartera' && (
        <AccionEnModal
          titulo="Depositar cheque"
          boton={(abrir) => (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconBuildingBank size={14} />}
              aria-label={`Depositar cheque${etiqueta}`}
              onClick={abrir}
            >
              Depositar
            </Button>
          )}
        >
          {(cerrar) => <FormDeposito cheque={cheque} cerrar={cerrar} />}
        </AccionEnModal>
      )}
      {cheque.estado === 'depositado' && (
        <AccionEnModal
          titulo="Marcar cheque cobrado"
          boton={(abrir) => (
            <Button
              size="xs"
              variant="light"
              color="teal"
              leftSection={<IconCheck size={14} />}
              aria-label={`Marcar cobrado cheque${etiqueta}`}
              onClick={abrir}
            >
              Marcar cobrado
            </Button>
          )}
        >
          {(cerrar) => <FormCobro cheque={cheque} cerrar={cerrar} />}
        </AccionEnModal>
      )}
      {(cheque.estado === 'depositado' || cheque.estado === 'cobrado') && (
        <AccionEnModal
          titulo="Protestar cheque"
          boton={(abrir) => (
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconX size={14} />}
              aria-label={`Protestar cheque${etiqueta}`}
              onClick={abrir}
            >
              Protestar
            </Button>
          )}
        >
          {(cerrar) => <FormProtesto cheque={cheque} cerrar={cerrar} />}
        </AccionEnModal>
      )}
    </Group>
  );
}
