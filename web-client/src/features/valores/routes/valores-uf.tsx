import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { esApiError } from '@/api/errors';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { sumarDias } from '@/lib/cartera';
import { sinRegla } from '@/lib/errores-formulario';
import { formatearFecha, formatearNumero } from '@/lib/formato';
import { numeroONulo } from '@/lib/formulario';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useGuardarValoresUf } from '@/features/valores/api/use-guardar-valores-uf';
import { useValoresUf } from '@/features/valores/api/use-valores-uf';
import { ImportarValoresUf } from '@/features/valores/components/importar-valores-uf';
import { leerValoresUf } from '@/features/valores/components/valores-uf-texto';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';

/** Server errors of a one-value PUT (`[0].valor`, `cuerpo[0].Fecha`…) at the form's fields. */
function erroresDeValor(e: unknown): { fecha?: string; valor?: string } | null {
  if (!esApiError(e)) return null;
  const r: { fecha?: string; valor?: string } = {};
  for (const [k, msgs] of Object.entries(e.errores)) {
    const texto = msgs.map(sinRegla).join(' ');
    if (/valor$/i.test(k)) r.valor = texto;
    else if (/fecha$/i.test(k)) r.fecha = texto;
  }
  return Object.keys(r).length ? r : null;
}

export default function ValoresUfRoute() {
  const { tiene } = useAuth();
  const hoy = hoySantiago();
  const [desde, setDesde] = useState<string | null>(sumarDias(hoy, -60));
  const [hasta, setHasta] = useState<string | null>(sumarDias(hoy, 31));
  const valores = useValoresUf({ desde: desde ?? undefined, hasta: hasta ?? undefined });
  const guardar = useGuardarValoresUf();
  const [pegado, setPegado] = useState('');
  const form = useForm({
    initialValues: { fecha: hoy as string | null, valor: '' as number | string },
    validate: {
      fecha: (v) => (v ? null : 'Indique la fecha.'),
      valor: (v) => ((numeroONulo(v) ?? 0) > 0 ? null : 'Ingrese el valor de la UF.'),
    },
  });

  return (
    <Pagina
      titulo="Valores UF"
      descripcion="Valor diario de la Unidad de Fomento, para convertir saldos en UF a pesos. Rige la serie nacional; un valor propio de la empresa la reemplaza sólo para esta empresa en esa fecha."
    >
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder p={0}>
            <Group p="sm" align="flex-end">
              <CampoFecha label="Desde" clearable value={desde} onChange={setDesde} />
              <CampoFecha label="Hasta" clearable value={hasta} onChange={setHasta} />
            </Group>
            {valores.isPending ? (
              <Cargando />
            ) : valores.isError ? (
              <ErrorConsulta error={valores.error} reintentar={() => void valores.refetch()} />
            ) : valores.data.length === 0 ? (
              <Text c="dimmed" p="md">
                No hay valores UF en el período.
              </Text>
            ) : (
              <Table striped aria-label="Valores UF">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Fecha</Table.Th>
                    <Table.Th ta="right">Valor</Table.Th>
                    <Table.Th>Origen</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...valores.data].reverse().map((v) => (
                    <Table.Tr key={v.fecha}>
                      <Table.Td>{formatearFecha(v.fecha)}</Table.Td>
                      <Table.Td ta="right">${formatearNumero(v.valor)}</Table.Td>
                      <Table.Td>
                        {v.origen === 'empresa' ? (
                          <Badge variant="light" color="orange">
                            Propio de la empresa
                          </Badge>
                        ) : (
                          <Badge variant="light" color="gray">
                            Nacional
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Grid.Col>
        {tiene('administrar') && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              <Card withBorder>
                <form
                  aria-label="Guardar valor UF"
                  onSubmit={form.onSubmit(async (v) => {
                    try {
                      await guardar.mutateAsync([{ fecha: v.fecha ?? '', valor: numeroONulo(v.valor) ?? 0 }]);
                      notificarExito(`UF propia del ${formatearFecha(v.fecha)} guardada.`);
                      form.setFieldValue('valor', '');
                    } catch (e) {
                      const errores = erroresDeValor(e);
                      if (errores) form.setErrors(errores);
                      else notificarError(e);
                    }
                  })}
                >
                  <Stack>
                    <Title order={4}>Valor propio de la empresa</Title>
                    <Text size="sm" c="dimmed">
                      Reemplaza el valor nacional en esa fecha sólo para esta empresa: cambia sus
                      conversiones, su antigüedad y su control de crédito. La serie nacional la carga el
                      operador de la instalación.
                    </Text>
                    <CampoFecha label="Fecha" {...form.getInputProps('fecha')} />
                    <NumberInput
                      label="Valor UF ($)"
                      min={0}
                      decimalScale={2}
                      thousandSeparator="."
                      decimalSeparator=","
                      {...form.getInputProps('valor')}
                    />
                    <Group justify="flex-end">
                      <Button type="submit" loading={guardar.isPending}>
                        Guardar
                      </Button>
                    </Group>
                  </Stack>
                </form>
              </Card>
              <Card withBorder>
                <Stack>
                  <Title order={4}>Pegar valores propios</Title>
                  <Textarea
                    label="Valores"
                    description="Una línea por día: fecha;valor (por ejemplo 01-03-2026;39.123,45)"
                    autosize
                    minRows={4}
                    maxRows={12}
                    value={pegado}
                    onChange={(e) => setPegado(e.currentTarget.value)}
                  />
                  <Group justify="flex-end">
                    <Button
                      variant="light"
                      loading={guardar.isPending}
                      onClick={async () => {
                        const { valores: lista, errores } = leerValoresUf(pegado);
                        if (errores.length > 0) {
                          notificarError(
                            new Error(errores.slice(0, 5).join(' ')),
                            'Hay líneas que no se entienden',
                          );
                          return;
                        }
                        if (lista.length === 0) return;
                        try {
                          await guardar.mutateAsync(lista);
                          notificarExito(`${lista.length} valores UF propios guardados.`);
                          setPegado('');
                        } catch (e) {
                          notificarError(e);
                        }
                      }}
                    >
                      Guardar todos
                    </Button>
                  </Group>
                </Stack>
              </Card>
              <Card withBorder>
                <ImportarValoresUf />
              </Card>
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </Pagina>
  );
}
