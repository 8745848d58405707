import { Button, Checkbox, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import type { Disputa } from '@/components/gestion/api/tipos';
import { useAbrirDisputa } from '@/components/gestion/api/use-abrir-disputa';
import { useDocumentosAbiertos } from '@/components/gestion/api/use-documentos-abiertos';
import { useMotivosDisputa } from '@/components/gestion/api/use-motivos-disputa';

/** Opens a dispute on documents of a client: controlled form, reason first (autofocus), Enter submits. */
export function AbrirDisputa({
  clienteId,
  onAbierta,
  onCancelar,
}: {
  clienteId: string;
  onAbierta?: (d: Disputa) => void;
  onCancelar?: () => void;
}) {
  const documentos = useDocumentosAbiertos(clienteId);
  const motivos = useMotivosDisputa();
  const abrir = useAbrirDisputa();
  const form = useForm({
    initialValues: { motivoId: null as string | null, documentoIds: [] as string[], notas: '' },
    validate: {
      motivoId: (v) => (v ? null : 'Elija el motivo.'),
      documentoIds: (v) => (v.length > 0 ? null : 'Elija al menos un documento.'),
    },
  });
  const lista = documentos.data ?? [];
  return (
    <form
      aria-label="Abrir disputa"
      onSubmit={form.onSubmit(async (v) => {
        try {
          const d = await abrir.mutateAsync({
            clienteId,
            documentoIds: v.documentoIds,
            motivoId: v.motivoId!,
            notas: v.notas.trim() || null,
            asignadoAId: null,
          });
          notificarExito('Disputa abierta: sus documentos salen del escalamiento mientras se revisa.');
          form.reset();
          onAbierta?.(d);
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <Select
          label="Motivo"
          data-autofocus
          searchable
          data={(motivos.data ?? []).map((m) => ({ value: m.id, label: m.nombre }))}
          {...form.getInputProps('motivoId')}
        />
        <Checkbox.Group label="Documentos en disputa" {...form.getInputProps('documentoIds')}>
          <Stack gap={4} mt={4}>
            {lista.length === 0 && (
              <Text size="sm" c="dimmed">
                {documentos.isPending ? 'Cargando documentos…' : 'El cliente no tiene documentos con saldo.'}
              </Text>
            )}
            {lista.map((d) => (
              <Checkbox
                key={d.id}
                value={d.id}
                label={`${d.tipo} ${d.folio} · vence ${formatearFecha(d.fechaVencimiento)} · saldo ${formatearPesos(d.saldo)}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label="Notas" autosize minRows={2} {...form.getInputProps('notas')} />
        <Group justify="flex-end">
          {onCancelar && (
            <Button variant="default" onClick={onCancelar}>
              Cancelar
            </Button>
          )}
          <Button type="submit" loading={abrir.isPending}>
            Abrir disputa
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
