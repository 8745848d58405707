import {
  Alert,
  Button,
  FileInput,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconPaperclip } from '@tabler/icons-react';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { mensajeDeError } from '@/api/errors';
import type { Respuesta } from '@/api/types';
import { useActividadesCliente } from '@/components/gestion/api/use-actividades-cliente';
import { useReglasContacto } from '@/components/gestion/api/use-reglas-contacto';
import { useRegistrarActividad } from '@/components/gestion/api/use-registrar-actividad';
import { useTiposActividad } from '@/components/gestion/api/use-tipos-actividad';
import {
  aCuerpoActividad,
  BloqueoContactoError,
  etiquetasCanal,
  mensajeBloqueo,
  resultados,
  validarActividad,
  valoresVacios,
  type ValoresActividad,
} from '@/components/gestion/registrar-actividad-logica';
import { usePermiso } from '@/lib/auth-contexto';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearFecha, formatearFechaHora, formatearPesos } from '@/lib/formato';
import { useDocumentos } from '@/api/hooks/use-documentos';

export type ActividadRegistrada = Respuesta<'RegistrarActividad'>;

/**
 * Logs an activity for a client: type, outcome, notes, next action, documents and an attachment.
 * Controlled by `clienteId`; calls `onRegistrada` with the saved activity and resets. The first field
 * takes the focus, and Enter submits from any single-line field (Ctrl+Enter from the notes).
 * When the contact rules block it, shows the rule and, to a supervisor, the override reason.
 */
export function RegistrarActividad(props: PropsRegistrarActividad) {
  // A new client (or preselected type) starts a fresh form.
  return <FormularioActividad key={`${props.clienteId}:${props.tipoInicial ?? ''}`} {...props} />;
}

interface PropsRegistrarActividad {
  clienteId: string;
  onRegistrada?: (actividad: ActividadRegistrada) => void;
  onCancelar?: () => void;
  /** Activity type preselected (e.g. "Llamada" from the worklist). */
  tipoInicial?: string;
}

