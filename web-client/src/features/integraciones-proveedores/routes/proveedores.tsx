import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '@/api/errors';
import {
  useActivarProveedor,
  useDesactivarProveedor,
  useGuardarComisiones,
  useProveedores,
  type Proveedor,
} from '@/features/integraciones-proveedores/api/use-proveedores';
import {
  cuerpoActivacion,
  erroresCredenciales,
  estadosProveedor,
} from '@/features/integraciones-proveedores/components/activacion';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { formatearFecha } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

function EstadoProveedor({ estado }: { estado: string }) {
  const e = estadosProveedor[estado] ?? { etiqueta: estado, color: 'gray.8' };
  return (
    <Badge variant="outline" color={e.color}>
      {e.etiqueta}
    </Badge>
  );
}

function FormularioActivacion({ proveedor, cerrar }: { proveedor: Proveedor; cerrar: () => void }) {
  const activar = useActivarProveedor();
  const [valores, setValores] = useState<Record<string, string>>({});
  const [urlBase, setUrlBase] = useState(proveedor.urlBase ?? '');
  const [porDefecto, setPorDefecto] = useState(proveedor.porDefecto);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const porSolicitud = proveedor.modalidad === 'solicitud';
  return (
    <form
      aria-label={`Activar ${proveedor.nombre}`}
      onSubmit={(ev) => {
        ev.preventDefault();
        const datos = porSolicitud
          ? { credenciales: null, urlBase: null, porDefecto: null }
          : cuerpoActivacion(proveedor.camposCredenciales, valores, urlBase, porDefecto);
        activar
          .mutateAsync({ codigo: proveedor.codigo, datos })
          .then(() => {
            notificarExito(
              porSolicitud
                ? 'Solicitud registrada: se avisó a los administradores.'
                : `${proveedor.nombre} quedó activo.`,
            );
            cerrar();
          })
          .catch((e: unknown) => {
            if (e instanceof ApiError && Object.keys(e.errores).length > 0)
              setErrores(erroresCredenciales(e.errores));
            else notificarError(e);
          });
      }}
    >
      <Stack>
        {porSolicitud ? (
          <Text size="sm">
            {proveedor.nombre} no tiene API pública. Al solicitar la activación, la solicitud queda registrada
            y se envía un correo a los administradores de la empresa para contratar el servicio con el
            proveedor.
          </Text>
        ) : (
          <>
            {proveedor.camposCredenciales.map((c) =>
              c.secreto ? (
                <PasswordInput
                  key={c.nombre}
                  label={c.etiqueta}
                  required
                  autoComplete="off"
                  description={
                    c.configurado ? 'Configurado: escríbalo de nuevo para reemplazarlo.' : undefined
                  }
                  value={valores[c.nombre] ?? ''}
                  error={errores[c.nombre]}
                  onChange={(e) => setValores((v) => ({ ...v, [c.nombre]: e.currentTarget.value }))}
                />
              ) : (
                <TextInput
                  key={c.nombre}
                  label={c.etiqueta}
                  required
                  autoComplete="off"
                  value={valores[c.nombre] ?? ''}
                  error={errores[c.nombre]}
                  onChange={(e) => setValores((v) => ({ ...v, [c.nombre]: e.currentTarget.value }))}
                />
              ),
            )}
            <TextInput
              label="URL de la API (opcional)"
              description={`Vacía: producción (${proveedor.urlProduccion ?? ''}). Para probar: el sandbox ${proveedor.urlSandbox ?? ''}`}
              value={urlBase}
              error={errores.urlBase}
              onChange={(e) => setUrlBase(e.currentTarget.value)}
            />
            <Checkbox
              label="Proveedor predeterminado de los enlaces de pago"
              checked={porDefecto}
              onChange={(e) => setPorDefecto(e.currentTarget.checked)}
            />
            {errores.credenciales && (
              <Text c="red.8" size="sm" role="alert">
                {errores.credenciales}
              </Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>
            Cancelar
          </Button>
          <Button type="submit" loading={activar.isPending}>
            {porSolicitud ? 'Solicitar activación' : 'Verificar y activar'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Comisiones({ proveedor }: { proveedor: Proveedor }) {
  const guardar = useGuardarComisiones();
  const [porcentaje, setPorcentaje] = useState<number | string>(proveedor.comisionPorcentaje ?? '');
  const [fijo, setFijo] = useState<number | string>(proveedor.comisionFija ?? '');
  const num = (v: number | string) => (v === '' ? null : Number(v));
  return (
    <Group align="flex-end">
      <NumberInput
        label="Comisión (%)"
        decimalSeparator=","
        min={0}
        max={100}
        decimalScale={4}
        value={porcentaje}
        onChange={setPorcentaje}
        w={140}
      />
      <NumberInput
        label="Cargo fijo ($)"
        thousandSeparator="."
        decimalSeparator=","
        min={0}
        value={fijo}
        onChange={setFijo}
        w={160}
      />
      <Button
        variant="light"
        loading={guardar.isPending}
        onClick={() =>
          void guardar
            .mutateAsync({ codigo: proveedor.codigo, porcentaje: num(porcentaje), fijo: num(fijo) })
            .then(() => notificarExito('Comisiones guardadas.'))
            .catch((e: unknown) => notificarError(e))
        }
      >
        Guardar comisiones
      </Button>
    </Group>
  );
}

function Detalle({ proveedor, administra }: { proveedor: Proveedor; administra: boolean }) {
  return (
    <Stack>
      <Text>{proveedor.descripcion}</Text>
      <Group gap="xs">
        <Text fw={600}>Estado:</Text>
        <EstadoProveedor estado={proveedor.estado} />
        {proveedor.porDefecto && <Badge variant="light">Predeterminado</Badge>}
      </Group>
      {proveedor.activado && <Text size="sm">Activado el {formatearFecha(proveedor.activado)}</Text>}
      {proveedor.solicitado && <Text size="sm">Solicitado el {formatearFecha(proveedor.solicitado)}</Text>}
      {proveedor.desactivado && <Text size="sm">Desactivado el {formatearFecha(proveedor.desactivado)}</Text>}
      {proveedor.urlBase && <Text size="sm">API: {proveedor.urlBase}</Text>}
      {proveedor.camposCredenciales.length > 0 && (
        <Stack gap={2}>
          <Text fw={600}>Credenciales</Text>
          {proveedor.camposCredenciales.map((c) => (
            <Text key={c.nombre} size="sm">
              {c.etiqueta}: {c.configurado ? 'configurada' : 'sin configurar'}
            </Text>
          ))}
        </Stack>
      )}
      {proveedor.documentacion && (
        <Text size="sm">
          Documentación:{' '}
          <a href={proveedor.documentacion} target="_blank" rel="noreferrer">
            {proveedor.documentacion}
          </a>
        </Text>
      )}
      {administra ? (
        <Comisiones proveedor={proveedor} />
      ) : (
        <Text size="sm">
          Comisión: {proveedor.comisionPorcentaje ?? '—'} % + ${proveedor.comisionFija ?? 0}
        </Text>
      )}
    </Stack>
  );
}

/** The company's payment providers: what each does, its state and fees; administrators activate and deactivate them. */
export default function PantallaProveedores() {
  const proveedores = useProveedores();
  const desactivar = useDesactivarProveedor();
  const administra = usePermiso('administrar');
  const [detalle, setDetalle] = useState<string | null>(null);
  const [activando, setActivando] = useState<string | null>(null);
  if (proveedores.isPending) return <Cargando />;
  if (proveedores.isError)
    return <ErrorConsulta error={proveedores.error} reintentar={() => void proveedores.refetch()} />;
  const lista = proveedores.data;
  const enDetalle = lista.find((p) => p.codigo === detalle);
  const enActivacion = lista.find((p) => p.codigo === activando);
  return (
    <Pagina titulo="Proveedores de pago">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {lista.map((p) => (
          <Card key={p.codigo} withBorder component="section" aria-label={p.nombre}>
            <Stack gap="xs" h="100%">
              <Group justify="space-between">
                <Text fw={700}>{p.nombre}</Text>
                <EstadoProveedor estado={p.estado} />
              </Group>
              <Text size="sm" c="gray.7" style={{ flexGrow: 1 }}>
                {p.modalidad === 'solicitud'
                  ? 'Activación por solicitud (sin API pública).'
                  : p.disponible
                    ? 'Integración por API.'
                    : 'Disponible próximamente.'}
              </Text>
              <Group>
                <Button variant="default" size="xs" onClick={() => setDetalle(p.codigo)}>
                  Ver detalle
                </Button>
                {administra && p.disponible && p.estado !== 'solicitado' && (
                  <Button size="xs" onClick={() => setActivando(p.codigo)}>
                    {p.estado === 'activo' ? 'Cambiar credenciales' : 'Activar'}
                  </Button>
                )}
                {administra && (p.estado === 'activo' || p.estado === 'solicitado') && (
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    loading={desactivar.isPending}
                    onClick={() =>
                      void desactivar
                        .mutateAsync(p.codigo)
                        .then(() =>
                          notificarExito(`${p.nombre} desactivado: sus enlaces y pagos se conservan.`),
                        )
                        .catch((e: unknown) => notificarError(e))
                    }
                  >
                    Desactivar
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Modal opened={!!enDetalle} onClose={() => setDetalle(null)} title={enDetalle?.nombre} size="lg">
        {enDetalle && <Detalle proveedor={enDetalle} administra={administra} />}
      </Modal>
      <Modal
        opened={!!enActivacion}
        onClose={() => setActivando(null)}
        title={`Activar ${enActivacion?.nombre ?? ''}`}
      >
        {enActivacion && <FormularioActivacion proveedor={enActivacion} cerrar={() => setActivando(null)} />}
      </Modal>
    </Pagina>
  );
}
