import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  cuerpoReporte,
  diasSemana,
  normalizarHora,
  type FormularioReporteEjecutivo,
} from '@/features/reportes-ejecutivos/utils/programacion';
import {
  useGuardarReporteEjecutivo,
  useOpcionesReporteEjecutivo,
} from '@/features/reportes-ejecutivos/api/use-reportes-ejecutivos';
import { notificarError, notificarExito } from '@/lib/notificar';

/** Create or edit an executive report: when (Santiago time), which key accounts and to whom. */
export function FormularioReporte({
  id,
  inicial,
  onCerrar,
}: {
  id?: string;
  inicial: FormularioReporteEjecutivo;
  onCerrar: () => void;
}) {
  const [f, setF] = useState(inicial);
  const opciones = useOpcionesReporteEjecutivo();
  const guardar = useGuardarReporteEjecutivo();
  const poner = <K extends keyof FormularioReporteEjecutivo>(k: K, v: FormularioReporteEjecutivo[K]) =>
    setF((x) => ({ ...x, [k]: v }));
  const horaValida = normalizarHora(f.hora) !== null;

  return (
    <Modal
      opened
      onClose={onCerrar}
      title={id ? 'Editar reporte ejecutivo' : 'Nuevo reporte ejecutivo'}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          guardar.mutate(
            { id, datos: cuerpoReporte(f) },
            {
              onSuccess: () => {
                notificarExito('Reporte ejecutivo guardado');
                onCerrar();
              },
              onError: (error) => notificarError(error),
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label="Nombre"
            required
            maxLength={200}
            value={f.nombre}
            onChange={(e) => poner('nombre', e.currentTarget.value)}
          />
          <Group grow align="flex-start">
            <Select
              label="Frecuencia"
              data={[
                { value: 'semanal', label: 'Semanal' },
                { value: 'mensual', label: 'Mensual' },
              ]}
              value={f.frecuencia}
              allowDeselect={false}
              onChange={(v) => poner('frecuencia', v === 'mensual' ? 'mensual' : 'semanal')}
            />
            {f.frecuencia === 'semanal' ? (
              <Select
                label="Día de la semana"
                data={diasSemana.map((d, i) => ({ value: String(i + 1), label: d }))}
                value={String(f.diaSemana)}
                allowDeselect={false}
                onChange={(v) => poner('diaSemana', Number(v ?? 1))}
              />
            ) : (
              <NumberInput
                label="Día del mes"
                description="1 a 28, o 31 para el último día"
                min={1}
                max={31}
                value={f.diaMes}
                onChange={(v) => poner('diaMes', Number(v) || 1)}
              />
            )}
            <TextInput
              label="Hora (Santiago)"
              placeholder="08:00"
              value={f.hora}
              error={horaValida ? undefined : 'Escriba la hora como 08:00'}
              onChange={(e) => poner('hora', e.currentTarget.value)}
            />
          </Group>
          <Select
            label="Cuentas clave (grupo de clientes)"
            placeholder="Sin cuentas clave"
            clearable
            searchable
            data={opciones.data?.grupos ?? []}
            value={f.grupoClienteId}
            onChange={(v) => poner('grupoClienteId', v)}
          />
          <MultiSelect
            label="Destinatarios"
            required
            searchable
            data={opciones.data?.usuarios ?? []}
            value={f.usuarioIds}
            onChange={(v) => poner('usuarioIds', v)}
          />
          <Switch
            label="Activo"
            checked={f.activo}
            onChange={(e) => poner('activo', e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCerrar}>
              Cancelar
            </Button>
            <Button type="submit" loading={guardar.isPending} disabled={!horaValida}>
              Guardar
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
