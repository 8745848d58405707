import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { mensajeDeError } from '@/api/errors';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { hoySantiago } from '@/lib/fecha-negocio';
import type { ParadaTerreno } from '../api/use-mi-ruta';
import { useHistoriaCliente } from '../api/use-historia-cliente';
import { registrarLlegada } from '../api/use-registrar-llegada';
import { informarVisita } from '../api/use-informar-visita';
import { registrarPago, type Recibo } from '../api/use-registrar-pago';
import { tomarCompromiso } from '../api/use-tomar-compromiso';
import { subirFotoVisita } from '../api/use-foto-visita';
import { compartirRecibo } from '../api/use-recibo-pdf';

const resultadosVisita = [
  { value: 'pago', label: 'Pagó' },
  { value: 'compromiso', label: 'Compromiso de pago' },
  { value: 'sin_pago', label: 'Atendió, sin pago' },
  { value: 'ausente', label: 'No estaba' },
  { value: 'se_niega', label: 'Se niega a pagar' },
  { value: 'direccion_erronea', label: 'Dirección errónea' },
];

const estados: Record<string, { texto: string; color: string }> = {
  pendiente: { texto: 'Pendiente', color: 'gray' },
  en_visita: { texto: 'En visita', color: 'blue' },
  visitada: { texto: 'Visitada', color: 'green' },
};

function posicion(): Promise<GeolocationPosition> {
  return new Promise((resolver, rechazar) =>
    navigator.geolocation.getCurrentPosition(resolver, rechazar, {
      enableHighAccuracy: true,
      timeout: 15_000,
    }),
  );
}

interface Props {
  parada: ParadaTerreno;
  alCambiar: () => void;
}

