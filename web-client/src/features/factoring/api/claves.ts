export const clavesFactoring = {
  todo: ['factoring'] as const,
  factores: ['factoring', 'factores'] as const,
  cesiones: ['factoring', 'cesiones'] as const,
  pendientes: ['factoring', 'pendientes'] as const,
  transferencias: ['factoring', 'transferencias'] as const,
};
