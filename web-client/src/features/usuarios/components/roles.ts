export const roles = [
  {
    value: 'Administrador',
    label: 'Administrador',
    descripcion: 'Todo lo del Supervisor, más usuarios, API keys, auditoría y configuración de la empresa',
  },
  {
    value: 'Supervisor',
    label: 'Supervisor',
    descripcion:
      'Dirige el equipo: cobradores, carteras, asignación, política de cobranza y el trabajo de todos',
  },
  {
    value: 'Cobrador',
    label: 'Cobrador',
    descripcion: 'Gestiona sus clientes: actividades, compromisos, pagos y notificaciones',
  },
  { value: 'Consulta', label: 'Consulta', descripcion: 'Solo lectura: ve la cartera sin modificar nada' },
];