/** One client of the day: debt, history, and the visit's actions (arrival, report, payment, promise). */
export function ParadaTerrenoDetalle({ parada, alCambiar }: Props) {
  const [mensaje, setMensaje] = useState<{ color: string; texto: string } | null>(null);
  const [ocupado, setOcupado] = useState(false);
  const [resultado, setResultado] = useState<string | null>(null);
  const [notas, setNotas] = useState('');
  const [foto, setFoto] = useState<File | null>(null);
  const [monto, setMonto] = useState<number | string>('');
  const [medio, setMedio] = useState('efectivo');
  const [banco, setBanco] = useState('');
  const [numeroCheque, setNumeroCheque] = useState('');
  const [fechaCheque, setFechaCheque] = useState('');
  const [recibo, setRecibo] = useState<Recibo | null>(null);
  const [fechaPromesa, setFechaPromesa] = useState('');
  const [montoPromesa, setMontoPromesa] = useState<number | string>('');
  const historia = useHistoriaCliente(parada.clienteId, true);
  const llego = parada.llegadaEn !== null && parada.llegadaEn !== undefined;

  const ejecutar = async (accion: () => Promise<string>) => {
    setOcupado(true);
    setMensaje(null);
    try {
      setMensaje({ color: 'green', texto: await accion() });
      alCambiar();
    } catch (e) {
      setMensaje({ color: 'red', texto: mensajeDeError(e) });
    } finally {
      setOcupado(false);
    }
  };
  const enCola = 'Guardado en el teléfono: se enviará cuando vuelva la conexión.';

  const llegar = () =>
    ejecutar(async () => {
      let p: GeolocationPosition;
      try {
        p = await posicion();
      } catch {
        throw new Error(
          'No se pudo obtener la ubicación: permita el acceso a la ubicación e intente de nuevo.',
        );
      }
      const r = await registrarLlegada(
        parada.id,
        {
          latitud: p.coords.latitude,
          longitud: p.coords.longitude,
          precision: Math.round(p.coords.accuracy),
          fecha: new Date().toISOString(),
        },
        parada.razonSocial,
      );
      return r.enviada ? `Llegada registrada (±${Math.round(p.coords.accuracy)} m).` : enCola;
    });

  const informar = () =>
    ejecutar(async () => {
      if (!resultado) throw new Error('Elija el resultado de la visita.');
      const r = await informarVisita(parada.id, { resultado, notas: notas || null }, parada.razonSocial);
      const f = foto ? await subirFotoVisita(parada.id, foto, parada.razonSocial) : null;
      return r.enviada && (f === null || f.enviada) ? 'Informe de visita guardado.' : enCola;
    });

  const pagar = () =>
    ejecutar(async () => {
      const valor = Number(monto);
      if (!valor || valor <= 0) throw new Error('Indique el monto recibido.');
      const r = await registrarPago(
        {
          clienteId: parada.clienteId,
          monto: valor,
          medio,
          banco: medio === 'cheque' ? banco : null,
          numeroCheque: medio === 'cheque' ? numeroCheque : null,
          fechaCheque: medio === 'cheque' && fechaCheque ? fechaCheque : null,
          notas: null,
        },
        parada.razonSocial,
      );
      if (r.enviada) {
        setRecibo(r.datos);
        return `Pago registrado: recibo N° ${r.datos.numero}.`;
      }
      return enCola;
    });

  const prometer = () =>
    ejecutar(async () => {
      const valor = Number(montoPromesa);
      if (!fechaPromesa || !valor) throw new Error('Indique la fecha y el monto prometidos.');
      const r = await tomarCompromiso(
        {
          clienteId: parada.clienteId,
          documentoIds: null,
          cuotas: [{ fecha: fechaPromesa, monto: valor }],
          canal: 'visita',
          notas: 'Compromiso tomado en terreno',
        },
        parada.razonSocial,
      );
      return r.enviada ? 'Compromiso de pago registrado.' : enCola;
    });

  const estado = estados[parada.estado] ?? { texto: 'Pendiente', color: 'gray' };
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {parada.direccion ?? 'Sin dirección'}
          {parada.comuna ? `, ${parada.comuna}` : ''}
        </Text>
        <Badge color={estado.color}>{estado.texto}</Badge>
      </Group>
      <Group gap="lg">
        <Text size="sm">
          Deuda: <b>{formatearPesos(parada.saldo)}</b>
        </Text>
        <Text size="sm" c={Number(parada.vencido) > 0 ? 'red.8' : undefined}>
          Vencido: <b>{formatearPesos(parada.vencido)}</b>
        </Text>
      </Group>
      {mensaje && (
        <Alert color={mensaje.color} role="status">
          {mensaje.texto}
        </Alert>
      )}
      {!llego ? (
        <Button onClick={llegar} loading={ocupado} size="md">
          Llegué
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          Llegada {formatearFecha(parada.llegadaEn)}
          {parada.llegadaPrecision != null ? ` (±${Math.round(Number(parada.llegadaPrecision))} m)` : ''}
        </Text>
      )}

      <Title order={3} size="h5">
        Informe de visita
      </Title>
      <Select
        label="Resultado"
        data={resultadosVisita}
        value={resultado}
        onChange={setResultado}
        allowDeselect={false}
      />
      <Textarea
        label="Notas"
        value={notas}
        onChange={(e) => setNotas(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <FileInput
        label="Foto"
        accept="image/*"
        capture="environment"
        value={foto}
        onChange={setFoto}
        clearable
      />
      <Button variant="light" onClick={informar} loading={ocupado} disabled={!llego}>
        Guardar informe
      </Button>

      <Title order={3} size="h5">
        Pago en terreno
      </Title>
      <NumberInput
        label="Monto recibido (CLP)"
        value={monto}
        onChange={setMonto}
        min={1}
        thousandSeparator="."
        decimalSeparator=","
        allowDecimal={false}
      />
      <SegmentedControl
        aria-label="Medio de pago"
        value={medio}
        onChange={setMedio}
        data={[
          { value: 'efectivo', label: 'Efectivo' },
          { value: 'cheque', label: 'Cheque' },
        ]}
      />
      {medio === 'cheque' && (
        <>
          <TextInput label="Banco" value={banco} onChange={(e) => setBanco(e.currentTarget.value)} />
          <TextInput
            label="Número de cheque"
            value={numeroCheque}
            onChange={(e) => setNumeroCheque(e.currentTarget.value)}
          />
          <TextInput
            label="Fecha del cheque"
            type="date"
            value={fechaCheque}
            onChange={(e) => setFechaCheque(e.currentTarget.value)}
          />
        </>
      )}
      <Button onClick={pagar} loading={ocupado}>
        Registrar pago
      </Button>
      {recibo && (
        <Group>
          <Text size="sm">Recibo N° {recibo.numero}</Text>
          <Button
            variant="outline"
            size="xs"
            onClick={() =>
              void compartirRecibo(recibo.id, Number(recibo.numero)).catch((e: unknown) =>
                setMensaje({ color: 'red', texto: mensajeDeError(e) }),
              )
            }
          >
            Descargar o compartir recibo
          </Button>
        </Group>
      )}

      <Title order={3} size="h5">
        Compromiso de pago
      </Title>
      <Group grow>
        <TextInput
          label="Fecha prometida"
          type="date"
          min={hoySantiago()}
          value={fechaPromesa}
          onChange={(e) => setFechaPromesa(e.currentTarget.value)}
        />
        <NumberInput
          label="Monto prometido"
          value={montoPromesa}
          onChange={setMontoPromesa}
          min={1}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
        />
      </Group>
      <Button variant="light" onClick={prometer} loading={ocupado}>
        Registrar compromiso
      </Button>

      <Title order={3} size="h5">
        Historia reciente
      </Title>
      {historia.data?.length ? (
        <Stack gap={4}>
          {historia.data.map((a) => (
            <Text key={a.id} size="sm">
              {formatearFecha(a.fecha)} · {a.tipoNombre}
              {a.resultado ? ` · ${a.resultado}` : ''}
              {a.notas ? ` — ${a.notas}` : ''}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Sin actividades recientes.
        </Text>
      )}
    </Stack>
  );
}
