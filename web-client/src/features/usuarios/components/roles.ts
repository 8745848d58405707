export const roles = [
  { value: 'Administrador', label: 'Administrador', descripcion: 'Todo, incluida la administración' },
  { value: 'Supervisor', label: 'Supervisor', descripcion: 'Ver, editar y enviar notificaciones' },
  { value: 'Cobrador', label: 'Cobrador', descripcion: 'Ver, editar y enviar notificaciones' },
  { value: 'Consulta', label: 'Consulta', descripcion: 'Solo lectura' },
];
