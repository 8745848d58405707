import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Cuerpo, Respuesta, Elemento } from '@/api/types';
import { canales, tiposDeActividad } from '@/features/gestion-actividades/components/opciones-tipo-actividad';
import { erroresDeCampos } from '@/lib/errores-formulario';

export type TipoActividad = Elemento<Respuesta<'ListarTiposActividad'>>;

export function TipoActividadForm({
  tipo,
  onGuardar,
  onCancelar,
}: {
  tipo?: TipoActividad;
  onGuardar: (body: Cuerpo<'CrearTipoActividad'>) => Promise<unknown>;
  onCancelar: () => void;
}) {
  const [otros, setOtros] = useState<string[]>([]);
  const form = useForm({
    initialValues: {
      nombre: tipo?.nombre ?? '',
      tipo: tipo?.tipo ?? 'llamada',
      descripcion: tipo?.descripcion ?? '',
      canal: tipo?.canal ?? 'telefono',
    },
    validate: {
      nombre: (v) => (v.trim() ? null : 'Indique el nombre.'),
    },
  });
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onGuardar({
            nombre: v.nombre.trim(),
            tipo: v.tipo,
            canal: v.canal,
            descripcion: v.descripcion.trim() || null,
          });
        } catch (e) {
          const { campos, otros: resto } = erroresDeCampos(e, ['nombre', 'tipo', 'canal', 'descripcion']);
          form.setErrors(campos);
          setOtros(resto.length || Object.keys(campos).length ? resto : [String((e as Error).message)]);
        }
      })}
    >
      <Stack>
        <TextInput label="Nombre" required data-autofocus {...form.getInputProps('nombre')} />
        <Select label="Tipo" data={tiposDeActividad} allowDeselect={false} {...form.getInputProps('tipo')} />
        <Select
          label="Canal"
          description="Las reglas de contacto (Ley 21.320) cuentan los contactos por canal"
          data={canales}
          allowDeselect={false}
          {...form.getInputProps('canal')}
        />
        <Textarea label="Descripción" autosize minRows={2} {...form.getInputProps('descripcion')} />
        {otros.length > 0 && <Alert color="red">{otros.join(' ')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancelar}>
            Cancelar
          </Button>
          <Button type="submit">Guardar</Button>
        </Group>
      </Stack>
    </form>
  );
}
