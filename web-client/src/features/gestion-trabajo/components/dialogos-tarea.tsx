import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { aFechaIso } from '@/lib/formato';
import type { CobradorOpcion } from '@/features/gestion-trabajo/api/use-cobradores';

/** Asks for the date (after today) to snooze a task to, and an optional reason. */
export function DialogoPosponer({
  abierto,
  manana,
  onCerrar,
  onConfirmar,
  ocupado,
}: {
  abierto: boolean;
  manana: string;
  onCerrar: () => void;
  onConfirmar: (fecha: string, motivo: string | null) => void;
  ocupado?: boolean;
}) {
  const [fecha, setFecha] = useState<string | null>(manana);
  const [motivo, setMotivo] = useState('');
  return (
    <Modal opened={abierto} onClose={onCerrar} title="Posponer tarea" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const iso = aFechaIso(fecha);
          if (iso) onConfirmar(iso, motivo.trim() || null);
        }}
      >
        <Stack>
          <CampoFecha
            label="Hasta el"
            required
            value={fecha}
            onChange={(v) => setFecha(v)}
            minDate={manana}
            data-autofocus
          />
          <TextInput
            label="Motivo"
            value={motivo}
            onChange={(e) => setMotivo(e.currentTarget.value)}
            maxLength={500}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCerrar}>
              Cancelar
            </Button>
            <Button type="submit" loading={ocupado} disabled={!fecha}>
              Posponer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Picks the collector a task goes to (supervisors). */
export function DialogoReasignar({
  abierto,
  cobradores,
  actual,
  onCerrar,
  onConfirmar,
  ocupado,
}: {
  abierto: boolean;
  cobradores: CobradorOpcion[];
  actual?: string | null;
  onCerrar: () => void;
  onConfirmar: (cobradorId: string) => void;
  ocupado?: boolean;
}) {
  const [cobrador, setCobrador] = useState<string | null>(null);
  return (
    <Modal opened={abierto} onClose={onCerrar} title="Reasignar tarea" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (cobrador) onConfirmar(cobrador);
        }}
      >
        <Stack>
          <Select
            label="Cobrador"
            required
            searchable
            data-autofocus
            data={cobradores.filter((c) => c.id !== actual).map((c) => ({ value: c.id, label: c.nombre }))}
            value={cobrador}
            onChange={setCobrador}
            nothingFoundMessage="Sin cobradores"
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCerrar}>
              Cancelar
            </Button>
            <Button type="submit" loading={ocupado} disabled={!cobrador}>
              Reasignar
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
