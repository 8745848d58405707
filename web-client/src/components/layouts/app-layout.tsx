import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconApi, IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { CampanaAlertas } from '@/components/gestion/campana-alertas';
import { useAuth } from '@/lib/auth-contexto';
import { notificarError } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { modulosVisibles } from '@/components/layouts/menu';
import clases from '@/components/layouts/app-layout.module.css';

function SelectorEmpresa() {
  const { sesion, cambiarEmpresa } = useAuth();
  const navigate = useNavigate();
  const [cambiando, setCambiando] = useState(false);
  if (!sesion) return null;
  const opciones = sesion.empresas.map((e) => ({ value: e.id, label: e.razonSocial }));
  const rutDe = new Map(sesion.empresas.map((e) => [e.id, `RUT ${formatearRut(e.rut)} · ${e.rol}`]));
  if (opciones.length <= 1) {
    return (
      <Text size="sm" fw={500} data-testid="empresa-actual">
        {sesion.empresa.razonSocial}
      </Text>
    );
  }
  return (
    <Select
      aria-label="Empresa"
      data={opciones}
      value={sesion.empresa.id}
      allowDeselect={false}
      disabled={cambiando}
      w={{ base: 180, sm: 300 }}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {rutDe.get(option.value)}
          </Text>
        </div>
      )}
      onChange={async (id) => {
        if (!id || id === sesion.empresa.id) return;
        setCambiando(true);
        try {
          await cambiarEmpresa(id);
          navigate('/');
        } catch (e) {
          notificarError(e, 'No se pudo cambiar de empresa');
        } finally {
          setCambiando(false);
        }
      }}
    />
  );
}

function MenuUsuario() {
  const { sesion, tiene, cerrarSesion } = useAuth();
  const navigate = useNavigate();
  if (!sesion) return null;
  const nombre = sesion.usuario?.nombre || sesion.actor;
  const iniciales = nombre
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="Menú de usuario" data-testid="menu-usuario">
          <Group gap={6} wrap="nowrap">
            <Avatar size="sm" color="blue" radius="xl">
              {iniciales}
            </Avatar>
            <Text size="sm" visibleFrom="sm">
              {nombre}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {sesion.usuario?.email}
          <br />
          Rol: {sesion.empresa.rol}
        </Menu.Label>
        {tiene('administrar') && (
          <Menu.Item component="a" href="/swagger" target="_blank" leftSection={<IconApi size={16} />}>
            Documentación de la API (Swagger)
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={async () => {
            await cerrarSesion();
            navigate('/login', { replace: true });
          }}
        >
          Cerrar sesión
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout() {
  const [abierto, { toggle, close }] = useDisclosure();
  const { tiene } = useAuth();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !abierto } }}
      padding="md"
    >
      <a href="#contenido" className={clases.saltar}>
        Saltar al contenido
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={abierto}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Abrir navegación"
            />
            <Text component="span" fz="xl" fw={700} c="blue.9">
              Cobranzas
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <CampanaAlertas />
            <SelectorEmpresa />
            <MenuUsuario />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navegación principal">
        <ScrollArea>
          {modulosVisibles(tiene).map((m) => (
            <div key={`${m.titulo}-${m.enlaces[0]?.a}`}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                {m.titulo}
              </Text>
              {m.enlaces.map((e) => (
                <NavLink
                  key={e.a}
                  component={RouterNavLink}
                  to={e.a}
                  label={e.etiqueta}
                  leftSection={e.icono}
                  active={pathname === e.a || pathname.startsWith(`${e.a}/`)}
                  onClick={close}
                />
              ))}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="contenido" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
