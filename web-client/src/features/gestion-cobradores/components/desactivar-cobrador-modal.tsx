import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useDesactivarCobrador } from '../api/use-desactivar-cobrador';

type Cobrador = Respuesta<'ObtenerCobrador'>;

/** Deactivation asks where the collector's clients go: to another collector, or back to the rules. */
export function DesactivarCobradorModal({
  cobrador,
  activos,
  onCerrar,
}: {
  cobrador: Cobrador | null;
  activos: Cobrador[];
  onCerrar: () => void;
}) {
  const desactivar = useDesactivarCobrador();
  const [modo, setModo] = useState<'hacia' | 'reglas'>('hacia');
  const [hacia, setHacia] = useState<string | null>(null);
  if (!cobrador) return null;
  const conClientes = cobrador.clientesAsignados > 0;
  const listo = !conClientes || modo === 'reglas' || !!hacia;
  return (
    <Modal opened onClose={onCerrar} title={`Desactivar a ${cobrador.nombre}`}>
      <Stack>
        <Text size="sm">
          El cobrador no se borra: su historia se conserva y puede reactivarse. Deja de recibir clientes por
          las reglas.
        </Text>
        {conClientes && (
          <Radio.Group
            label={`Tiene ${cobrador.clientesAsignados} clientes asignados. ¿Qué pasa con ellos?`}
            value={modo}
            onChange={(v) => setModo(v as 'hacia' | 'reglas')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="hacia" label="Pasan a otro cobrador (asignación manual)" />
              <Radio
                value="reglas"
                label="Se vuelven a asignar por las reglas (pueden quedar sin cobrador)"
              />
            </Stack>
          </Radio.Group>
        )}
        {conClientes && modo === 'hacia' && (
          <Select
            label="Cobrador que los recibe"
            searchable
            data={activos.filter((c) => c.id !== cobrador.id).map((c) => ({ value: c.id, label: c.nombre }))}
            value={hacia}
            onChange={setHacia}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCerrar}>
            Cancelar
          </Button>
          <Button
            color="red"
            disabled={!listo}
            loading={desactivar.isPending}
            onClick={async () => {
              try {
                await desactivar.mutateAsync({
                  id: cobrador.id,
                  body: {
                    haciaCobradorId: conClientes && modo === 'hacia' ? hacia : null,
                    recalcular: conClientes && modo === 'reglas',
                  },
                });
                notificarExito(`${cobrador.nombre} quedó desactivado.`);
                onCerrar();
              } catch (e) {
                notificarError(e);
              }
            }}
          >
            Desactivar
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
