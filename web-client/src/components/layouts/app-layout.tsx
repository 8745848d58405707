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
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconApi,
  IconStairsUp,
  IconListDetails,
  IconScript,
  IconCalendarDollar,
  IconMessageReport,
  IconChevronDown,
  IconCreditCard,
  IconFileImport,
  IconHistory,
  IconKey,
  IconLogout,
  IconUsers,
  IconUsersGroup,
  IconAddressBook,
  IconBuildingStore,
  IconCash,
  IconCreditCardPay,
  IconChartBar,
  IconCurrencyDollar,
  IconFileInvoice,
  IconArrowsExchange,
  IconReportMoney,
  IconSettings,
  IconUserDollar,
  IconBriefcase,
  IconArrowsSplit,
  IconListCheck,
  IconCalendar,
  IconMail,
  IconBuildingBank,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { CampanaAlertas } from '@/components/gestion/campana-alertas';
import { useAuth } from '@/lib/auth-contexto';
import { notificarError } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';

interface Enlace {
  a: string;
  etiqueta: string;
  icono: ReactNode;
}

const modulos: { titulo: string; permiso?: 'administrar'; enlaces: Enlace[] }[] = [
  {
    titulo: 'Gestión',
    enlaces: [
      { a: '/gestion/mi-trabajo', etiqueta: 'Mi trabajo', icono: <IconListCheck size={18} /> },
      { a: '/gestion/calendario', etiqueta: 'Calendario', icono: <IconCalendar size={18} /> },
    ],
  },
  {
    titulo: 'Clientes',
    enlaces: [
      { a: '/clientes', etiqueta: 'Clientes', icono: <IconBuildingStore size={18} /> },
      { a: '/grupos-clientes', etiqueta: 'Grupos de clientes', icono: <IconUsersGroup size={18} /> },
      { a: '/grupos-contactos', etiqueta: 'Grupos de contactos', icono: <IconAddressBook size={18} /> },
      { a: '/politicas-credito', etiqueta: 'Políticas de crédito', icono: <IconCreditCard size={18} /> },
      { a: '/importar-clientes', etiqueta: 'Importar clientes', icono: <IconFileImport size={18} /> },
    ],
  },
  {
    titulo: 'Cartera',
    enlaces: [
      { a: '/cartera/documentos', etiqueta: 'Documentos', icono: <IconFileInvoice size={18} /> },
      { a: '/cartera/pagos', etiqueta: 'Pagos', icono: <IconCash size={18} /> },
      { a: '/cartera/compensaciones', etiqueta: 'Compensaciones', icono: <IconArrowsExchange size={18} /> },
      { a: '/cartera/cheques', etiqueta: 'Cheques', icono: <IconCreditCardPay size={18} /> },
      { a: '/cartera/antiguedad', etiqueta: 'Antigüedad de saldos', icono: <IconChartBar size={18} /> },
      { a: '/cartera/provision', etiqueta: 'Provisión de incobrables', icono: <IconReportMoney size={18} /> },
      { a: '/cartera/valores-uf', etiqueta: 'Valores UF', icono: <IconCurrencyDollar size={18} /> },
      {
        a: '/cartera/importar-documentos',
        etiqueta: 'Importar documentos',
        icono: <IconFileImport size={18} />,
      },
      { a: '/cartera/configuracion', etiqueta: 'Configuración', icono: <IconSettings size={18} /> },
    ],
  },
  {
    titulo: 'Gestión',
    enlaces: [
      { a: '/gestion/cobradores', etiqueta: 'Cobradores', icono: <IconUserDollar size={18} /> },
      { a: '/gestion/carteras', etiqueta: 'Carteras', icono: <IconBriefcase size={18} /> },
      { a: '/gestion/asignacion', etiqueta: 'Asignación', icono: <IconArrowsSplit size={18} /> },
      {
        a: '/gestion/politica-cobranza',
        etiqueta: 'Política de cobranza',
        icono: <IconStairsUp size={18} />,
      },
      { a: '/gestion/tipos-actividad', etiqueta: 'Tipos de actividad', icono: <IconListDetails size={18} /> },
      { a: '/gestion/guiones', etiqueta: 'Guiones', icono: <IconScript size={18} /> },
      { a: '/gestion/compromisos', etiqueta: 'Compromisos', icono: <IconCalendarDollar size={18} /> },
      { a: '/gestion/disputas', etiqueta: 'Disputas', icono: <IconMessageReport size={18} /> },
      { a: '/gestion/motivos-disputa', etiqueta: 'Motivos de disputa', icono: <IconListDetails size={18} /> },
    ],
  },
  {
    titulo: 'Notificaciones',
    enlaces: [
      { a: '/notificaciones/definiciones', etiqueta: 'Notificaciones', icono: <IconMail size={18} /> },
      {
        a: '/notificaciones/cuentas-deposito',
        etiqueta: 'Cuentas de depósito',
        icono: <IconBuildingBank size={18} />,
      },
    ],
  },
  {
    titulo: 'Administración',
    permiso: 'administrar',
    enlaces: [
      { a: '/administracion/usuarios', etiqueta: 'Usuarios', icono: <IconUsers size={18} /> },
      { a: '/administracion/api-keys', etiqueta: 'API keys', icono: <IconKey size={18} /> },
      { a: '/administracion/auditoria', etiqueta: 'Auditoría', icono: <IconHistory size={18} /> },
    ],
  },
];

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
            <Title order={3} c="blue.7">
              Cobranzas
            </Title>
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
          {modulos
            .filter((m) => !m.permiso || tiene(m.permiso))
            .map((m) => (
              <div key={m.titulo}>
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
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