function FormularioActividad({ clienteId, onRegistrada, onCancelar, tipoInicial }: PropsRegistrarActividad) {
  const puedeExceptuar = usePermiso('supervisar');
  const tipos = useTiposActividad();
  const registrar = useRegistrarActividad();
  const [valores, setValores] = useState<ValoresActividad>(() => ({
    ...valoresVacios(),
    tipoActividadId: tipoInicial ?? null,
  }));
  const [archivo, setArchivo] = useState<File | null>(null);
  const [errores, setErrores] = useState<ReturnType<typeof validarActividad>>({});
  const [bloqueo, setBloqueo] = useState<BloqueoContactoError | null>(null);
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const tipo = tipos.data?.find((t) => t.id === valores.tipoActividadId) ?? null;
  const reglas = useReglasContacto(clienteId, tipo?.canal ?? null);
  const documentos = useDocumentos({ clienteId, tamanoPagina: 200 }, { lista: false });
  const abiertos = (documentos.data?.items ?? []).filter((d) => Number(d.saldo) > 0);
  // Keeps the timeline query warm so the new activity shows as soon as it is saved.
  useActividadesCliente(clienteId);

  const cambiar = <K extends keyof ValoresActividad>(campo: K, valor: ValoresActividad[K]) =>
    setValores((v) => ({ ...v, [campo]: valor }));

  const enviar = async (e?: FormEvent) => {
    e?.preventDefault();
    if (registrar.isPending) return;
    const encontrados = validarActividad(valores, hoySantiago(), archivo);
    setErrores(encontrados);
    if (Object.keys(encontrados).length > 0) return;
    setErrorGeneral(null);
    try {
      const actividad = await registrar.mutateAsync({
        body: aCuerpoActividad(clienteId, valores, puedeExceptuar),
        archivo,
      });
      setBloqueo(null);
      setValores({ ...valoresVacios(), tipoActividadId: tipoInicial ?? null });
      setArchivo(null);
      onRegistrada?.(actividad);
    } catch (error) {
      if (error instanceof BloqueoContactoError) setBloqueo(error);
      else setErrorGeneral(mensajeDeError(error));
    }
  };

  const enterEnvia = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void enviar();
  };

  const aviso = reglas.data && !reglas.data.permitido ? reglas.data : null;

  return (
    <form onSubmit={(e) => void enviar(e)} aria-label="Registrar actividad" onKeyDown={enterEnvia}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Tipo de actividad"
            required
            data-autofocus
            autoFocus
            searchable
            data={(tipos.data ?? []).map((t) => ({
              value: t.id,
              label: `${t.nombre} (${etiquetasCanal[t.canal] ?? t.canal})`,
            }))}
            value={valores.tipoActividadId}
            onChange={(v) => cambiar('tipoActividadId', v)}
            error={errores.tipoActividadId}
          />
          <Select
            label="Resultado"
            clearable
            data={resultados.map((r) => ({ value: r.value, label: r.label }))}
            value={valores.resultado}
            onChange={(v) => cambiar('resultado', v)}
          />
        </SimpleGrid>
        {aviso && !bloqueo && (
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Regla de contacto">
            {aviso.mensaje}
            {aviso.siguientePermitido &&
              ` Próximo contacto permitido: ${formatearFechaHora(aviso.siguientePermitido)}.`}
          </Alert>
        )}
        <Textarea
          label="Notas"
          autosize
          minRows={2}
          maxRows={6}
          description="Ctrl+Enter guarda"
          value={valores.notas}
          onChange={(e) => cambiar('notas', e.currentTarget.value)}
          error={errores.notas}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Próxima acción"
            type="date"
            min={hoySantiago()}
            value={valores.proximaAccion}
            onChange={(e) => cambiar('proximaAccion', e.currentTarget.value)}
            error={errores.proximaAccion}
          />
          <FileInput
            label="Adjunto"
            placeholder="Grabación, carta o foto"
            leftSection={<IconPaperclip size={16} />}
            clearable
            accept="application/pdf,image/jpeg,image/png,image/webp,audio/*"
            value={archivo}
            onChange={setArchivo}
            error={errores.archivo}
          />
        </SimpleGrid>
        <MultiSelect
          label="Documentos"
          placeholder={abiertos.length ? 'Documentos de la gestión' : 'Sin documentos abiertos'}
          searchable
          clearable
          data={abiertos.map((d) => ({
            value: d.id,
            label: `${d.tipo}-${d.folio} · vence ${formatearFecha(d.fechaVencimiento)} · ${formatearPesos(d.saldo)}`,
          }))}
          value={valores.documentoIds}
          onChange={(v) => cambiar('documentoIds', v)}
        />
        {bloqueo && (
          <Alert color="red" icon={<IconAlertTriangle />} title="Contacto no permitido" role="alert">
            <Text size="sm">{mensajeBloqueo(bloqueo)}</Text>
            {!puedeExceptuar && (
              <Text size="sm" mt="xs">
                Solo un supervisor puede registrarlo como excepción.
              </Text>
            )}
          </Alert>
        )}
        {bloqueo && puedeExceptuar && (
          <TextInput
            label="Motivo de la excepción"
            description="Queda registrado en la actividad (la ley exige conservar los contactos)"
            required
            value={valores.motivoExcepcion}
            onChange={(e) => cambiar('motivoExcepcion', e.currentTarget.value)}
            error={errores.motivoExcepcion}
          />
        )}
        {errorGeneral && (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert">
            {errorGeneral}
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancelar && (
            <Button variant="default" onClick={onCancelar}>
              Cancelar
            </Button>
          )}
          <Button type="submit" loading={registrar.isPending}>
            {bloqueo && puedeExceptuar ? 'Registrar como excepción' : 'Registrar actividad'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
