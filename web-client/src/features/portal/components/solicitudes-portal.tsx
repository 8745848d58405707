import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import type { SolicitudPortal } from '@/features/portal/api/cliente-portal';
import { useCrearCompromiso } from '@/features/portal/api/use-crear-compromiso';
import { useCrearSolicitud } from '@/features/portal/api/use-crear-solicitud';
import { etiquetaEstado, etiquetaSolicitud } from '@/features/portal/lib/portal';

/** How the debtor reads where its agreement request stands in the company's convenio workflow. */
const ESTADOS_CONVENIO_PORTAL: Record<string, string> = {
  borrador: 'en revisión por la empresa',
  pendiente_aprobacion: 'en aprobación',
  aprobado: 'aprobado, por firmar',
  vigente: 'firmado y vigente',
  cumplido: 'cumplido',
  roto: 'terminado por incumplimiento',
  anulado: 'no aceptado',
};

/** Ask for an agreement, ask a question, promise to pay; and what was asked, with its state and answer. */
export function SolicitudesPortal({ solicitudes, hoy }: { solicitudes: SolicitudPortal[]; hoy: string }) {
  const [tipo, setTipo] = useState<'convenio' | 'consulta' | 'compromiso'>('consulta');
  const [mensaje, setMensaje] = useState('');
  const [cuotas, setCuotas] = useState<number | string>(3);
  const [fecha, setFecha] = useState(hoy);
  const [monto, setMonto] = useState<number | string>('');
  const crear = useCrearSolicitud();
  const prometer = useCrearCompromiso();

  const enviar = async () => {
    try {
      if (tipo === 'compromiso')
        await prometer.mutateAsync({ fecha, monto: Number(monto), mensaje: mensaje.trim() || null });
      else
        await crear.mutateAsync({
          tipo,
          mensaje: mensaje.trim(),
          cuotas: tipo === 'convenio' ? Number(cuotas) : null,
        });
      notificarExito('Recibimos su solicitud. Verá la respuesta aquí.');
      setMensaje('');
    } catch (e) {
      notificarError(e, 'No se pudo enviar');
    }
  };

  return (
    <Stack>
      <Card withBorder radius="md" p="sm">
        <Stack gap="sm">
          <Title order={3} size="h5">
            Nueva solicitud
          </Title>
          <SegmentedControl
            fullWidth
            value={tipo}
            onChange={(v) => setTipo(v as typeof tipo)}
            data={[
              { value: 'consulta', label: 'Consulta' },
              { value: 'convenio', label: 'Convenio' },
              { value: 'compromiso', label: 'Prometer pago' },
            ]}
            aria-label="Tipo de solicitud"
          />
          {tipo === 'convenio' ? (
            <NumberInput label="Cuotas propuestas" min={1} max={48} value={cuotas} onChange={setCuotas} />
          ) : null}
          {tipo === 'compromiso' ? (
            <Group grow>
              <TextInput
                label="Fecha de pago"
                type="date"
                min={hoy}
                value={fecha}
                onChange={(e) => setFecha(e.currentTarget.value)}
              />
              <NumberInput
                label="Monto"
                min={1}
                thousandSeparator="."
                decimalSeparator=","
                prefix="$"
                value={monto}
                onChange={setMonto}
              />
            </Group>
          ) : null}
          <Textarea
            label={tipo === 'compromiso' ? 'Comentario (opcional)' : 'Mensaje'}
            minRows={3}
            maxLength={2000}
            value={mensaje}
            onChange={(e) => setMensaje(e.currentTarget.value)}
          />
          <Button
            onClick={enviar}
            loading={crear.isPending || prometer.isPending}
            disabled={tipo === 'compromiso' ? !fecha || !(Number(monto) > 0) : mensaje.trim() === ''}
          >
            Enviar
          </Button>
        </Stack>
      </Card>
      <Title order={3} size="h5">
        Mis solicitudes
      </Title>
      {solicitudes.length === 0 ? <Text c="dimmed">Aún no tiene solicitudes.</Text> : null}
      {solicitudes.map((s) => (
        <Card key={s.id} withBorder radius="md" p="sm" data-testid="solicitud-portal">
          <Group justify="space-between">
            <Text fw={600}>{etiquetaSolicitud(s.tipo)}</Text>
            <Badge variant="light">{etiquetaEstado(s.estado)}</Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {formatearFecha(s.creada)}
            {s.monto ? ` · ${formatearPesos(s.monto)} el ${formatearFecha(s.fecha)}` : ''}
            {s.cuotas ? ` · ${s.cuotas} cuotas` : ''}
          </Text>
          {s.mensaje ? <Text size="sm">{s.mensaje}</Text> : null}
          {s.convenio ? (
            <Text size="sm" mt="xs" data-testid="convenio-solicitado">
              Propuesta de convenio N° {s.convenio.numero}: {formatearPesos(s.convenio.montoConvenido)} en{' '}
              {s.convenio.numeroCuotas} cuotas desde el {formatearFecha(s.convenio.primeraFecha)} ·{' '}
              {ESTADOS_CONVENIO_PORTAL[s.convenio.estado] ?? s.convenio.estado}
            </Text>
          ) : null}
          {s.respuesta ? (
            <Text size="sm" mt="xs" p="xs" bg="gray.1" style={{ borderRadius: 6 }}>
              <strong>Respuesta:</strong> {s.respuesta}
            </Text>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}
