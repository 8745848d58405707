import { Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { formatearMonto } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import type { Documento } from '@/api/tipos-cartera';
import { useLetra } from '@/features/documentos/api/use-letras';
import { CampoFecha } from '@/components/ui/campo-fecha';

interface Campos {
  fecha: string | null;
  banco: string;
  motivo: string;
  costo: number | string;
}

/** A button opening a confirmation dialog with the fields of the action; server errors go to the fields. */
function AccionLetra({
  boton,
  titulo,
  mensaje,
  confirmar,
  color,
  hoy,
  con,
  onConfirm,
}: {
  boton: string;
  titulo: string;
  mensaje: ReactNode;
  confirmar: string;
  color: string;
  hoy: string;
  con: ('banco' | 'motivo' | 'costo')[];
  onConfirm: (v: Campos) => Promise<unknown>;
}) {
  const [abierto, { open, close }] = useDisclosure(false);
  const form = useForm<Campos>({
    initialValues: { fecha: hoy, banco: '', motivo: '', costo: 0 },
    validate: {
      fecha: (v) => (v ? null : 'Indique la fecha.'),
      banco: (v) => (con.includes('banco') && !v.trim() ? 'Indique el banco.' : null),
      motivo: (v) => (con.includes('motivo') && !v.trim() ? 'Indique el motivo.' : null),
      costo: (v) => {
        if (!con.includes('costo')) return null;
        const n = numeroONulo(v);
        return n !== null && n >= 0 ? null : 'Indique el costo (0 si no tuvo).';
      },
    },
  });
  return (
    <>
      <Button variant="light" color={color} onClick={open}>
        {boton}
      </Button>
      <Modal opened={abierto} onClose={close} title={titulo} centered>
        <form
          aria-label={titulo}
          onSubmit={form.onSubmit(async (v) => {
            try {
              await onConfirm(v);
              form.reset();
              close();
            } catch (e) {
              mostrarErrorEnFormulario(form, e, ['fecha', ...con]);
            }
          })}
        >
          <Stack>
            <Text size="sm">{mensaje}</Text>
            {con.includes('banco') && (
              <TextInput label="Banco" data-autofocus {...form.getInputProps('banco')} />
            )}
            <CampoFecha label="Fecha" {...form.getInputProps('fecha')} />
            {con.includes('motivo') && (
              <Textarea label="Motivo" autosize minRows={2} {...form.getInputProps('motivo')} />
            )}
            {con.includes('costo') && (
              <NumberInput
                label="Costo del protesto"
                min={0}
                decimalScale={0}
                thousandSeparator="."
                decimalSeparator=","
                prefix="$"
                {...form.getInputProps('costo')}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancelar
              </Button>
              <Button type="submit" color={color} loading={form.submitting}>
                {confirmar}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Actions of a letra or pagaré with balance in the company's own collection. */
export function AccionesLetra({ documento: d, hoy }: { documento: Documento; hoy: string }) {
  const letra = useLetra(d.id);
  const enBanco = d.cobranzaBancaria?.vigente === true;
  return (
    <>
      {!enBanco && !d.protesto && (
        <AccionLetra
          boton="Enviar a cobranza bancaria"
          titulo="Enviar a cobranza bancaria"
          mensaje="El banco cobra el documento al cliente; sigue en la cartera de la empresa hasta que se pague, se retire o se proteste."
          confirmar="Enviar al banco"
          color="blue"
          hoy={hoy}
          con={['banco']}
          onConfirm={async (v) => {
            await letra.enviar.mutateAsync({ banco: v.banco.trim(), fecha: v.fecha ?? '' });
            notificarExito('Documento enviado a cobranza bancaria.');
          }}
        />
      )}
      {enBanco && (
        <AccionLetra
          boton="Retirar del banco"
          titulo="Retirar del banco"
          mensaje={`El documento vuelve de ${d.cobranzaBancaria?.banco ?? 'el banco'} a la cobranza propia.`}
          confirmar="Retirar"
          color="blue"
          hoy={hoy}
          con={['motivo']}
          onConfirm={async (v) => {
            await letra.retirar.mutateAsync({ fecha: v.fecha ?? '', motivo: v.motivo.trim() });
            notificarExito('Documento retirado del banco.');
          }}
        />
      )}
      {!d.protesto && (
        <AccionLetra
          boton="Protestar"
          titulo="Protestar documento"
          mensaje="Protesto notarial por falta de pago de una cuota vencida: el documento queda protestado y sale de la cobranza bancaria."
          confirmar="Protestar"
          color="orange"
          hoy={hoy}
          con={['motivo', 'costo']}
          onConfirm={async (v) => {
            await letra.protestar.mutateAsync({
              fecha: v.fecha ?? '',
              motivo: v.motivo.trim(),
              costo: numeroONulo(v.costo) ?? 0,
            });
            notificarExito('Documento protestado.');
          }}
        />
      )}
    </>
  );
}

/** The bank collection and protest of the document, when it has them. */
export function DatosLetra({ documento: d }: { documento: Documento }) {
  const c = d.cobranzaBancaria;
  const p = d.protesto;
  if (!c && !p) return null;
  return (
    <Stack gap={4} mt="md" data-testid="datos-letra">
      {c && (
        <Text size="sm" c={c.vigente ? 'blue' : 'dimmed'} data-testid="cobranza-bancaria">
          {c.vigente
            ? `En cobranza bancaria en ${c.banco} desde el ${formatearFecha(c.fechaEnvio)}`
            : `Estuvo en cobranza en ${c.banco} desde el ${formatearFecha(c.fechaEnvio)}` +
              (c.fechaRetiro
                ? `; retirado el ${formatearFecha(c.fechaRetiro)}`
                : p
                  ? ', hasta el protesto'
                  : ', hasta su pago') +
              (c.motivoRetiro ? `: ${c.motivoRetiro}` : '')}
        </Text>
      )}
      {p && (
        <Text size="sm" c="orange" data-testid="protesto-documento">
          Protestado el {formatearFecha(p.fecha)}: {p.motivo} · costo del protesto{' '}
          {formatearMonto(p.costo, 'CLP')}
        </Text>
      )}
    </Stack>
  );
}
