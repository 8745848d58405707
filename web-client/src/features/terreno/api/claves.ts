export const clavesTerreno = {
  todo: ['terreno'] as const,
  miRuta: (fecha: string) => ['terreno', 'mi-ruta', fecha] as const,
  historia: (clienteId: string) => ['terreno', 'historia', clienteId] as const,
};
